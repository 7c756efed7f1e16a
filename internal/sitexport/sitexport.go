// Package sitexport writes the public site as static files, for nginx, object storage or a CDN:
// every page as the reader site serves it, with .gz and .br siblings for servers that send
// precompressed files as they are (nginx gzip_static and brotli_static).
//
// A page's URL becomes a file path: "/en/" is en/index.html, "/en/articles/x" is
// en/articles/x.html, and a URL with an extension ("/sitemap.xml") keeps its name. nginx serves
// that layout with `try_files $uri $uri.html $uri/index.html =404;` (bench/nginx.conf.tmpl).
package sitexport

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// File is one page or asset of the site.
type File struct {
	URL     string // the path readers request, beginning with "/"
	Body    []byte
	Gzip    []byte // optional precompressed copies
	Brotli  []byte
	ModTime time.Time
}

// FilePath maps a URL path to the file that holds it, relative to the export directory. It refuses
// paths that would leave the directory.
func FilePath(url string) (string, error) {
	if !strings.HasPrefix(url, "/") || strings.Contains(url, "\\") || strings.ContainsRune(url, 0) {
		return "", fmt.Errorf("export: bad URL path %q", url)
	}
	clean := path.Clean(url)
	if clean != url && clean+"/" != url {
		return "", fmt.Errorf("export: URL path %q is not clean", url)
	}
	p := strings.TrimPrefix(url, "/")
	switch {
	case p == "" || strings.HasSuffix(p, "/"):
		p += "index.html"
	case path.Ext(p) == "":
		p += ".html"
	}
	return filepath.FromSlash(p), nil
}

// Write replaces the contents of dir with files. It writes the new site next to dir and swaps the
// two with renames, so that a server reading dir sees the old site or the new one, never a mix of
// both (between the two renames, a few microseconds, dir does not exist; point a server at a
// symlink swapped by a deploy tool if even that matters), and an interrupted export leaves the old
// site in place.
func Write(dir string, files []File) error {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.RemoveAll(tmp) //nolint:errcheck // gone already after a successful swap
	if err := os.Chmod(tmp, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, f := range files {
		rel, err := FilePath(f.URL)
		if err != nil {
			return err
		}
		name := filepath.Join(tmp, rel)
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		for _, v := range []struct {
			suffix string
			data   []byte
		}{{"", f.Body}, {".gz", f.Gzip}, {".br", f.Brotli}} {
			if v.suffix != "" && v.data == nil {
				continue
			}
			if err := os.WriteFile(name+v.suffix, v.data, 0o644); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if !f.ModTime.IsZero() {
				if err := os.Chtimes(name+v.suffix, f.ModTime, f.ModTime); err != nil {
					return fmt.Errorf("export: %w", err)
				}
			}
		}
	}
	old := tmp + ".old"
	if err := os.Rename(dir, old); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("export: move the previous site aside: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.Rename(old, dir) //nolint:errcheck // best effort to restore the previous site
		return fmt.Errorf("export: %w", err)
	}
	return os.RemoveAll(old)
}
