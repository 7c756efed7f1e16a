package interchange_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// xliff2Script has the xliff package from npm (locize's xliff2js, a reader nobody here wrote)
// read an XLIFF 2 file and print its units: id, and source and target with inline elements
// flattened to their text.
const xliff2Script = `
const xliff = require(process.argv[1]);
const flat = (v) => typeof v === 'string' ? v : Array.isArray(v) ? v.map(flat).join('')
  : (v && typeof v === 'object') ? Object.values(v).map(x => (x && x.contents !== undefined) ? flat(x.contents) : '').join('') : '';
xliff.xliff2js(require('fs').readFileSync(process.argv[2], 'utf8'), (err, res) => {
  if (err) { console.error(String(err)); process.exit(1); }
  const units = [];
  for (const [file, us] of Object.entries(res.resources)) for (const [id, u] of Object.entries(us))
    units.push({file, id, source: flat(u.source), target: flat(u.target)});
  console.log(JSON.stringify({source: res.sourceLanguage, target: res.targetLanguage, units}));
});`

// xliff2Reader returns the xliff package's main module, which .ci/run installs under .cache.
func xliff2Reader(t *testing.T) string {
	t.Helper()
	mod, err := filepath.Abs(filepath.Join("..", "..", ".cache", "xliff", "node_modules", "xliff"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(mod); err != nil {
		missingTool(t, "the xliff reader", "npm install --prefix .cache/xliff xliff@6, as .ci/run does")
	}
	return mod
}

// TestXLIFF21ReadByAnotherTool has an XLIFF 2 reader nobody here wrote read the XLIFF 2.1 that
// Tilmash writes, in every target language, unit for unit: the same ids in order, the source text,
// and the translation where there is one.
func TestXLIFF21ReadByAnotherTool(t *testing.T) {
	t.Parallel()
	mod := xliff2Reader(t)
	db := postgrestest.Store(t)
	a := newArticle(t, db, pipeline.English, englishArticle)
	for _, lang := range []pipeline.Lang{pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
		file := export(t, db, a, lang, interchange.XLIFF21)
		targets := map[int]string{}
		for i := 0; i < len(englishArticle); i += 2 {
			targets[i] = xmlInline(translations[lang][i], interchange.XLIFF21, englishArticle[i].inline)
		}
		importFile(t, db, a, lang, translate(file, interchange.XLIFF21, targets, ""))
		path := filepath.Join(t.TempDir(), "edition."+string(lang)+".xlf")
		if err := os.WriteFile(path, export(t, db, a, lang, interchange.XLIFF21), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("node", "-e", xliff2Script, mod, path).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: the xliff reader cannot read Tilmash's XLIFF 2.1: %v\n%s", lang, err, out)
		}
		var got struct {
			Source, Target string
			Units          []struct{ File, ID, Source, Target string }
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%s: %v\n%s", lang, err, out)
		}
		if got.Source != "en" || got.Target != string(lang) || len(got.Units) != len(englishArticle) {
			t.Fatalf("%s: read %s→%s with %d units, want en→%s with %d", lang, got.Source, got.Target, len(got.Units), lang, len(englishArticle))
		}
		keys := pipeline.SegmentKeys(content(t, db, a, lang).Segments)
		for i, u := range got.Units {
			src := pipeline.StripPlaceholders(englishArticle[i].text)
			want := ""
			if i%2 == 0 {
				want = pipeline.StripPlaceholders(translations[lang][i])
			}
			if u.ID != keys[i] || u.Source != src || u.Target != want {
				t.Errorf("%s unit %d: %+v, want id %s source %q target %q", lang, i, u, keys[i], src, want)
			}
		}
	}
}
