package archtest

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/tilmash/tilmash/"

// rules lists, for every package of the module (by path below the module, a trailing "/" taking
// in its subpackages), the packages of the module it may import. Anything else is a violation,
// and a package missing from the table is too: a new package gets its rule when it is made.
// The domain imports nothing of ours; text tools import the domain and each other; adapters
// import the domain and text tools, never each other; only cmd/tilmash wires them together.
var rules = []struct {
	pkg   string
	allow []string
}{
	{"pipeline", nil},
	{"locales", nil},
	{"migrations", nil},
	{"samples", nil},
	{"internal/archtest", nil},
	{"internal/argon2id", nil},
	{"internal/pgserver", nil},
	{"internal/sitexport", nil},
	// The log handler every package may write through: it imports nothing of ours.
	{"internal/logging", nil},
	// Text tools. internal/text is the one place for sentences, words and dictionaries.
	{"internal/text", []string{"pipeline"}},
	{"internal/document", []string{"pipeline", "internal/text"}},
	{"internal/repair/", []string{"pipeline", "internal/text"}},
	{"internal/repair", []string{"pipeline", "internal/text"}},
	{"internal/ingest", []string{"pipeline", "internal/document", "internal/repair", "internal/text"}},
	{"internal/interchange", []string{"pipeline"}},
	{"internal/checks/", []string{"pipeline", "internal/checks", "internal/checks/", "internal/interchange", "internal/text"}},
	{"internal/checks", []string{"pipeline", "internal/interchange", "internal/text"}},
	{"internal/eval", []string{"pipeline", "internal/text", "internal/document", "internal/repair",
		"internal/ingest", "internal/checks", "internal/checks/", "internal/interchange"}},
	// The structure corpus generator writes articles from the checks corpus's sentences.
	{"internal/eval/structgen/", []string{"internal/eval/structgen"}},
	{"internal/eval/structgen", nil},
	// Adapters.
	{"workers", []string{"pipeline", "internal/logging"}},
	{"internal/postgres/postgrestest", []string{"pipeline", "internal/postgres", "internal/pgserver"}},
	{"internal/postgres", []string{"pipeline", "migrations"}},
	{"internal/mt/mthttp", []string{"pipeline"}},
	{"internal/mt/batch", []string{"internal/mt/mthttp"}},
	{"internal/mt/", []string{"pipeline", "internal/mt/mthttp", "internal/mt/batch"}},
	{"internal/mt", []string{"pipeline", "internal/mt/"}},
	// Metrics: the domain only; the binary adapts the store, the web and the providers to it.
	{"internal/prometheus", []string{"pipeline"}},
	// The web: the router mounts the areas, which share the kit and never import each other.
	{"internal/web", []string{"pipeline", "internal/logging", "internal/sitexport", "internal/ingest", "internal/web/kit", "internal/web/api",
		"internal/web/reader", "internal/web/workbench", "internal/web/newsroom", "internal/web/accounts", "internal/web/library"}},
	{"internal/web/kit", []string{"pipeline", "internal/ingest", "internal/repair", "internal/interchange"}},
	{"internal/web/kit/kittest", []string{"pipeline", "locales", "internal/web/kit"}},
	{"internal/web/api", []string{"pipeline", "internal/web/kit", "internal/document", "internal/ingest",
		"internal/interchange"}},
	{"internal/web/reader", []string{"pipeline", "internal/web/kit", "internal/sitexport"}},
	{"internal/web/workbench", []string{"pipeline", "internal/web/kit", "internal/ingest", "internal/interchange", "internal/checks"}},
	{"internal/web/newsroom", []string{"pipeline", "internal/web/kit", "internal/document", "internal/ingest", "internal/interchange"}},
	{"internal/web/accounts", []string{"pipeline", "internal/web/kit", "internal/argon2id"}},
	{"internal/web/library", []string{"pipeline", "internal/web/kit"}},
	// The binary wires everything; the benchmarks drive what they measure.
	{"cmd/tilmash", []string{""}},
	{"bench/", []string{""}},
}

// ruleFor returns the allowed imports of pkg: an exact rule first, then the longest prefix rule.
func ruleFor(pkg string) ([]string, bool) {
	best, found := -1, false
	var allow []string
	for _, r := range rules {
		exact := r.pkg == pkg
		prefix := strings.HasSuffix(r.pkg, "/") && strings.HasPrefix(pkg, r.pkg)
		if exact {
			return r.allow, true
		}
		if prefix && len(r.pkg) > best {
			best, allow, found = len(r.pkg), r.allow, true
		}
	}
	return allow, found
}

func allowed(allow []string, imp string) bool {
	for _, a := range allow {
		if a == imp || a == "" || (strings.HasSuffix(a, "/") && strings.HasPrefix(imp, a)) {
			return true
		}
	}
	return false
}

func TestImportRules(t *testing.T) {
	t.Parallel()
	cmd := exec.Command("go", "list", "-f", `{{.ImportPath}}|{{join .Imports " "}}`, "./...")
	cmd.Dir = filepath.Join("..", "..")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	checked := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, imports, _ := strings.Cut(line, "|")
		pkg := strings.TrimPrefix(path, module)
		allow, ok := ruleFor(pkg)
		if !ok {
			t.Errorf("%s has no import rule: add it to rules (and to ARCHITECTURE.md)", pkg)
			continue
		}
		checked++
		for _, imp := range strings.Fields(imports) {
			if !strings.HasPrefix(imp, module) {
				continue
			}
			if dep := strings.TrimPrefix(imp, module); !allowed(allow, dep) {
				t.Errorf("%s imports %s, which ARCHITECTURE.md does not allow", pkg, dep)
			}
		}
	}
	if checked < 20 {
		t.Fatalf("only %d packages checked; go list printed:\n%s", checked, out)
	}
}

// The rule table itself must catch what it is for: the domain importing an adapter, an adapter
// importing another.
func TestImportRulesCatchViolations(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ pkg, imp string }{
		{"pipeline", "internal/postgres"},
		{"workers", "internal/postgres"},
		{"internal/web", "internal/postgres"},
		{"internal/postgres", "internal/web"},
		{"internal/mt/deepl", "internal/postgres"},
		{"internal/checks", "internal/web"},
		{"internal/web/reader", "internal/web/workbench"},
		{"internal/web/api", "internal/web"},
		{"internal/web/kit", "internal/web/accounts"},
		{"internal/mt/deepl", "internal/prometheus"},
		{"internal/prometheus", "internal/postgres"},
		{"internal/web", "internal/prometheus"},
		{"internal/logging", "pipeline"},
	} {
		allow, ok := ruleFor(c.pkg)
		if !ok || allowed(allow, c.imp) {
			t.Errorf("%s importing %s is not caught", c.pkg, c.imp)
		}
	}
}
