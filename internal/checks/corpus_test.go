package checks_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/internal/checks/internal/corpus"
	"github.com/tilmash/tilmash/pipeline"
)

const corpusDir = "testdata/corpus"

var (
	spellOnce sync.Once
	spellSet  *checks.SpellerSet
	spellErr  error
)

// corpusSpeller returns the Debian dictionaries. Without them the test fails, naming the
// packages, unless TILMASH_TEST_SKIP_TOOLS=1 (a developer's opt-out, never set by .ci/run, which
// installs them): then it returns nil and spelling is left out.
func corpusSpeller(tb testing.TB) checks.Speller {
	tb.Helper()
	spellOnce.Do(func() { spellSet, spellErr = checks.DebianSpeller() })
	if spellErr != nil {
		if os.Getenv("TILMASH_TEST_SKIP_TOOLS") == "1" {
			tb.Logf("Hunspell dictionaries not installed (%v): spelling left out because TILMASH_TEST_SKIP_TOOLS=1", spellErr)
			return nil
		}
		tb.Fatalf("Hunspell dictionaries not installed (%v): apt-get install hunspell-en-us hunspell-en-gb hunspell-ru hunspell-kk, or set TILMASH_TEST_SKIP_TOOLS=1 to leave spelling out", spellErr)
	}
	return spellSet
}

// loadCorpus returns the clean units, the injected units and the termbase.
func loadCorpus(tb testing.TB) (clean, injected []corpus.Unit, terms []checks.Term) {
	tb.Helper()
	srcs, err := corpus.LoadSources(corpusDir)
	if err != nil {
		tb.Fatal(err)
	}
	ts, err := corpus.LoadTerms(corpusDir)
	if err != nil {
		tb.Fatal(err)
	}
	in := corpus.Injector{Terms: ts}
	if sp := corpusSpeller(tb); sp != nil {
		in.Spell = sp
	}
	return corpus.CleanUnits(srcs), in.Inject(srcs), corpus.QATerms(ts)
}

var (
	findingsOnce sync.Once
	findingsByID map[string][]pipeline.Finding
)

// corpusFindings runs all checks on every corpus unit once per test binary and returns the
// findings by unit id.
func corpusFindings(tb testing.TB) map[string][]pipeline.Finding {
	clean, injected, terms := loadCorpus(tb)
	findingsOnce.Do(func() {
		findingsByID = map[string][]pipeline.Finding{}
		for _, u := range append(clean, injected...) {
			findingsByID[u.ID] = runUnit(u, terms, corpusSpeller(tb))
		}
	})
	return findingsByID
}

func runUnit(u corpus.Unit, terms []checks.Term, sp checks.Speller) []pipeline.Finding {
	opts := checks.Options{Terms: terms, Spell: sp,
		OtherTranslations: func(string) []string { return u.Memory }}
	return checks.Check(pipeline.CheckUnit{SourceLang: pipeline.English, TargetLang: u.Lang, Source: u.Source, Target: u.Target}, opts)
}

