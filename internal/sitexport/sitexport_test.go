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
