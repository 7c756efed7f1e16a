package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// raw sends a body as it is and returns the status, the content type and the body.
func (c client) raw(method, path, ctype string, body []byte) (int, string, []byte) {
	c.t.Helper()
	req, _ := http.NewRequest(method, c.base+path, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+c.token)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header.Get("Content-Type"), b
}

var transUnit = regexp.MustCompile(`(?s)(<source[^>]*>)(.*?)(</source>\s*<target[^>]*>).*?(</target>)`)

// translated plays a CAT tool on an XLIFF 1.2 file: every target becomes prefix plus the
// source's content, inline elements and all.
func translated(file []byte, prefix string) []byte {
	return transUnit.ReplaceAll(file, []byte("${1}${2}${3}"+prefix+"${2}${4}"))
}

// TestInterchangeOverHTTP exports an edition as XLIFF from the API and the workbench, imports it
// back translated, and moves the memory and the termbase as TMX and TBX through the API.
func TestInterchangeOverHTTP(t *testing.T) {
	t.Parallel()
	env := start(t, "pseudo")
	ed, ru := env.users["ed"], env.users["ru"]
	text := "# Cooperation in Central Asia\n\nTrade with [China](https://example.org/china) grew by 27% in 2023.[^1]\n\n" +
		"Energy ministers met in *Astana* on Friday.\n\n[^1]: Customs statistics.\n"
	art := ed.must("POST", "/api/v1/articles", map[string]any{"text": text, "format": "markdown", "source_lang": "en",
		"slug": "interchange-http"}, 201)
	id := int64(art["id"].(float64))
	env.waitFor(t, id, "review", func(s map[pipeline.Lang]string) bool { return s["ru"] == "in_review" })
	base := fmt.Sprintf("/api/v1/articles/%d/editions/ru", id)

	code, ctype, file := ru.raw("GET", base+"/xliff?version=1.2", "", nil)
	if code != 200 || !strings.HasPrefix(ctype, "application/xliff+xml") || !bytes.Contains(file, []byte(`<g id="1" ctype="link">China</g>`)) {
		t.Fatalf("export: %d %s\n%s", code, ctype, file)
	}
	if code, _, _ := env.users["kk"].raw("GET", base+"/xliff", "", nil); code != 403 {
		t.Errorf("a Kazakh translator exported the Russian edition: %d", code)
	}
	if code, _, body := ru.raw("GET", base+"/xliff?version=3", "", nil); code != 400 || !strings.Contains(string(body), "1.2 or 2.1") {
		t.Errorf("unknown version: %d %s", code, body)
	}
	code, _, body := ru.raw("POST", base+"/xliff", "application/xliff+xml", translated(file, "Перевод: "))
	var rep struct {
		Applied, Unchanged, Conflicts, Refused int
		Units                                  []struct{ Unit, Outcome, Message string }
	}
	if code != 200 || json.Unmarshal(body, &rep) != nil || rep.Applied == 0 || rep.Conflicts+rep.Refused != 0 {
		t.Fatalf("import: %d %s", code, body)
	}
	segs := ru.must("GET", base, nil, 200)["segments"].([]any)
	if rep.Applied+rep.Unchanged != len(segs) {
		t.Errorf("%d applied and %d unchanged of %d segments", rep.Applied, rep.Unchanged, len(segs))
	}
	for _, s := range segs {
		seg := s.(map[string]any)
		if !strings.HasPrefix(seg["target"].(string), "Перевод: ") || seg["updated_by"] != "ru-"+t.Name() {
			t.Errorf("segment after import: %v", seg)
		}
	}
	// The same file again: every unit is now a conflict, and the report says so in Russian.
	code, _, body = ru.rawLang("POST", base+"/xliff", "application/xliff+xml", translated(file, "Другой перевод: "), "ru")
	if code != 200 || !strings.Contains(string(body), `"conflicts":`+fmt.Sprint(rep.Applied)) || !strings.Contains(string(body), "изменили в Tilmash после выгрузки") {
		t.Errorf("stale import: %d %s", code, body)
	}
	if code, _, body := ru.raw("POST", base+"/xliff", "application/xliff+xml", []byte("<xliff")); code != 400 || !strings.Contains(string(body), "cannot be read") {
		t.Errorf("malformed file: %d %s", code, body)
	}

	// The workbench and the newsroom link to the same download.
	var ruEdition int64
	for _, e := range newsroomEditions(t, env, id) {
		if e.Lang == pipeline.Russian {
			ruEdition = e.ID
		}
	}
	setPassword(t, env.app.store, "ru-"+t.Name(), "ru-password-1")
	wb := signIn(t, env.srv.URL, "ru-"+t.Name(), "ru-password-1")
	wbPath := fmt.Sprintf("/workbench/editions/%d/", ruEdition)
	if code, page := wb.get(wbPath); code != 200 || !strings.Contains(page, `href="/workbench/editions/`+fmt.Sprint(ruEdition)+`/xliff?version=1.2"`) {
		t.Errorf("the editor has no download link: %d", code)
	}
	if code, x := wb.get(wbPath + "xliff?version=2.1"); code != 200 || !strings.Contains(x, `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1"`) {
		t.Errorf("workbench download: %d %.200s", code, x)
	}
	setPassword(t, env.app.store, "ed-"+t.Name(), "ed-password-1")
	nr := signIn(t, env.srv.URL, "ed-"+t.Name(), "ed-password-1")
	review := fmt.Sprintf("/workbench/newsroom/articles/%d/editions/ru/", id)
	if code, page := nr.get(review); code != 200 || !strings.Contains(page, `xliff?version=1.2"`) {
		t.Errorf("the review page has no download link: %d", code)
	}
	if code, x := nr.get(review + "xliff?version=1.2"); code != 200 || !strings.Contains(x, `<xliff version="1.2"`) {
		t.Errorf("newsroom download: %d %.200s", code, x)
	}

	// Memory: export, import as a batch (editors only), list, remove.
	tmx := []byte(`<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Interchange over HTTP.</seg></tuv>` +
		`<tuv xml:lang="zh"><seg>通过 HTTP 交换。</seg></tuv></tu></body></tmx>`)
	if code, _, _ := ru.raw("POST", "/api/v1/tm/import", "application/x-tmx+xml", tmx); code != 403 {
		t.Errorf("a translator imported a memory: %d", code)
	}
	code, _, body = ed.raw("POST", "/api/v1/tm/import?name=http.tmx", "application/x-tmx+xml", tmx)
	var imp struct {
		ID      int64
		Entries int
	}
	if code != 201 || json.Unmarshal(body, &imp) != nil || imp.Entries != 1 {
		t.Fatalf("memory import: %d %s", code, body)
	}
	code, _, body = ru.raw("GET", fmt.Sprintf("/api/v1/tm/export?import=%d&tags=omegat", imp.ID), "", nil)
	if code != 200 || !strings.Contains(string(body), "通过 HTTP 交换。") {
		t.Errorf("memory export: %d %s", code, body)
	}
	if list := ed.must("GET", "/api/v1/tm/imports", nil, 200)["imports"].([]any); len(list) == 0 {
		t.Errorf("no imports listed")
	}
	ed.must("DELETE", fmt.Sprintf("/api/v1/tm/imports/%d", imp.ID), nil, 200)
	ed.must("DELETE", fmt.Sprintf("/api/v1/tm/imports/%d", imp.ID), nil, 404)

	// Termbase as TBX.
	tbx := []byte(`<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>` +
		`<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>Middle Corridor</term></termSec></langSec>` +
		`<langSec xml:lang="kk"><termSec><term>Орта дәліз</term></termSec></langSec></conceptEntry></body></text></tbx>`)
	if code, _, body := ed.raw("POST", "/api/v1/terms/import", "application/x-tbx+xml", tbx); code != 200 || !strings.Contains(string(body), `"created":1`) {
		t.Errorf("TBX import: %d %s", code, body)
	}
	if code, _, body := ed.raw("GET", "/api/v1/terms?format=tbx", "", nil); code != 200 || !strings.Contains(string(body), "<term>Орта дәліз</term>") {
		t.Errorf("TBX export: %d %s", code, body)
	}
}

