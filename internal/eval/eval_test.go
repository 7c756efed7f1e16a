package eval

import (
	"os"
	"strings"
	"testing"
)

// corpusRoot is the repository's corpus, seen from this package.
const corpusRoot = "../../testdata/eval"

// belowGoal lists, per stage and language, the floor kept where the stage's goal is not reached
// yet, with the reason. Everywhere else the goal itself is the floor.
var belowGoal = map[string]Goal{
	// The checks. planted-g.txt is a blind set of free, idiomatic translations (organisations
	// by their initials, numbers in words, clauses reordered, idioms); its clean units bring
	// omission warnings where a content word, a name or a country the source states is left
	// implied or rendered by a word lexicon/content.txt does not list (纪录 for "documentary",
	// a region named without its country), and English, where most of its clean units are,
	// falls in precision. The in-clause omissions of the earlier sets (an adjective, a modifier
	// of place or time) that no comparison sees keep English recall below the goal. The floors
	// are the scores reached on tune with planted-g: they must rise, not fall. planted-h.txt
	// and planted-i.txt are later blind sets of the same kind; after rules for the classes of
	// planted-h's false alarms, English recall meets the goal, and planted-i (whose false alarms
	// were left as its writer's free translations gave them, to measure rather than to tune away)
	// keeps English precision at 0.856. Sets j and k, blind too, were written asking for
	// translations as free as a think tank's translators write them; after rules for the classes
	// of their tune halves' false alarms, English precision is 0.868 and Russian 0.956. English
	// recall is 0.949: set k's "more than a third" → "a third" was found only by a word of
	// another sense (кен орны) read as lost, which no longer counts; a rule for lost bounds
	// ("more than") was tried and left out, as it flagged eight clean tune units for two more
	// omissions found.
	// The repair. Set l is a blind set whose joins often make another word ("may|be" →
	// "maybe", "a|broad" → "abroad", "от|части" → "отчасти") that only the sentence's grammar
	// tells apart, and the class clean-articles counts every space put into the hand-written
	// articles of the structure corpus, correct prose the repair was never built against (a
	// given name read as two words, "Гульмира"; loans and compounds the dictionaries lack,
	// "туроператор", "штрихкодов"). The floors are the tune scores with both: they must rise,
	// not fall.
	"repair/en": {Precision: 0.998, Recall: 0.978},
	"repair/ru": {Precision: 0.984, Recall: 0.98},
	"repair/kk": {Precision: 0.992, Recall: 0.965},
	// planted-l.txt, a tenth blind set, flagged 65 of its 300 clean tune units at its first look
	// (a content word or a name the translation renders by a form the lexicons lack, words the
	// dictionaries lack, a clause joined by "and" counted as an item); after rules for the
	// classes of those false alarms the floors are the tune scores with it. planted-m.txt, an
	// eleventh, flagged 43 of its 273 clean tune units at its first look and 23 after rules for
	// the classes of those false alarms; English precision with it is 0.769.
	"checks/en": {Precision: 0.76, Recall: 0.94},
	"checks/ru": {Precision: 0.92, Recall: 0.95},
	"checks/kk": {Precision: 0.95, Recall: 0.95},
	"checks/zh": {Precision: 0.94, Recall: 0.95},
	// Article structure. The pdfcopy2 cases are a blind set of text copied from PDFs of Word
	// documents written from the golds of the hand-written web pages and Markdown articles:
	// text the rules for PDF copies were not built against. On it about two blocks in five are
	// read with a wrong kind or cut wrong (a heading read as a paragraph, list items run
	// together), which takes every language below the goal. The floors are the tune scores after
	// the first rules written for it: they must rise, not fall.
	"structure/en": {Precision: 0.92, Recall: 0.91},
	"structure/ru": {Precision: 0.93, Recall: 0.91},
	"structure/kk": {Precision: 0.92, Recall: 0.90},
	"structure/zh": {Precision: 0.90, Recall: 0.90},
}

// TestTuneGoals scores every registered stage on its tune split and fails when a language
// falls below the stage's goal (or the floor in belowGoal). The held-out split is not looked at
// here: it only shows, in "tilmash eval", how the rules do on cases they were not tuned on.
func TestTuneGoals(t *testing.T) {
	if raceDetector {
		t.Skip("scored without the race detector: make test runs this test in a run of its own")
	}
	root := os.DirFS(corpusRoot)
	for _, s := range Stages() {
		t.Run(s.Name(), func(t *testing.T) {
			if err := s.Prepare(); err != nil {
				t.Fatal(err)
			}
			rep, err := Evaluate(root, s, Tune)
			if err != nil {
				t.Fatal(err)
			}
			for _, lang := range s.Langs() {
				row, ok := rep.Lang(string(lang))
				if !ok {
					t.Errorf("%s: no tune cases", lang)
					continue
				}
				goal := s.Goal()
				if floor, ok := belowGoal[s.Name()+"/"+string(lang)]; ok {
					if miss := goal.Misses(row.Tally); len(miss) > 0 {
						t.Logf("%s: below the goal %+v in %s (floor %+v)", lang, goal, strings.Join(miss, ", "), floor)
					}
					goal = floor
				}
				if miss := goal.Misses(row.Tally); len(miss) > 0 {
					t.Errorf("%s: %d cases, exact %.3f, precision %.3f, recall %.3f: below %+v in %s",
						lang, row.Cases, row.ExactRate(), row.Precision(), row.Recall(), goal, strings.Join(miss, ", "))
				}
			}
			for _, m := range rep.Mistakes {
				t.Logf("%s [%s] %s", m.Case.Where(), m.Case.Class, m.What)
			}
		})
	}
}

