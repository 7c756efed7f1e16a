package pipeline_test

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

func TestSegmentKeysSurviveRevisions(t *testing.T) {
	t.Parallel()
	old := []pipeline.Segment{{Text: "Title"}, {Text: "Trade grew."}, {Text: "Trade grew."}, {Text: "Астана — столица."}}
	// A new revision: a sentence added in front, spaces changed, the last one edited.
	rev := []pipeline.Segment{{Text: "New lead."}, {Text: "Title"}, {Text: "Trade  grew."}, {Text: "Trade grew."}, {Text: "Астана — столица Казахстана."}}
	ok, nk := pipeline.SegmentKeys(old), pipeline.SegmentKeys(rev)
	if ok[1] == ok[2] {
		t.Fatalf("two occurrences of one sentence share the key %s", ok[1])
	}
	if ok[0] != nk[1] || ok[1] != nk[2] || ok[2] != nk[3] {
		t.Errorf("keys of unchanged sentences moved: %v → %v", ok, nk)
	}
	if ok[3] == nk[4] {
		t.Errorf("an edited sentence kept its key %s", ok[3])
	}
	for _, k := range append(ok, nk...) {
		if !strings.HasPrefix(k, "s") || strings.ContainsAny(k, " /:") {
			t.Errorf("key %q is not an NMTOKEN-like id", k)
		}
	}
}

func TestCompareMarkup(t *testing.T) {
	t.Parallel()
	markup := pipeline.NewInlineMarkup([]pipeline.Inline{{ID: 1, Kind: pipeline.InlineLink, Href: "https://example.org"},
		{ID: 2, Kind: pipeline.InlineEmphasis}, {ID: 3, Kind: pipeline.InlineFootnote, Note: 1}})
	src := "See <g1>the <g2>report</g2></g1> here<x3/>."
	tests := []struct {
		target, want string
	}{
		{"Смотрите <g1>этот <g2>доклад</g2></g1> здесь<x3/>.", ""},
		{"<g1><g2>报告</g2>见</g1><x3/>。", ""},
		{"Смотрите <g1>доклад</g1> здесь<x3/>.", "interchange.markup_missing"},
		{"Смотрите <g1>этот <g2>доклад</g2></g1> здесь.", "interchange.markup_missing"},
		{"Смотрите <g1>этот <g2>доклад</g2></g1> здесь<x3/><x4/>.", "interchange.markup_unknown"},
		{"Смотрите <g1>этот <g2>доклад</g1></g2> здесь<x3/>.", "interchange.markup_broken"},
		{"Смотрите </g1>этот<g1> <g2>доклад</g2> здесь<x3/>.", "interchange.markup_broken"},
		{"<x3/>Смотрите <g1>этот <g2>доклад</g2></g1> здесь<x3/>.", "interchange.markup_broken"},
	}
	for _, tt := range tests {
		err := pipeline.CompareMarkup(src, tt.target, markup)
		got := ""
		if err != nil {
			got = err.MessageID
		}
		if got != tt.want {
			t.Errorf("CompareMarkup(%q) = %q (%v), want %q", tt.target, got, err, tt.want)
		}
	}
}

