package eval

import (
	"errors"
	"io/fs"
)

func errorsIsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// Tally counts what a stage found in one or more cases. A positive is whatever the stage
// detects: a sentence boundary, an inserted space, a block, a finding.
type Tally struct {
	Cases int // cases scored
	Exact int // cases whose output was exactly the gold one
	TP    int // positives found that are in the gold
	FP    int // positives found that are not
	FN    int // gold positives not found
}

// Add sums two tallies.
func (t Tally) Add(o Tally) Tally {
	return Tally{t.Cases + o.Cases, t.Exact + o.Exact, t.TP + o.TP, t.FP + o.FP, t.FN + o.FN}
}

// ExactRate is the share of cases exactly right; 1 without cases.
func (t Tally) ExactRate() float64 { return ratio(t.Exact, t.Cases) }

// Precision is TP/(TP+FP); 1 when nothing was found, since nothing found was wrong.
func (t Tally) Precision() float64 { return ratio(t.TP, t.TP+t.FP) }

// Recall is TP/(TP+FN); 1 when the gold has nothing to find.
func (t Tally) Recall() float64 { return ratio(t.TP, t.TP+t.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Goal is the lowest score a stage must keep in each language on its tune split. A zero field
// sets no goal.
type Goal struct {
	Exact, Precision, Recall float64
}

// Misses reports how a tally falls short of the goal, or nil.
func (g Goal) Misses(t Tally) []string {
	var out []string
	if g.Exact > 0 && t.ExactRate() < g.Exact {
		out = append(out, "exact")
	}
	if g.Precision > 0 && t.Precision() < g.Precision {
		out = append(out, "precision")
	}
	if g.Recall > 0 && t.Recall() < g.Recall {
		out = append(out, "recall")
	}
	return out
}
