package eval

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/tilmash/tilmash/internal/repair"
	"github.com/tilmash/tilmash/pipeline"
)

func init() { Register(&repairStage{}) }

// repairStage measures the joined-word repair. A case is a paragraph (its lines joined by a
// space) in which "|" marks a space that was lost: the repair is given the text without the
// marks and should insert a space at each of them, and nowhere else. Text without marks must
// come out with no space added. A positive is an inserted space.
type repairStage struct {
	once sync.Once
	r    *repair.Repairer
	err  error
}

// JoinMark marks, in a repair case, where a space was lost.
const JoinMark = "|"

func (*repairStage) Name() string { return "repair" }
func (*repairStage) Goal() Goal   { return Goal{Precision: 0.998, Recall: 0.98} }
func (*repairStage) Langs() []pipeline.Lang {
	return []pipeline.Lang{pipeline.English, pipeline.Russian, pipeline.Kazakh}
}

func (s *repairStage) Prepare() error {
	s.once.Do(func() { s.r, s.err = repair.New() })
	return s.err
}

// LoadCases reads the hand-written cases of a split and adds the line-wrap cases WrapCases makes
// from the sentence corpus of the same split and the clean articles of ProseCases.
func (s *repairStage) LoadCases(root fs.FS, split string) ([]Case, error) {
	hand, err := LoadCases(root, s.Name(), split)
	if err != nil {
		return nil, err
	}
	wrapped, err := WrapCases(root, split)
	if err != nil {
		return nil, err
	}
	prose, err := ProseCases(root, split)
	if err != nil {
		return nil, err
	}
	return append(append(hand, wrapped...), prose...), nil
}

func (s *repairStage) Score(c Case) (Tally, string, error) {
	input, gold := DamagedText(strings.Join(c.Lines, " "))
	res := s.r.Repair(input, c.Lang)
	found := InsertedSpaces(res.Changes)
	t := compareSets(gold, found)
	t.Cases = 1
	if t.FP == 0 && t.FN == 0 {
		t.Exact = 1
		return t, "", nil
	}
	if c.Class == ProseClass {
		// A whole article: the words it split say more than its text.
		var split []string
		for _, ch := range res.Changes {
			if len(ch.InsertedSpaces()) > 0 {
				split = append(split, fmt.Sprintf("%q → %q", ch.Before, ch.After))
			}
		}
		return t, "split " + strings.Join(split, ", "), nil
	}
	return t, "got " + res.Text, nil
}

// DamagedText removes the join marks from a repair case and returns the damaged text with the
// byte offsets where the lost spaces belong.
func DamagedText(marked string) (string, []int) {
	var b strings.Builder
	var at []int
	for {
		i := strings.Index(marked, JoinMark)
		if i < 0 {
			b.WriteString(marked)
			return b.String(), at
		}
		b.WriteString(marked[:i])
		at = append(at, b.Len())
		marked = marked[i+len(JoinMark):]
	}
}

// InsertedSpaces lists the input offsets where changes inserted a space that was not there,
// whatever rule made them.
func InsertedSpaces(changes []repair.Change) []int {
	var out []int
	for _, c := range changes {
		out = append(out, c.InsertedSpaces()...)
	}
	sort.Ints(out)
	return out
}
