package reader

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"os"
	"path/filepath"
	"time"

	"github.com/tilmash/tilmash/pipeline"
)

// Page files keep every rendered page, compressed, in a directory of the site's own, so that the
// memory cache can stay small whatever the size of the site: a page it evicted is read back from
// its file instead of being rendered and compressed again. A file holds one page in all its
// encodings, written whole under a temporary name and renamed; an update removes the files of the
// pages it changes, and a whole rebuild empties the directory.
//
// Layout: "TPG1", then status, modification time (Unix nanoseconds) and the lengths of the
// content type, language, ETag and the three bodies as little-endian uint64s, then those bytes.

const pageFileMagic = "TPG1"

func (s *Site) filePath(path string) string {
	sum := sha256.Sum256([]byte(path))
	h := hex.EncodeToString(sum[:16])
	return filepath.Join(s.dir, h[:2], h[2:])
}

// writeFile stores a page's file; a failure only costs a later rendering.
func (s *Site) writeFile(path string, p *cachedPage) {
	if s.dir == "" {
		return
	}
	ct := p.plain.headers.Get("Content-Type")
	fields := []string{ct, string(p.lang), p.etag}
	bodies := [][]byte{p.plain.body, p.gz.body, p.br.body}
	var buf bytes.Buffer
	buf.Grow(64 + len(ct) + len(p.etag) + len(p.plain.body) + len(p.gz.body) + len(p.br.body))
	buf.WriteString(pageFileMagic)
	nums := []uint64{uint64(p.status), uint64(p.modTime.UnixNano())}
	for _, f := range fields {
		nums = append(nums, uint64(len(f)))
	}
	for _, b := range bodies {
		nums = append(nums, uint64(len(b)))
	}
	for _, n := range nums {
		buf.Write(binary.LittleEndian.AppendUint64(nil, n))
	}
	for _, f := range fields {
		buf.WriteString(f)
	}
	for _, b := range bodies {
		buf.Write(b)
	}
	name := s.filePath(path)
	if err := os.MkdirAll(filepath.Dir(name), 0o700); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return
	}
	_, werr := f.Write(buf.Bytes())
	if cerr := f.Close(); werr != nil || cerr != nil || os.Rename(f.Name(), name) != nil {
		os.Remove(f.Name()) //nolint:errcheck // best effort
	}
}

// readFile reads a page back from its file, or returns nil.
func (s *Site) readFile(path string) *cachedPage {
	if s.dir == "" {
		return nil
	}
	data, err := os.ReadFile(s.filePath(path))
	if err != nil || len(data) < len(pageFileMagic)+8*8 || string(data[:4]) != pageFileMagic {
		return nil
	}
	nums := make([]uint64, 8)
	for i := range nums {
		nums[i] = binary.LittleEndian.Uint64(data[4+8*i:])
	}
	rest := data[4+8*8:]
	take := func(n uint64) []byte {
		if rest == nil || n > uint64(len(rest)) {
			rest = nil
			return nil
		}
		b := rest[:n:n]
		rest = rest[n:]
		return b
	}
	ct, lang, etag := string(take(nums[2])), string(take(nums[3])), string(take(nums[4]))
	plain, gz, br := take(nums[5]), take(nums[6]), take(nums[7])
	if rest == nil || len(rest) != 0 {
		return nil
	}
	if nums[6] == 0 {
		gz, br = nil, nil
	}
	return assemblePage(int(nums[0]), ct, pipeline.Lang(lang), time.Unix(0, int64(nums[1])), etag, plain, gz, br)
}

func (s *Site) removeFile(path string) {
	if s.dir != "" {
		os.Remove(s.filePath(path)) //nolint:errcheck // absent already
	}
}

// prepareFiles makes the page directory on the first index load and empties it on the next
// ones; the index is held for writing.
func (s *Site) prepareFiles() {
	if s.dirMade {
		s.clearFiles()
		return
	}
	s.dirMade = true
	switch s.cacheDir {
	case "-":
	case "":
		if dir, err := os.MkdirTemp("", "tilmash-pages-"); err == nil {
			s.dir, s.ownDir = dir, true
		} else {
			s.Logger.Warn("no directory for page files: pages evicted from memory are rendered again", "error", err)
		}
	default:
		if err := os.MkdirAll(s.cacheDir, 0o700); err == nil {
			s.dir = s.cacheDir
			s.clearFiles()
		} else {
			s.Logger.Warn("no directory for page files: pages evicted from memory are rendered again", "error", err)
		}
	}
}

// clearFiles empties the page directory.
func (s *Site) clearFiles() {
	if s.dir == "" {
		return
	}
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		os.RemoveAll(filepath.Join(s.dir, e.Name())) //nolint:errcheck // best effort
	}
}
