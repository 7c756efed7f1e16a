package repair

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tilmash/tilmash/pipeline"
)

// Run implements "tilmash repair [FILE] --lang en": it reads FILE (or standard input when FILE
// is absent or "-"), writes the repaired text to stdout and a report of every change and open
// question to stderr, one per line as "line:col  before → after  (rule)". It returns 0 on
// success and 2 on bad usage or an unreadable file.
func Run(stdin io.Reader, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("repair", flag.ContinueOnError)
	fs.SetOutput(stderr)
	langFlag := fs.String("lang", "en", "language of the text: en, ru, kk or zh")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tilmash repair [FILE] --lang en|ru|kk|zh")
		fs.PrintDefaults()
	}
	// Accept the file before or after the flags.
	var files []string
	rest := args
	for len(rest) > 0 {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(files) > 1 {
		fmt.Fprintln(stderr, "tilmash repair: one FILE at most")
		fs.Usage()
		return 2
	}
	lang, err := pipeline.ParseLang(*langFlag)
	if err != nil {
		fmt.Fprintf(stderr, "tilmash repair: %v\n", err)
		return 2
	}
	var raw []byte
	if len(files) == 0 || files[0] == "-" {
		raw, err = io.ReadAll(stdin)
	} else {
		raw, err = os.ReadFile(files[0])
	}
	if err != nil {
		fmt.Fprintf(stderr, "tilmash repair: cannot read input: %v\n", err)
		return 2
	}
	r, err := New()
	if err != nil {
		fmt.Fprintf(stderr, "tilmash repair: %v\n", err)
		return 1
	}
	text := strings.ToValidUTF8(string(raw), "\uFFFD")
	res := r.Repair(text, lang)
	io.WriteString(stdout, res.Text)
	writeReport(stderr, text, res)
	return 0
}

// writeReport lists the changes and questions with their place in the input.
func writeReport(w io.Writer, text string, res Result) {
	for _, c := range res.Changes {
		line, col := position(text, c.Start)
		before, after := c.Before, c.After
		if c.Start == c.End {
			// An inserted space: show the words around it.
			s, e := wordAround(text, c.Start)
			before, after = text[s:e], text[s:c.Start]+c.After+text[c.Start:e]
		}
		fmt.Fprintf(w, "%d:%d  %q → %q  (%s)\n", line, col, before, after, c.Rule)
	}
	for _, q := range res.Questions {
		line, col := position(text, q.Start)
		fmt.Fprintf(w, "%d:%d  ? %q: %s", line, col, q.Token, q.Reason)
		if len(q.Candidates) > 0 {
			fmt.Fprintf(w, " (perhaps %s)", strings.Join(quoteAll(q.Candidates), " or "))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d changes, %d questions\n", len(res.Changes), len(res.Questions))
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// position gives the 1-based line and column, in characters, of a byte offset.
func position(text string, off int) (int, int) {
	line, col := 1, 1
	for _, r := range text[:off] {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// wordAround returns the span of non-space text around off.
func wordAround(text string, off int) (int, int) {
	s := strings.LastIndexAny(text[:off], " \t\n") + 1
	e := strings.IndexAny(text[off:], " \t\n")
	if e < 0 {
		return s, len(text)
	}
	return s, off + e
}