func (c client) rawLang(method, path, ctype string, body []byte, lang string) (int, string, []byte) {
	c.t.Helper()
	req, _ := http.NewRequest(method, c.base+path, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Accept-Language", lang)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header.Get("Content-Type"), b
}

// TestCLIInterchange exports an edition with `tilmash xliff export`, imports it translated with
// `tilmash xliff import`, and moves the memory and the termbase with `tilmash tm` and
// `tilmash terms`.
func TestCLIInterchange(t *testing.T) {
	t.Parallel()
	md := writeFile(t, "# Орталық Азия\n\nСауда [Қытаймен](https://example.org) 27%-ға өсті.\n\nМинистрлер Астанада кездесті.\n")
	code, _, errOut := runCLI(t, "", "ingest", md, "--lang", "kk", "--format", "markdown", "--slug", "cli-interchange")
	if code != 0 {
		t.Fatalf("ingest: %d %s", code, errOut)
	}
	dir := t.TempDir()
	xlf := filepath.Join(dir, "zh.xlf")
	if code, _, errOut := runCLI(t, "", "xliff", "export", "cli-interchange", "zh", "--version", "1.2", "-o", xlf); code != 0 {
		t.Fatalf("export: %d %s", code, errOut)
	}
	data, err := os.ReadFile(xlf)
	if err != nil || !bytes.Contains(data, []byte(`source-language="kk" target-language="zh"`)) {
		t.Fatalf("exported %v:\n%s", err, data)
	}
	if err := os.WriteFile(xlf, translated(data, "译："), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "xliff", "import", xlf, "--user", "li")
	if code != 0 || !regexp.MustCompile(`zh\.xlf: \d+ applied, 0 unchanged, 0 conflicts, 0 refused`).MatchString(out) {
		t.Fatalf("import: %d\n%s%s", code, out, errOut)
	}
	// The same file again changes nothing; another translation from that export conflicts with the
	// first import.
	if code, out, _ := runCLI(t, "", "xliff", "import", xlf); code != 0 || !strings.Contains(out, " 0 applied, 3 unchanged") {
		t.Errorf("the same file again: %d\n%s", code, out)
	}
	if err := os.WriteFile(xlf, translated(data, "新译："), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runCLI(t, "", "xliff", "import", xlf)
	if code != 0 || !strings.Contains(out, "conflict\tThis segment was changed in Tilmash after the export") {
		t.Errorf("second import: %d\n%s", code, out)
	}
	if code, _, errOut := runCLI(t, "", "xliff", "export", "cli-interchange", "kk"); code != 1 || !strings.Contains(errOut, "source") {
		t.Errorf("exporting the source edition: %d %s", code, errOut)
	}

	tmx := filepath.Join(dir, "memory.tmx")
	if err := os.WriteFile(tmx, []byte(`<tmx version="1.4"><header srclang="kk"/><body><tu><tuv xml:lang="kk"><seg>CLI жады.</seg></tuv>`+
		`<tuv xml:lang="ru"><seg>Память CLI.</seg></tuv></tu></body></tmx>`), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCLI(t, "", "tm", "import", tmx)
	m := regexp.MustCompile(`^import (\d+): 1 units, 1 memory entries, 0 skipped`).FindStringSubmatch(out)
	if code != 0 || m == nil {
		t.Fatalf("tm import: %d %s %s", code, out, errOut)
	}
	if code, out, _ := runCLI(t, "", "tm", "export", "--import", m[1], "--source", "kk"); code != 0 || !strings.Contains(out, "<seg>Память CLI.</seg>") {
		t.Errorf("tm export: %d %s", code, out)
	}
	if code, out, _ := runCLI(t, "", "tm", "imports"); code != 0 || !strings.Contains(out, m[1]+"\t") {
		t.Errorf("tm imports: %d %s", code, out)
	}
	if code, out, _ := runCLI(t, "", "tm", "remove", m[1]); code != 0 || !strings.Contains(out, "1 memory entries") {
		t.Errorf("tm remove: %d %s", code, out)
	}

	tbx := filepath.Join(dir, "terms.tbx")
	if err := os.WriteFile(tbx, []byte(`<martif type="TBX"><text><body><termEntry><langSet xml:lang="en"><tig><term>Shymkent CLI</term></tig></langSet>`+
		`<langSet xml:lang="xx"><tig><term>Шымкент CLI</term></tig></langSet></termEntry></body></text></martif>`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCLI(t, "", "terms", "import", tbx, "--assume-lang", "kk"); code != 0 || !strings.Contains(out, "1 concepts imported") {
		t.Errorf("terms import: %d %s %s", code, out, errOut)
	}
	if code, out, _ := runCLI(t, "", "terms", "export", "--format", "tbx"); code != 0 || !strings.Contains(out, `<langSec xml:lang="kk"><termSec><term>Шымкент CLI</term>`) {
		t.Errorf("terms export: %d %.300s", code, out)
	}
}
