package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
)

// runCLI runs the binary's entry point against the test database.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	url := postgrestest.URL(t)
	getenv := func(k string) string {
		if k == "DATABASE_URL" {
			return url
		}
		return ""
	}
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut, getenv)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "article.txt")
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCLIHelp(t *testing.T) {
	t.Parallel()
	code, out, _ := runCLI(t, "", "help")
	for _, cmd := range []string{"demo", "serve", "worker", "migrate", "ingest", "user add", "token create"} {
		if !strings.Contains(out, cmd) {
			t.Errorf("help does not list %q", cmd)
		}
	}
	if code != 0 {
		t.Errorf("help exited %d", code)
	}
	if code, _, errOut := runCLI(t, "", "frobnicate"); code != 2 || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: %d %q", code, errOut)
	}
}

func TestCLIIngestRefusesBadInputAndStoresNothing(t *testing.T) {
	t.Parallel()
	// Tests share the database: count only articles this test's texts could have made.
	count := func() int {
		return postgrestest.QueryInt(t, `SELECT count(*) FROM articles a JOIN revisions r ON r.article_id = a.id
			WHERE r.title IN ('Refused Title', 'Title') OR a.slug LIKE 'refused-title%'`)
	}
	before := count()
	good := writeFile(t, "Refused Title\n\nOne sentence here. Another one follows.\n")
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no language", []string{"ingest", good}, 2, "needs --lang"},
		{"unknown language", []string{"ingest", good, "--lang", "de"}, 2, "Unknown language"},
		{"unknown format", []string{"ingest", good, "--lang", "en", "--format", "pdf"}, 2, "unknown format"},
		{"no file", []string{"ingest", "--lang", "en"}, 2, "needs one FILE"},
		{"missing file", []string{"ingest", filepath.Join(t.TempDir(), "nope.txt"), "--lang", "en"}, 1, "cannot read"},
		{"empty", []string{"ingest", writeFile(t, " \n\u00a0\n"), "--lang", "en"}, 1, "The text is empty"},
		{"invalid UTF-8", []string{"ingest", writeFile(t, "Title\n\nBad \xff\xfe bytes."), "--lang", "en"}, 1, "not valid UTF-8"},
		{"too large", []string{"ingest", good, "--lang", "en", "--max-body-bytes", "10"}, 1, "too large"},
		{"bad slug", []string{"ingest", good, "--lang", "en", "--slug", "Not A Slug"}, 1, "slug"},
	} {
		code, _, errOut := runCLI(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tc.name, code, errOut, tc.code, tc.msg)
		}
	}
	if after := count(); after != before {
		t.Fatalf("refused ingests stored %d articles", after-before)
	}
}

func TestCLIIngestPrintsIDAndSlug(t *testing.T) {
	t.Parallel()
	md := writeFile(t, "# Қазақстан және Қытай\n\nБірінші сөйлем. Екінші сөйлем.\n")
	code, out, errOut := runCLI(t, "", "ingest", md, "--lang", "kk", "--format", "markdown", "--slug", "kk-cli-test")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !regexp.MustCompile(`^\d+ kk-cli-test\n$`).MatchString(out) {
		t.Fatalf("output %q, want the id and slug", out)
	}
	if code, _, errOut := runCLI(t, "", "ingest", md, "--lang", "kk", "--format", "markdown", "--slug", "kk-cli-test"); code != 1 || !strings.Contains(errOut, "already taken") {
		t.Errorf("duplicate slug: %d %q", code, errOut)
	}
}

