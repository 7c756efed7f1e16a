package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// upload posts a file as multipart/form-data to /api/v1/articles/upload.
func (c client) upload(file []byte, fields map[string]string) (int, map[string]any) {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if file != nil {
		fw, _ := mw.CreateFormFile("file", "article")
		fw.Write(file)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", c.base+"/api/v1/articles/upload", &body)
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	json.NewDecoder(res.Body).Decode(&out)
	return res.StatusCode, out
}

// TestUploadHTMLAndDOCX imports a web page and a Word document by upload: the format is detected,
// the links, emphasis and notes survive segmentation and pseudo-translation as placeholders, and
// the published page shows them as real, safe elements. Bad files are refused and store nothing.
func TestUploadHTMLAndDOCX(t *testing.T) {
	t.Parallel()
	env := start(t, "pseudo")
	ed, ru := env.users["ed"], env.users["ru"]
	page, err := os.ReadFile("../../internal/document/testdata/article-page.html")
	if err != nil {
		t.Fatal(err)
	}
	docx, err := os.ReadFile("../../internal/document/testdata/article.docx")
	if err != nil {
		t.Fatal(err)
	}
	articles := func() int { return len(ed.must("GET", "/api/v1/articles", nil, 200)["articles"].([]any)) }
	before := articles()
	for _, tc := range []struct {
		name   string
		file   []byte
		fields map[string]string
		code   int
		msg    string
	}{
		{"encrypted", append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 600)...), map[string]string{"source_lang": "en"}, 400, "password-protected"},
		{"corrupt", docx[:len(docx)/2], map[string]string{"source_lang": "en", "format": "docx"}, 400, "damaged"},
		{"mismatch", docx, map[string]string{"source_lang": "en", "format": "html"}, 400, "its content is docx"},
		{"no file", nil, map[string]string{"source_lang": "en"}, 400, "file"},
		{"no language", page, map[string]string{}, 400, "source_lang"},
		{"oversized", bytes.Repeat([]byte("Words. "), 3<<20), map[string]string{"source_lang": "en"}, 413, "too large"},
	} {
		code, out := ed.upload(tc.file, tc.fields)
		if code != tc.code || !strings.Contains(fmt.Sprint(out), tc.msg) {
			t.Errorf("%s: %d %v, want %d with %q", tc.name, code, out, tc.code, tc.msg)
		}
	}
	if code, _ := ru.upload(page, map[string]string{"source_lang": "en"}); code != 403 {
		t.Errorf("a translator uploaded an article: %d", code)
	}
	if after := articles(); after != before {
		t.Fatalf("refused uploads stored %d articles", after-before)
	}

	code, art := ed.upload(page, map[string]string{"source_lang": "en", "slug": "upload-html", "category": "analysis"})
	if code != 201 || art["title"] != "Water and Power in Central Asia" {
		t.Fatalf("HTML upload = %d %v", code, art)
	}
	htmlID := int64(art["id"].(float64))
	code, art = ed.upload(docx, map[string]string{"source_lang": "en", "format": "docx", "slug": "upload-docx"})
	if code != 201 || art["title"] != "Kazakhstan and the SCO: A Decade of Security Cooperation" {
		t.Fatalf("DOCX upload = %d %v", code, art)
	}
	docxID := int64(art["id"].(float64))

	env.waitFor(t, htmlID, "review", func(s map[pipeline.Lang]string) bool {
		return s["ru"] == "in_review" && s["en"] == "awaiting_approval"
	})
	edition := ru.must("GET", fmt.Sprintf("/api/v1/articles/%d/editions/ru", htmlID), nil, 200)
	placeholders := regexp.MustCompile(`</?g\d+>|<x\d+/>`)
	kept := 0
	for _, s := range edition["segments"].([]any) {
		seg := s.(map[string]any)
		src, tgt := fmt.Sprint(seg["source"]), fmt.Sprint(seg["target"])
		if strings.Contains(src, "http") {
			t.Errorf("a link address reached the translator: %q", src)
		}
		if ps := placeholders.FindAllString(src, -1); len(ps) > 0 {
			if strings.Join(ps, "") != strings.Join(placeholders.FindAllString(tgt, -1), "") {
				t.Errorf("the draft lost placeholders: %q → %q", src, tgt)
			}
			kept++
		}
	}
	if kept < 4 {
		t.Errorf("only %d segments carry markup placeholders", kept)
	}

	// The source edition is published with its markup restored and nothing unsafe.
	answerRepairQuestions(t, env, htmlID)
	ed.must("POST", fmt.Sprintf("/api/v1/articles/%d/editions/en/approve", htmlID), map[string]any{}, 200)
	env.waitFor(t, htmlID, "publication", func(s map[pipeline.Lang]string) bool { return s["en"] == "published" })
	_, pub := getLive(t, env, env.srv.URL+"/en/articles/upload-html")
	for _, want := range []string{`<a href="https://example.org/dushanbe-2023" rel="nofollow noopener">Dushanbe</a>`,
		"<em>Central Asia</em>", `<a href="#fn-1">1</a></sup>`, `<li id="fn-1" value="1">See the`} {
		if !strings.Contains(pub, want) {
			t.Errorf("the published page lacks %s", want)
		}
	}
	for _, bad := range []string{"javascript:", "onclick", "steal()", "dataLayer", "Share on X"} {
		if strings.Contains(pub, bad) {
			t.Errorf("the published page contains %q", bad)
		}
	}
	if out := ed.must("GET", fmt.Sprintf("/api/v1/articles/%d/repairs", docxID), nil, 200); out["changes"] == nil {
		t.Errorf("repairs of the DOCX article: %v", out)
	}
}