func TestParseCases(t *testing.T) {
	t.Parallel()
	data := "# a comment\n# class: one\nA.\nB.\n\nC.\n# lang: zh\n# class: two\n甲。\n"
	cs, err := parseCases(data, Case{Lang: "ru", File: "x/ru.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 3 {
		t.Fatalf("got %d cases, want 3: %+v", len(cs), cs)
	}
	if cs[0].Class != "one" || cs[0].Lang != "ru" || cs[0].Line != 3 || len(cs[0].Lines) != 2 {
		t.Errorf("first case: %+v", cs[0])
	}
	if cs[2].Class != "two" || cs[2].Lang != "zh" || cs[2].Lines[0] != "甲。" {
		t.Errorf("third case: %+v", cs[2])
	}
	if _, err := parseCases("text before a class\n", Case{File: "x/en.txt"}); err == nil {
		t.Error("a case without a class was accepted")
	}
}

func TestJoinSentences(t *testing.T) {
	t.Parallel()
	para, starts := JoinSentences([]string{"他说。", "好！", "He left.", "It rained."}, "zh")
	if para != "他说。好！He left. It rained." {
		t.Errorf("paragraph %q", para)
	}
	if len(starts) != 3 || para[starts[1]:starts[2]] != "He left. " {
		t.Errorf("starts %v", starts)
	}
}

func TestDamagedText(t *testing.T) {
	t.Parallel()
	in, at := DamagedText("China’s|Foreign Ministry|said")
	if in != "China’sForeign Ministrysaid" || len(at) != 2 || in[:at[0]] != "China’s" || in[at[1]:] != "said" {
		t.Errorf("got %q %v", in, at)
	}
}

// TestNewCasesFollowSplitRule checks that the sets written since the split rule became a function
// (files "<lang>-f.txt" and later) put each case where SplitFor says, so no case was moved to the
// split where it scores better.
func TestNewCasesFollowSplitRule(t *testing.T) {
	t.Parallel()
	root := os.DirFS(corpusRoot)
	for _, stage := range []string{"sentences", "repair"} {
		for _, split := range []string{Tune, Heldout} {
			cs, err := LoadCases(root, stage, split)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cs {
				base := c.File[strings.LastIndex(c.File, "/")+1:]
				_, set, ok := strings.Cut(strings.TrimSuffix(base, ".txt"), "-")
				if !ok || set < "f" {
					continue
				}
				if got := SplitFor(c.Lines); got != split {
					t.Errorf("%s belongs to %s by the split rule", c.Where(), got)
				}
			}
		}
	}
}

// TestHandWrittenStructureSplit checks that every hand-written article of the structure corpus
// sits in the split the hash rule gives it, so that no case was moved to where it scores better.
func TestHandWrittenStructureSplit(t *testing.T) {
	t.Parallel()
	n := 0
	for _, split := range []string{Tune, Heldout} {
		entries, err := os.ReadDir(corpusRoot + "/structure/" + split)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			name := e.Name()
			if !handWritten(name) || strings.HasSuffix(name, ".gold") {
				continue
			}
			data, err := os.ReadFile(corpusRoot + "/structure/" + split + "/" + name)
			if err != nil {
				t.Fatal(err)
			}
			n++
			if got := SplitFor([]string{string(data)}); got != split {
				t.Errorf("%s is in %s, the hash rule says %s", name, split, got)
			}
		}
	}
	if n == 0 {
		t.Error("no hand-written structure articles")
	}
}

// TestPlantedSets: every planted*.txt of a split is read, and its units' ids name the split and
// the file, so that units on the same line of two files or two splits stay apart.
func TestPlantedSets(t *testing.T) {
	root := os.DirFS(corpusRoot)
	seen := map[string]bool{}
	files := map[string]bool{}
	for _, split := range []string{Tune, Heldout} {
		units, err := loadPlanted(root, split)
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range units {
			if seen[u.ID] {
				t.Errorf("id %s twice", u.ID)
			}
			seen[u.ID] = true
			files[u.file] = true
			if !strings.HasPrefix(u.ID, split+"/") {
				t.Errorf("%s: id without its split %s", u.ID, split)
			}
		}
	}
	for _, f := range []string{"checks/tune/planted.txt", "checks/tune/planted-b.txt", "checks/heldout/planted-b.txt"} {
		if !files[f] {
			t.Errorf("no unit read from %s", f)
		}
	}
}
