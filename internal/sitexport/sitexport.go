// Package sitexport writes the public site as static files, for nginx, object storage or a CDN:
// every page as the reader site serves it, with .gz and .br siblings for servers that send
// precompressed files as they are (nginx gzip_static and brotli_static).
//
// A page's URL becomes a file path: "/en/" is en/index.html, "/en/articles/x" is
// en/articles/x.html, and a URL with an extension ("/sitemap.xml") keeps its name. nginx serves
// that layout with `try_files $uri $uri.html $uri/index.html =404;` (bench/nginx.conf.tmpl).
//
// An export is whole (Open with full: a new directory swapped in at Commit) or incremental
// (written into the directory in place, file by file, each replaced by a rename so that a server
// never reads half a file). The directory's manifest (.tilmash-export) records the generation of
// the site it holds and the address it was built for, so that the next export writes only what
// changed since; it is written last, so an interrupted export is redone from the previous
// generation.
package sitexport

import (
	"encoding/json"
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

// Write replaces the contents of dir with files, as a whole export (see Open).
func Write(dir string, files []File) error {
	w, err := Open(dir, true)
	if err != nil {
		return err
	}
	defer w.Close()
	for _, f := range files {
		if err := w.Put(f); err != nil {
			return err
		}
	}
	return w.Commit(Manifest{})
}

// ManifestName is the manifest's file name in an export directory.
const ManifestName = ".tilmash-export"

// Manifest says what an export directory holds.
type Manifest struct {
	Generation int64  `json:"generation"`
	BaseURL    string `json:"base_url"`
}

// ReadManifest reads dir's manifest; a directory without one (or none at all) gives the zero
// Manifest.
func ReadManifest(dir string) (Manifest, error) {
	var m Manifest
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if errors.Is(err, os.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return m, fmt.Errorf("export: %w", err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return Manifest{}, nil //nolint:nilerr // an unreadable manifest means a whole export
	}
	return m, nil
}

// Writer writes an export. Put and Remove may be called from several goroutines.
type Writer struct {
	dir  string // the export directory
	root string // where files go: dir, or the new directory of a whole export
	full bool
	done bool
}

// Open starts an export to dir. A whole export (full) writes a new directory next to dir and
// swaps the two with renames at Commit, so that a server reading dir sees the old site or the
// new one, never a mix of both (between the two renames, a few microseconds, dir does not exist;
// point a server at a symlink swapped by a deploy tool if even that matters), and an interrupted
// export leaves the old site in place. An incremental export writes into dir.
func Open(dir string, full bool) (*Writer, error) {
	dir = filepath.Clean(dir)
	w := &Writer{dir: dir, root: dir, full: full}
	if !full {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
		return w, nil
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp) //nolint:errcheck // just made
		return nil, fmt.Errorf("export: %w", err)
	}
	w.root = tmp
	return w, nil
}

// Put writes a page with its compressed copies; copies it does not have are removed.
func (w *Writer) Put(f File) error {
	rel, err := FilePath(f.URL)
	if err != nil {
		return err
	}
	name := filepath.Join(w.root, rel)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, v := range []struct {
		suffix string
		data   []byte
	}{{"", f.Body}, {".gz", f.Gzip}, {".br", f.Brotli}} {
		if v.suffix != "" && v.data == nil {
			if !w.full {
				if err := os.Remove(name + v.suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
					return fmt.Errorf("export: %w", err)
				}
			}
			continue
		}
		if err := w.writeFile(name+v.suffix, v.data, f.ModTime); err != nil {
			return err
		}
	}
	return nil
}

func (w *Writer) writeFile(name string, data []byte, mod time.Time) error {
	target := name
	if !w.full {
		f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		name = f.Name()
		f.Close()
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if !mod.IsZero() {
		if err := os.Chtimes(name, mod, mod); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	if name != target {
		if err := os.Chmod(name, 0o644); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if err := os.Rename(name, target); err != nil {
			os.Remove(name) //nolint:errcheck // best effort
			return fmt.Errorf("export: %w", err)
		}
	}
	return nil
}

// Remove deletes a page that is no longer on the site, with its compressed copies.
func (w *Writer) Remove(url string) error {
	rel, err := FilePath(url)
	if err != nil {
		return err
	}
	name := filepath.Join(w.root, rel)
	for _, suffix := range []string{"", ".gz", ".br"} {
		if err := os.Remove(name + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("export: %w", err)
		}
	}
	return nil
}

// Commit records the manifest and, for a whole export, swaps the new directory in.
func (w *Writer) Commit(m Manifest) error {
	data, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := w.writeFile(filepath.Join(w.root, ManifestName), data, time.Time{}); err != nil {
		return err
	}
	w.done = true
	if !w.full {
		return nil
	}
	old := w.root + ".old"
	if err := os.Rename(w.dir, old); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("export: move the previous site aside: %w", err)
	}
	if err := os.Rename(w.root, w.dir); err != nil {
		os.Rename(old, w.dir) //nolint:errcheck // best effort to restore the previous site
		return fmt.Errorf("export: %w", err)
	}
	return os.RemoveAll(old)
}

// Close abandons a whole export that was not committed; an incremental one keeps what it wrote,
// and its old manifest makes the next export redo it.
func (w *Writer) Close() {
	if w.full && !w.done {
		os.RemoveAll(w.root) //nolint:errcheck // best effort
	}
}