// TestRepairsUndo ingests the sample article pasted from a PDF, lists what the repair changed,
// undoes one change and checks that the segment comes back as it arrived while the others keep
// their repairs; a stale or unknown undo is refused, and none is possible after approval.
func TestRepairsUndo(t *testing.T) {
	t.Parallel()
	env := start(t, "pseudo")
	ed := env.users["ed"]
	sample, err := os.ReadFile("../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		t.Fatal(err)
	}
	art := ed.must("POST", "/api/v1/articles", map[string]any{"text": string(sample), "source_lang": "en", "slug": "repairs-undo"}, 201)
	id := int64(art["id"].(float64))
	if n := art["repairs"].(float64); n < 10 {
		t.Fatalf("the article JSON counts %v repairs", n)
	}
	base := fmt.Sprintf("/api/v1/articles/%d", id)
	reps := ed.must("GET", base+"/repairs?diff=1", nil, 200)
	changes := reps["changes"].([]any)
	if len(changes) != int(art["repairs"].(float64)) || len(reps["diff"].([]any)) == 0 {
		t.Fatalf("repairs: %d changes for a count of %v", len(changes), art["repairs"])
	}
	var target map[string]any
	for _, c := range changes {
		if m := c.(map[string]any); m["before"] == "strategicallyimportant" {
			target = m
		}
	}
	if target == nil {
		t.Fatal("the repair of strategicallyimportant is not listed")
	}
	env.waitFor(t, id, "review", func(s map[pipeline.Lang]string) bool { return s["ru"] == "in_review" })
	segments := func() string {
		var b strings.Builder
		for _, s := range ed.must("GET", base+"/editions/en", nil, 200)["segments"].([]any) {
			b.WriteString(fmt.Sprint(s.(map[string]any)["source"]) + "\n")
		}
		return b.String()
	}
	beforeUndo := segments()
	version := reps["version"]
	ed.must("POST", base+"/repairs/undo", map[string]any{"changes": []any{target["id"]}, "version": version}, 200)
	afterUndo := segments()
	if !strings.Contains(afterUndo, "strategicallyimportant") || strings.Contains(beforeUndo, "strategicallyimportant") {
		t.Error("the undone repair is not back in the segments")
	}
	if !strings.Contains(afterUndo, "in Central Asia") || strings.Count(afterUndo, "\n") != strings.Count(beforeUndo, "\n") {
		t.Error("the other repairs or the segment count changed")
	}
	if code, _ := ed.do("POST", base+"/repairs/undo", map[string]any{"changes": []any{target["id"]}, "version": version}); code != 409 {
		t.Errorf("a stale undo answered %d", code)
	}
	now := ed.must("GET", base+"/repairs", nil, 200)
	if code, _ := ed.do("POST", base+"/repairs/undo", map[string]any{"changes": []any{999999}, "version": now["version"]}); code != 404 {
		t.Errorf("an unknown change answered %d", code)
	}
	if got := ed.must("GET", base, nil, 200)["repairs"].(float64); int(got) != len(changes)-1 {
		t.Errorf("after one undo the article counts %v repairs, want %d", got, len(changes)-1)
	}
	// Once an edition is approved, repairs stay.
	answerRepairQuestions(t, env, id)
	now = ed.must("GET", base+"/repairs", nil, 200)
	ed.must("POST", base+"/editions/en/approve", map[string]any{}, 200)
	var other any
	for _, c := range now["changes"].([]any) {
		if m := c.(map[string]any); m["undone"] == false {
			other = m["id"]
			break
		}
	}
	if code, out := ed.do("POST", base+"/repairs/undo", map[string]any{"changes": []any{other}, "version": now["version"]}); code != 409 ||
		!strings.Contains(fmt.Sprint(out), "no longer") {
		t.Errorf("an undo after approval answered %d %v", code, out)
	}
}

// TestCLIIngestFormats imports the web page and the Word document with `tilmash ingest`, with the
// format given and detected.
func TestCLIIngestFormats(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		file string
		args []string
	}{
		{"../../internal/document/testdata/article-page.html", []string{"--format", "html", "--slug", "cli-html"}},
		{"../../internal/document/testdata/article.docx", []string{"--slug", "cli-docx"}},
	} {
		code, out, errOut := runCLI(t, "", append([]string{"ingest", tc.file, "--lang", "en"}, tc.args...)...)
		if code != 0 || !strings.Contains(out, tc.args[len(tc.args)-1]) {
			t.Errorf("%s: exit %d, %q %q", tc.file, code, out, errOut)
		}
	}
	if code, _, errOut := runCLI(t, "", "ingest", "../../internal/document/testdata/article.docx", "--lang", "en", "--format", "html"); code != 1 ||
		!strings.Contains(errOut, "its content is docx") {
		t.Errorf("a Word document ingested as html: %d %q", code, errOut)
	}
}
