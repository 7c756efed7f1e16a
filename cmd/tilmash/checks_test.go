package main

import (
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// The check runner converts a termbase once for the segments that share it, and a new termbase
// (another slice, even of the same length) is the one the next segments are checked against.
func TestCheckRunnerFollowsTheTermbaseItIsGiven(t *testing.T) {
	c := &checkRunner{}
	termbase := func(ru string) []pipeline.Concept {
		return []pipeline.Concept{{Terms: map[pipeline.Lang]string{pipeline.English: "Middle Corridor", pipeline.Russian: ru}}}
	}
	glossary := func(concepts []pipeline.Concept, target string) int {
		n := 0
		for _, f := range c.Check(pipeline.CheckUnit{SourceLang: pipeline.English, TargetLang: pipeline.Russian,
			Source: "The Middle Corridor grows.", Target: target, Terms: concepts}) {
			if f.Check == "glossary" {
				n++
			}
		}
		return n
	}
	first := termbase("Средний коридор")
	if n := glossary(first, "Средний коридор растёт."); n != 0 {
		t.Errorf("the approved term was used: %d glossary findings", n)
	}
	if n := glossary(first, "Срединный коридор растёт."); n != 1 {
		t.Errorf("the approved term was not used: %d glossary findings, want 1", n)
	}
	second := termbase("Срединный коридор")
	if n := glossary(second, "Срединный коридор растёт."); n != 0 {
		t.Errorf("after the termbase changed: %d glossary findings for its approved term", n)
	}
	if n := glossary(nil, "Срединный коридор растёт."); n != 0 {
		t.Errorf("without a termbase: %d glossary findings", n)
	}
}