// TestCorpus measures every check on the labelled corpus, per check and target language: recall
// is the share of units with an injected error of a check that the check reports; the
// false-positive rate is the share of clean units with any finding at all. It fails when a
// check's recall over all languages is below 0.95, or when a language has more than 3% false
// positives. Phrase omissions inside one clause are reported for information only.
func TestCorpus(t *testing.T) {
	t.Parallel()
	sp := corpusSpeller(t)
	clean, injected, _ := loadCorpus(t)
	found := corpusFindings(t)

	type cell struct{ n, found int }
	recall := map[string]map[pipeline.Lang]*cell{}
	phrase := map[pipeline.Lang]*cell{}
	var misses []string
	for _, u := range injected {
		if u.Check == checks.CheckSpelling && sp == nil {
			continue
		}
		if strings.HasPrefix(u.ID, "omission-phrase/") { // informational: words lost inside one clause
			c := phrase[u.Lang]
			if c == nil {
				c = &cell{}
				phrase[u.Lang] = c
			}
			c.n++
			for _, f := range found[u.ID] {
				if f.Check == checks.CheckOmission {
					c.found++
					break
				}
			}
			continue
		}
		if recall[u.Check] == nil {
			recall[u.Check] = map[pipeline.Lang]*cell{}
		}
		c := recall[u.Check][u.Lang]
		if c == nil {
			c = &cell{}
			recall[u.Check][u.Lang] = c
		}
		c.n++
		hit := false
		for _, f := range found[u.ID] {
			if f.Check == u.Check {
				hit = true
			}
		}
		if hit {
			c.found++
		} else {
			misses = append(misses, fmt.Sprintf("MISS %s (%s)\n  src: %s\n  tgt: %s", u.ID, u.Note, u.Source, u.Target))
		}
	}
	fpUnits := map[pipeline.Lang]*cell{}
	fpByCheck := map[string]map[pipeline.Lang]int{}
	var fps []string
	for _, u := range clean {
		c := fpUnits[u.Lang]
		if c == nil {
			c = &cell{}
			fpUnits[u.Lang] = c
		}
		c.n++
		fs := found[u.ID]
		if len(fs) > 0 {
			c.found++
		}
		seen := map[string]bool{}
		for _, f := range fs {
			if !seen[f.Check] {
				seen[f.Check] = true
				if fpByCheck[f.Check] == nil {
					fpByCheck[f.Check] = map[pipeline.Lang]int{}
				}
				fpByCheck[f.Check][u.Lang]++
			}
			fps = append(fps, fmt.Sprintf("FP %s %s %s %v\n  src: %s\n  tgt: %s", u.ID, f.Check, f.MessageID, f.Data, u.Source, u.Target))
		}
	}

	var b strings.Builder
	fmt.Fprintf(&b, "\n%-15s %-18s %-18s %-18s\n", "check", "ru recall (n) FP", "kk recall (n) FP", "zh recall (n) FP")
	for _, check := range checks.AllChecks {
		fmt.Fprintf(&b, "%-15s", check)
		for _, l := range corpus.Targets {
			c := recall[check][l]
			fp := float64(fpByCheck[check][l]) / float64(fpUnits[l].n)
			if c == nil || c.n == 0 {
				fmt.Fprintf(&b, " %-18s", fmt.Sprintf("  n/a       %4.1f%%", fp*100))
				continue
			}
			fmt.Fprintf(&b, " %-18s", fmt.Sprintf("%5.3f (%3d) %4.1f%%", float64(c.found)/float64(c.n), c.n, fp*100))
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "%-15s", "(phrase drop)")
	for _, l := range corpus.Targets {
		if c := phrase[l]; c != nil && c.n > 0 {
			fmt.Fprintf(&b, " %-18s", fmt.Sprintf("%5.3f (%3d) info", float64(c.found)/float64(c.n), c.n))
		}
	}
	b.WriteByte('\n')
	fmt.Fprintf(&b, "%-15s", "any finding")
	for _, l := range corpus.Targets {
		c := fpUnits[l]
		fmt.Fprintf(&b, " %-18s", fmt.Sprintf("clean %3d  %4.1f%%", c.n, 100*float64(c.found)/float64(c.n)))
	}
	b.WriteByte('\n')
	t.Log(b.String())
	if os.Getenv("QA_CORPUS_DEBUG") != "" {
		sort.Strings(misses)
		for _, m := range misses {
			t.Log(m)
		}
		for _, f := range fps {
			t.Log(f)
		}
	}
	for _, check := range checks.AllChecks {
		var total cell
		for _, l := range corpus.Targets {
			if c := recall[check][l]; c != nil {
				total.n += c.n
				total.found += c.found
			}
		}
		if total.n > 0 && float64(total.found)/float64(total.n) < 0.95 {
			t.Errorf("%s: recall %.3f < 0.95 (set QA_CORPUS_DEBUG=1 for the misses)", check, float64(total.found)/float64(total.n))
		}
	}
	for _, l := range corpus.Targets {
		c := fpUnits[l]
		if rate := float64(c.found) / float64(c.n); rate > 0.03 {
			t.Errorf("%s: false-positive rate %.1f%% > 3%% (set QA_CORPUS_DEBUG=1 for the findings)", l, rate*100)
		}
	}
}

func toCU(u corpus.Unit) pipeline.CheckUnit {
	return pipeline.CheckUnit{SourceLang: pipeline.English, TargetLang: u.Lang, Source: u.Source, Target: u.Target}
}
