package eval

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/tilmash/tilmash/pipeline"
)

// Splits of a corpus.
const (
	Tune    = "tune"
	Heldout = "heldout"
)

// SplitFor says where a new case belongs: held-out when the FNV-1a hash of its lines joined by
// newlines is 0 modulo 4, tune otherwise. The rule does not depend on what the rules get right,
// so nobody chooses which cases they are measured on.
func SplitFor(lines []string) string {
	h := fnv.New32a()
	h.Write([]byte(strings.Join(lines, "\n")))
	if h.Sum32()%4 == 0 {
		return Heldout
	}
	return Tune
}

// Case is one unit a stage scores: a paragraph of a section.
type Case struct {
	Stage string
	Split string
	Lang  pipeline.Lang
	Class string
	File  string // path relative to the corpus root
	Line  int    // line of the case's first line in File
	Lines []string
}

// Where names the case for a person: "sentences/tune/ru.txt:42".
func (c Case) Where() string { return fmt.Sprintf("%s:%d", c.File, c.Line) }

// LoadCases reads every case of one stage and split under root. A missing directory is no
// error: a stage may have no held-out part yet.
func LoadCases(root fs.FS, stage, split string) ([]Case, error) {
	dir := path.Join(stage, split)
	entries, err := fs.ReadDir(root, dir)
	if err != nil {
		if errorsIsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var out []Case
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		name := path.Join(dir, e.Name())
		data, err := fs.ReadFile(root, name)
		if err != nil {
			return nil, err
		}
		langName, _, _ := strings.Cut(strings.TrimSuffix(e.Name(), ".txt"), "-")
		lang, err := pipeline.ParseLang(langName)
		if err != nil {
			return nil, fmt.Errorf("%s: the file name must start with a language: %w", name, err)
		}
		cs, err := parseCases(string(data), Case{Stage: stage, Split: split, Lang: lang, File: name})
		if err != nil {
			return nil, err
		}
		out = append(out, cs...)
	}
	return out, nil
}

// parseCases splits a corpus file into cases; proto gives what the file name says.
func parseCases(data string, proto Case) ([]Case, error) {
	var out []Case
	cur := proto
	flush := func() {
		if len(cur.Lines) > 0 {
			out = append(out, cur)
		}
		cur.Lines = nil
	}
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \t\r")
		switch {
		case strings.HasPrefix(line, "# class:"):
			flush()
			cur.Class = strings.TrimSpace(strings.TrimPrefix(line, "# class:"))
		case strings.HasPrefix(line, "# lang:"):
			flush()
			lang, err := pipeline.ParseLang(strings.TrimSpace(strings.TrimPrefix(line, "# lang:")))
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", proto.File, n, err)
			}
			cur.Lang = lang
		case line == "#" || strings.HasPrefix(line, "# "):
			// a comment
		case line == "":
			flush()
		default:
			if cur.Class == "" {
				return nil, fmt.Errorf("%s:%d: a case before any \"# class:\" line", proto.File, n)
			}
			if len(cur.Lines) == 0 {
				cur.Line = n
			}
			cur.Lines = append(cur.Lines, line)
		}
	}
	flush()
	return out, sc.Err()
}
