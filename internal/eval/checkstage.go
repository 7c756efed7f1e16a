package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/pipeline"
)

func init() { Register(&checkStage{}) }

// The checks corpus lives in DIR/checks: terms.txt (the termbase, shared by the splits) and
// per split units.txt (clean translations written for it) and units.json (the clean units and
// units with one injected error each, written from units.txt by go run
// ./internal/checks/cmd/evalunits).
//
// Every unit is scored once per check, so that each check's row holds its precision and its
// recall: on a unit with an injected error of that check, a finding of it is a true positive and
// none a false negative; on a clean unit, a finding of it is a false positive. The class "clean"
// counts the clean units with any finding at all (the share a translator would see flagged for
// nothing) as false positives.

// phraseClass is the class of omissions of a few words inside one clause ("omission-phrase"
// units of the injector), scored apart as the qa corpus test does: neither length nor
// punctuation nor names show them reliably.
const phraseClass = "omission (phrase)"

type checkStage struct {
	spell checks.Speller
	terms []checks.Term
	found map[string][]pipeline.Finding // by unit id, checked once for all its cases
}

// checkUnit is one unit of units.json.
type checkUnit struct {
	ID    string        `json:"id"`
	Check string        `json:"check,omitempty"`
	Lang  pipeline.Lang `json:"lang"`
	// SourceLang is the source's language; units.json leaves it out for English.
	SourceLang pipeline.Lang `json:"source_lang,omitempty"`
	Source     string        `json:"source"`
	Target     string        `json:"target"`
	Memory     []string      `json:"memory,omitempty"`
	Note       string        `json:"note,omitempty"`
	file       string        // the planted file the unit was read from; "" for units.json
	line       int           // the line of that file
}

func (*checkStage) Name() string { return "checks" }

// Goal: what the checks must reach per language; the clean units' share with a finding is held
// to 3% by the precision of the "clean" row being at least 0.97.
func (*checkStage) Goal() Goal { return Goal{Precision: 0.97, Recall: 0.95} }
func (*checkStage) Langs() []pipeline.Lang {
	return []pipeline.Lang{pipeline.English, pipeline.Russian, pipeline.Kazakh, pipeline.Chinese}
}

func (s *checkStage) Prepare() error {
	sp, err := checks.DebianSpeller()
	if err != nil {
		return err
	}
	s.spell, s.found = sp, map[string][]pipeline.Finding{}
	return nil
}

// LoadCases reads the termbase and one split's units, one case per unit and check (and
// "clean" for clean units). A case's Lines hold the unit as JSON.
func (s *checkStage) LoadCases(root fs.FS, split string) ([]Case, error) {
	terms, err := loadCheckTerms(root, "checks/terms.txt")
	if err != nil {
		return nil, err
	}
	s.terms = terms
	name := path.Join("checks", split, "units.json")
	var units []checkUnit
	data, err := fs.ReadFile(root, name)
	switch {
	case err == nil:
		if err := json.Unmarshal(data, &units); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	case !errorsIsNotExist(err):
		return nil, err
	}
	planted, err := loadPlanted(root, split)
	if err != nil {
		return nil, err
	}
	units = append(units, planted...)
	var out []Case
	for i, u := range units {
		line, _ := json.Marshal(u)
		c := Case{Stage: "checks", Split: split, Lang: u.Lang, File: name, Line: i + 1, Lines: []string{string(line)}}
		if u.line > 0 {
			c.File, c.Line = u.file, u.line
		}
		if u.Check == "" {
			c.Class = "clean"
			out = append(out, c)
		}
		for _, check := range checks.AllChecks {
			if u.Check == "" || u.Check == check {
				c.Class = check
				if strings.Contains(u.ID, "/"+phraseLabel+"/") {
					c.Class = phraseClass
				}
				out = append(out, c)
			}
		}
	}
	return out, nil
}

// Score runs every check on the case's unit (once per unit) and scores the case's class.
func (s *checkStage) Score(c Case) (Tally, string, error) {
	var u checkUnit
	if err := json.Unmarshal([]byte(c.Lines[0]), &u); err != nil {
		return Tally{}, "", err
	}
	if s.found == nil {
		if err := s.Prepare(); err != nil {
			return Tally{}, "", err
		}
	}
	fs, seen := s.found[u.ID]
	if !seen {
		opts := checks.Options{Terms: s.terms, Spell: s.spell, OtherTranslations: func(string) []string { return u.Memory }}
		src := u.SourceLang
		if src == "" {
			src = pipeline.English
		}
		fs = checks.Check(pipeline.CheckUnit{SourceLang: src, TargetLang: u.Lang, Source: u.Source, Target: u.Target}, opts)
		s.found[u.ID] = fs
	}
	t := Tally{Cases: 1}
	var hits []string
	for _, f := range fs {
		if c.Class == "clean" || f.Check == c.Class || c.Class == phraseClass && f.Check == checks.CheckOmission {
			hits = append(hits, fmt.Sprintf("%s %s %v", f.Check, f.MessageID, f.Data))
		}
	}
	switch {
	case u.Check == "" && len(hits) > 0:
		t.FP = 1
		return t, fmt.Sprintf("%s: clean unit flagged: %s\n    %s", u.ID, strings.Join(hits, "; "), u.Target), nil
	case u.Check == "":
		t.Exact = 1
	case len(hits) > 0:
		t.TP, t.Exact = 1, 1
	default:
		t.FN = 1
		return t, fmt.Sprintf("%s: missed (%s)\n    %s", u.ID, u.Note, u.Target), nil
	}
	return t, "", nil
}

// loadCheckTerms reads a termbase file of the checks corpus: blocks of "lang: term",
// "forbidden.lang: variant", "alt.lang: variant" (for the injector only) and "dnt: true".
func loadCheckTerms(root fs.FS, name string) ([]checks.Term, error) {
	data, err := fs.ReadFile(root, name)
	if err != nil {
		return nil, err
	}
	var out []checks.Term
	var cur *checks.Term
	flush := func() {
		if cur == nil {
			return
		}
		if cur.DoNotTranslate {
			for _, l := range pipeline.Languages {
				if cur.Terms[l] == "" {
					cur.Terms[l] = cur.Terms[pipeline.English]
				}
			}
		}
		out = append(out, *cur)
		cur = nil
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") {
			continue
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		k, v, ok := strings.Cut(line, ": ")
		if !ok {
			return nil, fmt.Errorf("%s: want \"key: value\": %q", name, line)
		}
		if cur == nil {
			cur = &checks.Term{Terms: map[pipeline.Lang]string{}, Forbidden: map[pipeline.Lang][]string{}}
		}
		switch {
		case k == "dnt":
			cur.DoNotTranslate = v == "true"
		case strings.HasPrefix(k, "forbidden."):
			l := pipeline.Lang(strings.TrimPrefix(k, "forbidden."))
			cur.Forbidden[l] = append(cur.Forbidden[l], v)
		case strings.HasPrefix(k, "alt."):
		default:
			cur.Terms[pipeline.Lang(k)] = v
		}
	}
	flush()
	return out, sc.Err()
}
