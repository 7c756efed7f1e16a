package eval

import (
	"fmt"
	"io"
	"io/fs"
	"sort"
	"text/tabwriter"

	"github.com/tilmash/tilmash/pipeline"
)

// AllClasses is the class of a row that sums all classes of a language; AllLangs the language
// of a row that sums all languages.
const (
	AllClasses = "(all)"
	AllLangs   = "all"
)

// Row is the score of one stage, split, language and class.
type Row struct {
	Stage, Split, Lang, Class string
	Tally
}

// Mistake is one case a stage got wrong.
type Mistake struct {
	Case Case
	What string
}

// Report is the result of one stage on one split.
type Report struct {
	Stage    string
	Split    string
	Rows     []Row // per language and class, then per language (AllClasses), then AllLangs
	Mistakes []Mistake
}

// Lang returns the row summing every class of lang.
func (r Report) Lang(lang string) (Row, bool) {
	for _, row := range r.Rows {
		if row.Lang == lang && row.Class == AllClasses {
			return row, true
		}
	}
	return Row{}, false
}

// Evaluate scores a prepared stage on one split of the corpus under root.
func Evaluate(root fs.FS, s Stage, split string) (Report, error) {
	cases, err := loadStageCases(root, s, split)
	if err != nil {
		return Report{}, err
	}
	rep := Report{Stage: s.Name(), Split: split}
	type key struct{ lang, class string }
	tallies := map[key]Tally{}
	for _, c := range cases {
		t, mistake, err := s.Score(c)
		if err != nil {
			return Report{}, fmt.Errorf("%s: %w", c.Where(), err)
		}
		if mistake != "" {
			rep.Mistakes = append(rep.Mistakes, Mistake{Case: c, What: mistake})
		}
		lang := string(c.Lang)
		for _, k := range []key{{lang, c.Class}, {lang, AllClasses}, {AllLangs, c.Class}, {AllLangs, AllClasses}} {
			tallies[k] = tallies[k].Add(t)
		}
	}
	for k, t := range tallies {
		rep.Rows = append(rep.Rows, Row{Stage: s.Name(), Split: split, Lang: k.lang, Class: k.class, Tally: t})
	}
	order := map[string]int{}
	for i, l := range pipeline.Languages {
		order[string(l)] = i
	}
	order[AllLangs] = len(order)
	sort.Slice(rep.Rows, func(i, j int) bool {
		a, b := rep.Rows[i], rep.Rows[j]
		if a.Lang != b.Lang {
			return order[a.Lang] < order[b.Lang]
		}
		if (a.Class == AllClasses) != (b.Class == AllClasses) {
			return b.Class == AllClasses
		}
		return a.Class < b.Class
	})
	return rep, nil
}

// Write prints the report as a table: cases, share exactly right, precision and recall with
// their counts.
func (r Report) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s / %s\tcases\texact\tprecision\trecall\ttp\tfp\tfn\n", r.Stage, r.Split)
	for _, row := range r.Rows {
		name := row.Lang + " " + row.Class
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\n", name, row.Cases, row.ExactRate(),
			row.Precision(), row.Recall(), row.TP, row.FP, row.FN)
	}
	return tw.Flush()
}
