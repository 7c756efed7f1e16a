package main

import (
	"context"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// newsroomEditions reads an article's editions by language from the store.
func newsroomEditions(t *testing.T, env *testEnv, id int64) map[pipeline.Lang]pipeline.Edition {
	t.Helper()
	eds, err := env.app.store.FindEditions(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	out := map[pipeline.Lang]pipeline.Edition{}
	for _, e := range eds {
		out[e.Lang] = e
	}
	return out
}

// expectPost posts a form and fails unless the answer has the status, and for a redirect the
// target, that the editor relies on; it returns the page. A refusal (400 or 409) must come as a
// redirect back to a page (post, redirect, get) that shows the reason want, once.
func expectPost(t *testing.T, c *wbClient, path string, v url.Values, code int, want string) string {
	t.Helper()
	if v.Get("csrf") == "" && c.csrf != "" {
		v.Set("csrf", c.csrf)
	}
	got, body, loc := c.postForm(path, v)
	if code == http.StatusBadRequest || code == http.StatusConflict {
		if got != http.StatusSeeOther || loc == "" {
			t.Fatalf("POST %s %v = %d (to %q), want a redirect back to the form's page:\n%s", path, v, got, loc, body)
		}
		got, body = c.get(loc)
		if got != http.StatusOK || !strings.Contains(html.UnescapeString(body), want) {
			t.Fatalf("POST %s: the page %s = %d without %q:\n%s", path, loc, got, want, body)
		}
		if _, again := c.get(loc); strings.Contains(again, `class="problem"`) {
			t.Fatalf("POST %s: the page %s shows the refusal again when read again", path, loc)
		}
		return body
	}
	if got != code {
		t.Fatalf("POST %s %v = %d (to %q), want %d:\n%s", path, v, got, loc, code, body)
	}
	if code == http.StatusSeeOther && !strings.HasPrefix(loc, want) {
		t.Fatalf("POST %s redirected to %q, want %q", path, loc, want)
	}
	if code != http.StatusSeeOther && !strings.Contains(html.UnescapeString(body), want) {
		t.Fatalf("POST %s = %d without %q:\n%s", path, code, want, body)
	}
	return body
}

// TestNewsroomOverHTTP drives the editors' pages as a browser without script does, through the
// whole program: who may enter, the board and its filters, releases now and later with their time
// zone, changing and cancelling a schedule, sending back with a comment, unpublishing, rolling
// back, retrying a failed translation, and the audit trail that records it all.
func TestNewsroomOverHTTP(t *testing.T) {
	t.Parallel()
	env := start(t, "pseudo")
	store := env.app.store
	edName, ruName := "ed-"+t.Name(), "ru-"+t.Name()
	setPassword(t, store, edName, "ed-password-1")
	setPassword(t, store, ruName, "ru-password-1")
	base := env.srv.URL
	slug := "newsroom-http"
	id := readyArticle(t, env, slug)
	art := fmt.Sprintf("/workbench/newsroom/articles/%d/", id)
	a, err := store.FindArticleByID(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}

	// Signed out: pages lead to the sign-in form and back; forms are refused.
	anon := newWBClient(t, base)
	req, _ := http.NewRequest("GET", base+"/workbench/newsroom/", nil)
	if code, _, loc := anon.do(req); code != http.StatusSeeOther || loc != "/workbench/signin?next=%2Fworkbench%2Fnewsroom%2F" {
		t.Fatalf("signed-out board = %d %q", code, loc)
	}
	if code, _, _ := anon.postForm(art+"release", url.Values{"langs": {"ru"}, "when": {"now"}, "tz": {"UTC"}}); code != 401 {
		t.Fatalf("signed-out release = %d", code)
	}
	// Signing in from there comes back to the newsroom.
	_, form := anon.get("/workbench/signin?next=%2Fworkbench%2Fnewsroom%2F")
	tok := csrfField.FindStringSubmatch(form)[1]
	if code, _, loc := anon.postForm("/workbench/signin", url.Values{"csrf": {tok}, "name": {edName},
		"password": {"ed-password-1"}, "next": {"/workbench/newsroom/"}}); code != 303 || loc != "/workbench/newsroom/" {
		t.Fatalf("sign-in from the newsroom = %d to %q", code, loc)
	}

	// Translators are refused, with the reason, on pages and forms.
	ru := signIn(t, base, ruName, "ru-password-1")
	for _, p := range []string{"/workbench/newsroom/", art, art + "editions/ru/"} {
		if code, page := ru.get(p); code != 403 || !strings.Contains(page, "Only editors and administrators") {
			t.Fatalf("translator on %s = %d", p, code)
		}
	}
	expectPost(t, ru, art+"release", url.Values{"langs": {"ru"}, "when": {"now"}, "tz": {"UTC"}}, 403, "Only editors")

	ed := signIn(t, base, edName, "ed-password-1")

	// The board: the article with its four editions awaiting approval, the source marked.
	code, board := ed.get("/workbench/newsroom/")
	if code != 200 || !strings.Contains(board, `href="`+art+`"`) || strings.Count(board, `data-state="awaiting_approval"`) != 4 ||
		!strings.Contains(board, ">source<") || !strings.Contains(board, "1 article") {
		t.Fatalf("board = %d:\n%s", code, board)
	}
	if _, b := ed.get("/workbench/newsroom/?state=awaiting_approval&lang=kk"); !strings.Contains(b, art) ||
		strings.Count(b, `data-lang="`) != 1 {
		t.Fatal("filtering by awaiting approval in Kazakh loses the article or shows other languages")
	}
	if _, b := ed.get("/workbench/newsroom/?state=published"); strings.Contains(b, art) || !strings.Contains(b, "No articles match") {
		t.Fatal("filtering by published shows an unpublished article")
	}
	for p, want := range map[string]string{"/workbench/newsroom/?state=bogus": "Unknown state", "/workbench/newsroom/?lang=xx": "Unknown language",
		"/workbench/newsroom/?page=abc": "not a page number", "/workbench/newsroom/?page=0": "not a page number"} {
		if code, b := ed.get(p); code != 400 || !strings.Contains(html.UnescapeString(b), want) {
			t.Errorf("%s = %d, want 400 with %q", p, code, want)
		}
	}
	if code, b := ed.get("/workbench/newsroom/?page=9"); code != 200 || !strings.Contains(b, "No articles match") || !strings.Contains(b, `rel="prev"`) {
		t.Errorf("a page past the end = %d", code)
	}
	for _, p := range []string{"/workbench/newsroom/articles/999999/", "/workbench/newsroom/articles/abc/", art + "editions/xx/"} {
		if code, _ := ed.get(p); code != 404 {
			t.Errorf("%s = %d, want 404", p, code)
		}
	}

	// The article page offers every edition awaiting approval for release.
	code, page := ed.get(art)
	if code != 200 || strings.Count(page, `name="langs"`) != 4 || !strings.Contains(page, a.Title) {
		t.Fatalf("article page = %d:\n%s", code, page)
	}

	// The source edition is reviewed on its own, and approved like any other; it has no
	// translators to send it back to.
	if code, src := ed.get(art + "editions/en/"); code != 200 || !strings.Contains(src, "Approve and publish now") ||
		strings.Contains(src, `id="sb-comment"`) || strings.Contains(src, "Source (") {
		t.Fatalf("source review page = %d:\n%s", code, src)
	}

	// Bad release forms are refused with a clear reason, and nothing is approved.
	later := time.Now().Add(2 * time.Hour).UTC().Truncate(time.Minute).Add(17 * time.Second) // seconds show only when not zero
	almaty, _ := time.LoadLocation("Asia/Almaty")
	noToken := *ed
	noToken.csrf = "wrong"
	expectPost(t, &noToken, art+"release", url.Values{"langs": {"ru"}, "when": {"now"}, "tz": {"UTC"}}, 403, "")
	for _, bad := range []struct {
		v    url.Values
		code int
		want string
	}{
		{url.Values{"when": {"now"}, "tz": {"UTC"}}, 400, "Tick at least one edition"},
		{url.Values{"langs": {"xx"}, "when": {"now"}, "tz": {"UTC"}}, 400, "Unknown language"},
		{url.Values{"langs": {"ru"}, "when": {"later"}, "tz": {"UTC"}, "publish_at": {""}}, 400, "Enter the date and time"},
		{url.Values{"langs": {"ru"}, "when": {"later"}, "tz": {"UTC"}, "publish_at": {"tomorrow"}}, 400, "“tomorrow” is not a date and time"},
		{url.Values{"langs": {"ru"}, "when": {"later"}, "tz": {"UTC"}, "publish_at": {"2020-01-01T10:00"}}, 400, "has already passed"},
		{url.Values{"langs": {"ru"}, "when": {"later"}, "tz": {"Mars/Olympus"}, "publish_at": {"2099-01-01T10:00"}}, 400, "Unknown time zone"},
		{url.Values{"langs": {"ru"}, "tz": {"UTC"}}, 400, "publish now or at a set time"},
	} {
		expectPost(t, ed, art+"release", bad.v, bad.code, bad.want)
	}
	if e := newsroomEditions(t, env, id); e[pipeline.Russian].State != pipeline.StateAwaitingApproval {
		t.Fatalf("a refused release approved Russian: %s", e[pipeline.Russian].State)
	}

	// Schedule English and Russian in Almaty time: the instant is stored in UTC, shown with the
	// offset, and the embargo holds on the reader site.
	expectPost(t, ed, art+"release", url.Values{"langs": {"en", "ru"}, "when": {"later"}, "tz": {"Asia/Almaty"},
		"publish_at": {later.In(almaty).Format("2006-01-02T15:04:05")}}, 303, art+"?done=scheduled")
	eds := newsroomEditions(t, env, id)
	for _, l := range []pipeline.Lang{pipeline.English, pipeline.Russian} {
		if e := eds[l]; e.State != pipeline.StateApproved || e.PublishAt == nil || !e.PublishAt.Equal(later) || e.ApprovedBy != edName {
			t.Fatalf("%s after scheduling: %s at %v by %q, want approved at %v", l, e.State, e.PublishAt, e.ApprovedBy, later)
		}
	}
	env.page(t, "/ru/articles/"+slug, 404)
	_, page = ed.get(art + "?done=scheduled")
	page = html.UnescapeString(page)
	if !strings.Contains(page, "Approved and scheduled.") || !strings.Contains(page, later.In(almaty).Format("15:04:05")+" UTC+05:00") ||
		!strings.Contains(page, `<option value="Asia/Almaty" selected>`) {
		t.Fatalf("the article page does not confirm the schedule at %s in the editor's zone:\n%s",
			later.In(almaty).Format("15:04:05")+" UTC+05:00", page)
	}
	if _, b := ed.get("/workbench/newsroom/"); !strings.Contains(b, "scheduled") || !strings.Contains(html.UnescapeString(b), "UTC+05:00") {
		t.Fatal("the board does not show the scheduled time")
	}
	rels, err := store.FindReleases(t.Context(), id)
	if err != nil || len(rels) != 1 {
		t.Fatalf("releases: %v %v", rels, err)
	}
	rel := fmt.Sprintf("%sreleases/%d/", art, rels[0].ID)

	// Releasing an edition already approved names it.
	expectPost(t, ed, art+"release", url.Values{"langs": {"ru"}, "when": {"now"}, "tz": {"UTC"}}, 409,
		"Русский cannot be approved: it is approved, not awaiting approval")

	// Change the time, in UTC this time; a bad time changes nothing.
	later2 := later.Add(24 * time.Hour)
	expectPost(t, ed, rel+"reschedule", url.Values{"when": {"later"}, "tz": {"UTC"}, "publish_at": {"yesterday"}}, 400, "is not a date and time")
	expectPost(t, ed, rel+"reschedule", url.Values{"when": {"later"}, "tz": {"UTC"}, "publish_at": {later2.Format("2006-01-02T15:04")}},
		303, art+"?done=rescheduled")
	if e := newsroomEditions(t, env, id)[pipeline.English]; e.PublishAt == nil || !e.PublishAt.Equal(later2.Truncate(time.Minute)) {
		t.Fatalf("after rescheduling English goes out at %v, want %v", e.PublishAt, later2.Truncate(time.Minute))
	}

	// Cancel: both go back to awaiting approval; a cancelled release cannot be cancelled again.
	expectPost(t, ed, rel+"cancel", url.Values{}, 303, art+"?done=cancelled")
	for l, e := range newsroomEditions(t, env, id) {
		if e.State != pipeline.StateAwaitingApproval {
			t.Fatalf("after cancelling, %s is %s", l, e.State)
		}
	}
	expectPost(t, ed, rel+"cancel", url.Values{}, 409, "it is cancelled")
	expectPost(t, ed, art+"releases/999999/cancel", url.Values{}, 404, "")

	// Send back: a comment is required and kept on refusal; the source edition awaiting approval
	// has no translators to go back to.
	kkReview := art + "editions/kk/"
	_, review := ed.get(kkReview)
	if !strings.Contains(review, `id="sb-comment"`) || !strings.Contains(review, "open finding") {
		t.Fatalf("review page lacks the send-back form or the findings:\n%s", review)
	}
	expectPost(t, ed, kkReview+"send-back", url.Values{"comment": {"   "}}, 400, "Write a comment for the translators")
	expectPost(t, ed, kkReview+"send-back", url.Values{"comment": {strings.Repeat("я", 4001)}}, 400, "too long")
	expectPost(t, ed, art+"editions/en/send-back", url.Values{"comment": {"why"}}, 409, "cannot be sent back")
	comment := "Термин «партийное сотрудничество» переведите единообразно."
	expectPost(t, ed, kkReview+"send-back", url.Values{"comment": {comment}}, 303, art+"?done=sent_back")
	if e := newsroomEditions(t, env, id)[pipeline.Kazakh]; e.State != pipeline.StateInReview {
		t.Fatalf("after sending back Kazakh is %s", e.State)
	}

	// Approve Russian now from its review page, and English with Chinese now from the article page.
	_, review = ed.get(art + "editions/ru/")
	if !strings.Contains(review, "Overridden by") || !strings.Contains(review, "pseudo-translation in a test") {
		t.Errorf("the review page does not show overridden findings with their reason and who overrode them")
	}
	expectPost(t, ed, art+"editions/ru/approve", url.Values{"when": {"now"}, "tz": {"UTC"}}, 303, art+"?done=released")
	expectPost(t, ed, art+"release", url.Values{"langs": {"en", "zh"}, "when": {"now"}, "tz": {"UTC"}, "publish_at": {"ignored"}}, 303, art+"?done=released")
	env.waitFor(t, id, "publication", func(s map[pipeline.Lang]string) bool {
		return s["en"] == "published" && s["ru"] == "published" && s["zh"] == "published"
	})
	waitPage(t, env, "/zh/articles/"+slug, 200)

	// Unpublish Chinese: gone from the site, awaiting approval again; a second time is refused.
	expectPost(t, ed, art+"editions/zh/unpublish", url.Values{}, 303, art+"?done=unpublished")
	waitPage(t, env, "/zh/articles/"+slug, 404)
	if e := newsroomEditions(t, env, id)[pipeline.Chinese]; e.State != pipeline.StateAwaitingApproval || e.LiveVersionID != nil {
		t.Fatalf("after unpublishing Chinese is %s, live %v", e.State, e.LiveVersionID)
	}
	expectPost(t, ed, art+"editions/zh/unpublish", url.Values{}, 409, "This edition is not published.")

	// Publish Russian a second time, then roll back to the first version.
	expectPost(t, ed, art+"editions/ru/unpublish", url.Values{}, 303, art)
	expectPost(t, ed, art+"release", url.Values{"langs": {"ru"}, "when": {"now"}, "tz": {"UTC"}}, 303, art)
	env.waitFor(t, id, "republication", func(s map[pipeline.Lang]string) bool { return s["ru"] == "published" })
	vs, err := store.FindVersions(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	var ruLive, ruOld, enVersion int64
	for _, v := range vs {
		switch {
		case v.Lang == pipeline.Russian && v.Live:
			ruLive = v.ID
		case v.Lang == pipeline.Russian:
			ruOld = v.ID
		case v.Lang == pipeline.English:
			enVersion = v.ID
		}
		if v.ApprovedBy != edName || v.ApprovedAt == nil {
			t.Errorf("version %d lacks its approval: %q %v", v.ID, v.ApprovedBy, v.ApprovedAt)
		}
	}
	if ruLive == 0 || ruOld == 0 {
		t.Fatalf("Russian versions: %+v", vs)
	}
	_, page = ed.get(art)
	if strings.Count(page, `action="`+art+`editions/ru/rollback"`) != 1 || !strings.Contains(page, edName) {
		t.Fatalf("the article page does not offer the earlier Russian version once:\n%s", page)
	}
	expectPost(t, ed, art+"editions/ru/rollback", url.Values{"version": {"abc"}}, 400, "Choose the version")
	expectPost(t, ed, art+"editions/ru/rollback", url.Values{"version": {idStr(enVersion)}}, 400, "not a published version of the Русский edition")
	expectPost(t, ed, art+"editions/ru/rollback", url.Values{"version": {idStr(ruOld)}}, 303, art+"?done=rolled_back")
	if e := newsroomEditions(t, env, id)[pipeline.Russian]; e.LiveVersionID == nil || *e.LiveVersionID != ruOld {
		t.Fatalf("after the rollback Russian shows version %v, want %d", e.LiveVersionID, ruOld)
	}

	// A failed translation shows its reason in the editor's language and can be retried once.
	kk := newsroomEditions(t, env, id)[pipeline.Kazakh]
	if _, err := env.app.db.pool.Exec(t.Context(), `UPDATE editions SET state = 'translating' WHERE id = $1`, kk.ID); err != nil {
		t.Fatal(err)
	}
	if err := store.FailEdition(t.Context(), kk.ID, pipeline.CodeUnavailable, "error.translate_failed"); err != nil {
		t.Fatal(err)
	}
	if _, b := ed.get("/workbench/newsroom/?state=failed"); !strings.Contains(b, art) || !strings.Contains(b, "Machine translation failed") {
		t.Fatal("the board does not show the failure with its reason")
	}
	expectPost(t, ed, "/workbench/lang", url.Values{"lang": {"ru"}, "back": {"/workbench/newsroom/"}}, 303, "/workbench/newsroom/")
	if _, b := ed.get(art); !strings.Contains(b, "Машинный перевод не удался") || !strings.Contains(b, "Повторить перевод") {
		t.Fatalf("the failure is not shown in Russian:\n%s", b)
	}
	expectPost(t, ed, art+"editions/kk/retry", url.Values{}, 303, art+"?done=retried")
	if e := newsroomEditions(t, env, id)[pipeline.Kazakh]; e.State == pipeline.StateFailed {
		t.Fatal("after a retry Kazakh is still failed")
	}
	expectPost(t, ed, art+"editions/ru/retry", url.Values{}, 409, "завершившуюся ошибкой")

	// The audit trail, newest first, in the editor's language, with the comment and the times.
	_, page = ed.get(art)
	page = html.UnescapeString(page)
	for _, want := range []string{"Журнал действий", "Возвращена переводчикам", "Комментарий: " + comment, "Возвращена предыдущая версия",
		"Время выпуска изменено", "Выпуск отменён", "Снята с публикации", "Опубликована", "Перевод запущен повторно", edName} {
		if !strings.Contains(page, want) {
			t.Errorf("the audit trail lacks %q", want)
		}
	}
	if i, j := strings.Index(page, "Перевод запущен повторно"), strings.Index(page, "Статья добавлена"); i < 0 || j < i {
		t.Error("the audit trail is not newest first")
	}
}

// BenchmarkNewsroomBoard renders the first page of the board, and a filtered page, on the server
// with 1,000 articles of 60 sentences each (4,000 editions), database queries included. The board
// is every editor's start page; the target is a median under 50 ms.
//
//	DATABASE_URL=... go test -run '^$' -bench BenchmarkNewsroomBoard -benchtime 200x ./cmd/tilmash/
func BenchmarkNewsroomBoard(b *testing.B) {
	ctx := b.Context()
	cfg := &Config{DatabaseURL: postgrestest.NewDatabase(b), Provider: "none", Getenv: func(string) string { return "" }}
	a, err := newApp(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { a.close(context.Background()) })
	var paras []string
	for i := 1; i < 60; i++ {
		paras = append(paras, fmt.Sprintf("%s (%d)", benchSentences[i%len(benchSentences)], i))
	}
	for i := range 1000 {
		if _, err := a.store.CreateArticle(ctx, postgrestest.NewArticle(pipeline.English, fmt.Sprintf("board-%d", i),
			fmt.Sprintf("Partnership of China and Central Asia, part %d", i), paras...)); err != nil {
			b.Fatal(err)
		}
	}
	u, err := a.store.CreateUser(ctx, pipeline.User{Name: "bench-editor", Role: pipeline.RoleEditor}, "x")
	if err != nil {
		b.Fatal(err)
	}
	tok, err := a.store.CreateSession(ctx, u.ID, time.Hour)
	if err != nil {
		b.Fatal(err)
	}
	ws, err := a.webServer()
	if err != nil {
		b.Fatal(err)
	}
	h := ws.Handler()
	for _, path := range []string{"/workbench/newsroom/", "/workbench/newsroom/?state=translating&lang=kk&page=7"} {
		b.Run(strings.TrimPrefix(path, "/workbench/newsroom/"), func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				req := httptest.NewRequest("GET", path, nil)
				req.Header.Set("Cookie", "tilmash_session="+tok)
				rec := httptest.NewRecorder()
				start := time.Now()
				h.ServeHTTP(rec, req)
				times = append(times, time.Since(start))
				if rec.Code != 200 || !strings.Contains(rec.Body.String(), "1,000 articles") && !strings.Contains(rec.Body.String(), "1000 articles") {
					b.Fatalf("board = %d:\n%s", rec.Code, rec.Body.String())
				}
			}
			reportLatency(b, times)
		})
	}
}