func TestCLIUsersAndTokens(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		code  int
		msg   string
	}{
		{"translator without languages", "password123\n", []string{"user", "add", "cli-a", "--role", "translator", "--password-stdin"}, 2, "--langs"},
		{"unknown role", "password123\n", []string{"user", "add", "cli-a", "--role", "boss", "--password-stdin"}, 2, "Unknown role"},
		{"short password", "short\n", []string{"user", "add", "cli-a", "--role", "editor", "--password-stdin"}, 2, "at least 8"},
		{"no password", "", []string{"user", "add", "cli-a", "--role", "editor"}, 2, "--password-stdin"},
		{"bad language", "password123\n", []string{"user", "add", "cli-a", "--role", "translator", "--langs", "ru,xx", "--password-stdin"}, 2, "Unknown language"},
		{"ok", "password123\n", []string{"user", "add", "cli-ru", "--role", "translator", "--langs", "ru,kk", "--password-stdin"}, 0, "user cli-ru created"},
		{"token for an unknown user", "", []string{"token", "create", "cli-nobody"}, 1, "not found"},
	} {
		code, out, errOut := runCLI(t, tc.stdin, tc.args...)
		if code != tc.code || !strings.Contains(out+errOut, tc.msg) {
			t.Errorf("%s: exit %d, out %q, err %q; want %d and %q", tc.name, code, out, errOut, tc.code, tc.msg)
		}
	}
	code, out, _ := runCLI(t, "", "token", "create", "cli-ru")
	if code != 0 || !strings.HasPrefix(out, "tlm_") {
		t.Fatalf("token create: %d %q", code, out)
	}
	if code, _, errOut := runCLI(t, "password123\n", "user", "add", "cli-ru", "--role", "editor", "--password-stdin"); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("duplicate user: %d %q", code, errOut)
	}
	if n := postgrestest.QueryInt(t, `SELECT count(*) FROM users WHERE password_hash LIKE '$argon2id$%' AND name = 'cli-ru'`); n != 1 {
		t.Error("the password is not stored as an argon2id hash")
	}
}

func TestCLITermsImportAndExport(t *testing.T) {
	t.Parallel()
	url := postgrestest.NewDatabase(t)
	env := func(k string) string {
		if k == "DATABASE_URL" {
			return url
		}
		return ""
	}
	runIn := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(""), &out, &errOut, env)
		return code, out.String(), errOut.String()
	}
	code, out, errOut := runIn("terms", "import", "../../samples/termbase.csv")
	if code != 0 || !regexp.MustCompile(`^\d+ concepts imported \(\d+ new, 0 updated\)`).MatchString(out) {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	code, out2, _ := runIn("terms", "import", "../../samples/termbase.csv")
	if code != 0 || !strings.Contains(out2, "(0 new,") {
		t.Fatalf("a second import duplicated concepts: %q", out2)
	}
	code, csv, _ := runIn("terms", "export")
	if code != 0 || !strings.HasPrefix(csv, "en,ru,kk,zh,note,do_not_translate") || !strings.Contains(csv, "Астана") {
		t.Fatalf("export: %d %.200q", code, csv)
	}
	bad := writeFile(t, "en,fr\nx,y\n")
	if code, _, errOut := runIn("terms", "import", bad); code != 1 || !strings.Contains(errOut, "line 1") {
		t.Errorf("bad CSV: %d %q", code, errOut)
	}
}

func TestCLIQAChecksXLIFF(t *testing.T) {
	t.Parallel()
	xliff := `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="ru">
 <file id="f1">
  <unit id="u1"><segment><source>Trade grew by 45% in 2023.</source><target>Товарооборот вырос на 54% в 2023 году.</target></segment></unit>
  <unit id="u2"><segment><source>The summit took place in Astana.</source><target>Саммит прошёл в Астане.</target></segment></unit>
 </file>
</xliff>`
	p := filepath.Join(t.TempDir(), "job.xlf")
	if err := os.WriteFile(p, []byte(xliff), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "qa", p, "--json")
	if code != 0 {
		t.Fatalf("qa: %d %s", code, errOut)
	}
	var entries []map[string]any
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	numberFound := false
	for _, e := range entries {
		if e["unit"] == "u1" && e["check"] == "number" && e["severity"] == "error" && e["file"] == p {
			numberFound = true
		}
		if e["unit"] == "u2" && e["severity"] == "error" {
			t.Errorf("a correct unit has an error: %v", e)
		}
	}
	if !numberFound {
		t.Errorf("45%% → 54%% not found: %s", out)
	}
	hostile := filepath.Join(t.TempDir(), "bomb.xlf")
	os.WriteFile(hostile, []byte(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><xliff version="1.2"><file source-language="en" target-language="ru"><body><trans-unit id="1"><source>&lol2;</source></trans-unit></body></file></xliff>`), 0o644)
	if code, _, errOut := runCLI(t, "", "qa", hostile); code != 2 || errOut == "" {
		t.Errorf("hostile XML: %d %q", code, errOut)
	}
	if code, _, _ := runCLI(t, "", "qa", filepath.Join(t.TempDir(), "missing.xlf")); code != 2 {
		t.Errorf("missing file: exit %d", code)
	}
}