func TestDecideImport(t *testing.T) {
	t.Parallel()
	markup := pipeline.NewInlineMarkup([]pipeline.Inline{{ID: 1, Kind: pipeline.InlineLink, Href: "https://example.org"}})
	src := "Read <g1>the report</g1>."
	seg := func(text string, version int, state pipeline.SegmentState) pipeline.ImportSegment {
		cur := pipeline.SegmentTranslation{Text: text, Version: version, State: state, UpdatedBy: "aigerim"}
		return pipeline.ImportSegment{Found: true, Source: src, Inline: markup, Current: cur, Exported: &cur}
	}
	edited := seg("Прочтите <g1>доклад</g1>.", 4, pipeline.SegmentEdited)
	movedOn := edited
	movedOn.Exported = &pipeline.SegmentTranslation{Text: "Читайте <g1>доклад</g1>.", Version: 3, State: pipeline.SegmentDraft}
	movedOn.Current.Version = 4
	problem := &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "interchange.foreign_inline"}
	tests := []struct {
		name    string
		unit    pipeline.ImportedUnit
		seg     pipeline.ImportSegment
		outcome pipeline.ImportOutcome
		action  pipeline.SegmentAction
		msg     string
	}{
		{"not in the edition", pipeline.ImportedUnit{Text: "x", HasText: true}, pipeline.ImportSegment{}, pipeline.ImportRefused, "", "interchange.not_in_edition"},
		{"source changed", pipeline.ImportedUnit{Text: "x", HasText: true}, pipeline.ImportSegment{SourceChanged: true}, pipeline.ImportConflict, "", "interchange.source_changed"},
		{"unreadable target", pipeline.ImportedUnit{Text: "x", HasText: true, Version: 4, Problem: problem}, edited, pipeline.ImportRefused, "", "interchange.foreign_inline"},
		{"no target", pipeline.ImportedUnit{Version: 4}, edited, pipeline.ImportUnchanged, "", ""},
		{"same text", pipeline.ImportedUnit{Text: "Прочтите  <g1>доклад</g1>.", HasText: true, Version: 4}, edited, pipeline.ImportUnchanged, "", ""},
		{"source copy of an empty segment", pipeline.ImportedUnit{Text: src, HasText: true, Version: 1}, seg("", 1, pipeline.SegmentEmpty), pipeline.ImportUnchanged, "", ""},
		{"the exported text, segment changed since", pipeline.ImportedUnit{Text: "Читайте <g1>доклад</g1>.", HasText: true, Version: 3}, movedOn, pipeline.ImportUnchanged, "", ""},
		{"changed in Tilmash since the export", pipeline.ImportedUnit{Text: "Изучите <g1>доклад</g1>.", HasText: true, Version: 3}, movedOn, pipeline.ImportConflict, "", "interchange.changed_since_export"},
		{"no version over a translation", pipeline.ImportedUnit{Text: "Изучите <g1>доклад</g1>.", HasText: true}, edited, pipeline.ImportConflict, "", "interchange.no_version"},
		{"no version into an empty segment", pipeline.ImportedUnit{Text: "Изучите <g1>доклад</g1>.", HasText: true}, seg("", 1, pipeline.SegmentEmpty), pipeline.ImportApplied, pipeline.SegmentEdit, ""},
		{"empty target", pipeline.ImportedUnit{Text: " ", HasText: true, Version: 4}, edited, pipeline.ImportRefused, "", "interchange.empty_target"},
		{"markup lost", pipeline.ImportedUnit{Text: "Изучите доклад.", HasText: true, Version: 4}, edited, pipeline.ImportRefused, "", "interchange.markup_missing"},
		{"edit", pipeline.ImportedUnit{Text: "Изучите <g1>доклад</g1>.", HasText: true, Version: 4}, edited, pipeline.ImportApplied, pipeline.SegmentEdit, ""},
		{"confirm", pipeline.ImportedUnit{Text: "Изучите <g1>доклад</g1>.", HasText: true, Version: 4, Confirmed: true}, edited, pipeline.ImportApplied, pipeline.SegmentConfirm, ""},
		{"exported confirmed, state kept", pipeline.ImportedUnit{Text: "Изучите <g1>доклад</g1>.", HasText: true, Version: 2, Confirmed: true},
			seg("Прочтите <g1>доклад</g1>.", 2, pipeline.SegmentConfirmed), pipeline.ImportApplied, pipeline.SegmentEdit, ""},
	}
	for _, tt := range tests {
		d := pipeline.DecideImport(tt.unit, tt.seg)
		msg := ""
		if d.Err != nil {
			msg = d.Err.MessageID
		}
		if d.Outcome != tt.outcome || d.Action != tt.action || msg != tt.msg {
			t.Errorf("%s: got %s %s %q, want %s %s %q", tt.name, d.Outcome, d.Action, msg, tt.outcome, tt.action, tt.msg)
		}
	}
}
