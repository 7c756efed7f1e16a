package eval

import (
	"fmt"
	"io/fs"
	"sort"
	"sync"

	"github.com/tilmash/tilmash/pipeline"
)

// Stage is one part of the pipeline measured against its corpus under DIR/<Name>/.
type Stage interface {
	// Name is the stage's corpus directory and its name on the command line.
	Name() string
	// Goal is what each language must reach on the tune split.
	Goal() Goal
	// Prepare loads what Score needs (dictionaries, word lists); it is called once before the
	// first Score.
	Prepare() error
	// Score runs the stage on one case. A mistake, when the output differs from the gold, is
	// described in a few words for the verbose report; "" when the case came out right.
	Score(c Case) (t Tally, mistake string, err error)
	// Langs lists the languages the stage is measured in.
	Langs() []pipeline.Lang
}

// CaseLoader is a stage whose corpus is not sections of text files (web pages, Word documents,
// files with their gold beside them): it lists its own cases for a split, and Evaluate asks it
// instead of reading DIR/<stage>/<split>/*.txt.
type CaseLoader interface {
	LoadCases(root fs.FS, split string) ([]Case, error)
}

// loadStageCases returns the cases of one stage and split.
func loadStageCases(root fs.FS, s Stage, split string) ([]Case, error) {
	if l, ok := s.(CaseLoader); ok {
		return l.LoadCases(root, split)
	}
	return LoadCases(root, s.Name(), split)
}

var (
	registryMu sync.Mutex
	registry   = map[string]Stage{}
)

// Register adds a stage; each stage's file registers it in its init function, so that adding a
// stage touches no shared list.
func Register(s Stage) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[s.Name()]; dup {
		panic(fmt.Sprintf("eval: stage %q registered twice", s.Name()))
	}
	registry[s.Name()] = s
}

// Stages returns the registered stages by name.
func Stages() []Stage {
	registryMu.Lock()
	defer registryMu.Unlock()
	out := make([]Stage, 0, len(registry))
	for _, s := range registry {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}

// Lookup returns the stage of that name.
func Lookup(name string) (Stage, bool) {
	registryMu.Lock()
	defer registryMu.Unlock()
	s, ok := registry[name]
	return s, ok
}
