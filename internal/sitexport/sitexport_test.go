package sitexport

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFilePath(t *testing.T) {
	t.Parallel()
	for url, want := range map[string]string{
		"/": "index.html", "/en/": "en/index.html", "/en/articles/x": "en/articles/x.html",
		"/sitemap.xml": "sitemap.xml", "/ru/feed.atom": "ru/feed.atom", "/en/page/2/": "en/page/2/index.html",
	} {
		got, err := FilePath(url)
		if err != nil || got != filepath.FromSlash(want) {
			t.Errorf("FilePath(%q) = %q, %v; want %q", url, got, err, want)
		}
	}
	for _, bad := range []string{"", "en/", "/../etc/passwd", "/en/../../x", "/a\\b", "/a//b"} {
		if got, err := FilePath(bad); err == nil {
			t.Errorf("FilePath(%q) = %q, want an error", bad, got)
		}
	}
}

// TestWriteReplaces checks that a second export replaces the first entirely.
func TestWriteReplaces(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "site")
	if err := Write(dir, []File{{URL: "/old", Body: []byte("old")}}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, []File{{URL: "/en/", Body: []byte("new"), Gzip: []byte("gz")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "old.html")); !os.IsNotExist(err) {
		t.Errorf("the previous export's file survived: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "en", "index.html")); err != nil || string(b) != "new" {
		t.Errorf("en/index.html = %q, %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "en", "index.html.gz")); err != nil {
		t.Error(err)
	}
}

// TestIncrementalExport: an incremental export replaces and removes single pages in place, keeps
// the others, and records the generation; a whole one replaces everything.
func TestIncrementalExport(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "site")
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return "(missing)"
		}
		return string(data)
	}
	if m, err := ReadManifest(dir); err != nil || m.Generation != 0 {
		t.Fatalf("manifest of no export: %+v, %v", m, err)
	}
	if err := Write(dir, []File{{URL: "/en/", Body: []byte("front"), Gzip: []byte("gz")}, {URL: "/en/articles/a", Body: []byte("a")}}); err != nil {
		t.Fatal(err)
	}
	w, err := Open(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Put(File{URL: "/en/", Body: []byte("front 2")}); err != nil {
		t.Fatal(err)
	}
	if err := w.Put(File{URL: "/en/articles/b", Body: []byte("b"), Gzip: []byte("bz"), Brotli: []byte("bb")}); err != nil {
		t.Fatal(err)
	}
	if err := w.Remove("/en/articles/a"); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(Manifest{Generation: 7, BaseURL: "https://x.example"}); err != nil {
		t.Fatal(err)
	}
	w.Close()
	for name, want := range map[string]string{"en/index.html": "front 2", "en/index.html.gz": "(missing)",
		"en/articles/a.html": "(missing)", "en/articles/b.html": "b", "en/articles/b.html.br": "bb"} {
		if got := read(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if m, err := ReadManifest(dir); err != nil || m.Generation != 7 || m.BaseURL != "https://x.example" {
		t.Errorf("manifest %+v, %v", m, err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "en", "articles"))
	if len(entries) != 3 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}
