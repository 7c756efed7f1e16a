// Package corpus reads and writes the labelled evaluation corpus of the qa checks: clean units
// (an English source with correct Russian, Kazakh and Chinese translations), the termbase, and
// units with one injected error each.
package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tilmash/tilmash/pipeline"
)

// Source is one English source with its translations, keyed by language; "uk" holds an optional
// Ukrainian version used only for injection.
type Source struct {
	N     int // 1-based position in the file
	Texts map[string]string
}

// TermEntry is a termbase concept with the variants the injector uses.
type TermEntry struct {
	Terms     map[pipeline.Lang]string
	Forbidden map[pipeline.Lang][]string
	Alt       map[pipeline.Lang]string
	DNT       bool
}

// Unit is one evaluated unit: a clean translation (Check empty) or one with an injected error
// of the given check.
type Unit struct {
	ID     string        `json:"id"`
	Check  string        `json:"check,omitempty"`
	Lang   pipeline.Lang `json:"lang"`
	Source string        `json:"source"`
	Target string        `json:"target"`
	Memory []string      `json:"memory,omitempty"` // other translations in the memory
	Note   string        `json:"note,omitempty"`   // what was injected
}

// blocks reads a file of blank-line separated blocks of "key: value" lines; # lines are comments.
func blocks(path string) ([][][2]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open corpus file: %w", err)
	}
	defer f.Close()
	var out [][][2]string
	var cur [][2]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") {
			continue
		}
		if strings.TrimSpace(line) == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		k, v, ok := strings.Cut(line, ": ")
		if !ok {
			return nil, fmt.Errorf("%s:%d: want \"key: value\"", path, n)
		}
		cur = append(cur, [2]string{k, v})
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

// LoadSources reads units.txt from dir.
func LoadSources(dir string) ([]Source, error) {
	bs, err := blocks(filepath.Join(dir, "units.txt"))
	if err != nil {
		return nil, err
	}
	out := make([]Source, 0, len(bs))
	for i, b := range bs {
		s := Source{N: i + 1, Texts: map[string]string{}}
		for _, kv := range b {
			s.Texts[kv[0]] = kv[1]
		}
		for _, l := range []string{"en", "ru", "kk", "zh"} {
			if s.Texts[l] == "" {
				return nil, fmt.Errorf("units.txt block %d: no %s text", i+1, l)
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// LoadTerms reads terms.txt from dir.
func LoadTerms(dir string) ([]TermEntry, error) {
	bs, err := blocks(filepath.Join(dir, "terms.txt"))
	if err != nil {
		return nil, err
	}
	var out []TermEntry
	for _, b := range bs {
		t := TermEntry{Terms: map[pipeline.Lang]string{}, Forbidden: map[pipeline.Lang][]string{}, Alt: map[pipeline.Lang]string{}}
		for _, kv := range b {
			k, v := kv[0], kv[1]
			switch {
			case k == "dnt":
				t.DNT = v == "true"
			case strings.HasPrefix(k, "forbidden."):
				l := pipeline.Lang(strings.TrimPrefix(k, "forbidden."))
				t.Forbidden[l] = append(t.Forbidden[l], v)
			case strings.HasPrefix(k, "alt."):
				t.Alt[pipeline.Lang(strings.TrimPrefix(k, "alt."))] = v
			default:
				t.Terms[pipeline.Lang(k)] = v
			}
		}
		out = append(out, t)
	}
	return out, nil
}

// CleanUnits returns the clean units of the targets ru, kk and zh. Each has its own translation
// in the memory, spelled with different spacing, so the consistency check sees a match.
func CleanUnits(srcs []Source) []Unit {
	var out []Unit
	for _, l := range []pipeline.Lang{pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
		for _, s := range srcs {
			t := s.Texts[string(l)]
			out = append(out, Unit{ID: fmt.Sprintf("clean/%s/%d", l, s.N), Lang: l, Source: s.Texts["en"], Target: t,
				Memory: []string{" " + strings.ReplaceAll(t, " ", "  ")}})
		}
	}
	return out
}

// ReadUnits reads a JSON file of units.
func ReadUnits(path string) ([]Unit, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read units: %w", err)
	}
	var us []Unit
	if err := json.Unmarshal(b, &us); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	return us, nil
}

// WriteUnits writes units as indented JSON.
func WriteUnits(path string, us []Unit) error {
	b, err := json.MarshalIndent(us, "", "  ")
	if err != nil {
		return fmt.Errorf("encode units: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write units: %w", err)
	}
	return nil
}
