package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Segments travel to CAT tools and back in files (XLIFF) whose units must find their segment
// again when the file comes back, possibly after a new source revision. A segment's ID does not
// survive revisions (a new revision has new segments and the translations move to them), so a
// unit is keyed by its source text instead: a hash of the text as alignment compares it (AlignKey)
// and the number of the occurrence of that text in the revision (1 for the first). An unchanged
// or moved sentence keeps its key in every revision; a changed one gets a new key, and a unit
// with the old key is then a conflict (its source changed), never a write to the wrong sentence.

// SegmentKey is the key of the occurrence-th segment (from 1) with this text in its revision.
func SegmentKey(text string, occurrence int) string {
	sum := sha256.Sum256([]byte(AlignKey(text)))
	return "s" + hex.EncodeToString(sum[:8]) + "-" + strconv.Itoa(occurrence)
}

// SegmentKeys returns the key of each segment of a revision, in order.
func SegmentKeys(segs []Segment) []string {
	out := make([]string, len(segs))
	seen := make(map[string]int, len(segs))
	for i, s := range segs {
		k := AlignKey(s.Text)
		seen[k]++
		out[i] = SegmentKey(s.Text, seen[k])
	}
	return out
}

// ImportOutcome is what an import did with one unit of a file.
type ImportOutcome string

const (
	ImportApplied   ImportOutcome = "applied"   // the unit's text was saved to its segment
	ImportUnchanged ImportOutcome = "unchanged" // the file brings nothing new for the segment
	ImportConflict  ImportOutcome = "conflict"  // the segment or its source changed since the export
	ImportRefused   ImportOutcome = "refused"   // the unit cannot be applied (not this edition's, broken markup, …)
)

// ImportedUnit is what a file says about one segment.
type ImportedUnit struct {
	Text      string // the target, with inline elements as the segment's placeholders
	HasText   bool   // false when the unit has no target
	Version   int    // the segment version the export carried; 0 when the file names none
	Confirmed bool   // the file marks the unit reviewed, signed off or final
	// Problem is why the unit's target cannot be read as the segment's text (an inline element the
	// source does not have, a placeholder typed as text, a control character), or nil.
	Problem *Error
}

// ImportSegment is what Tilmash knows about the segment a unit names.
type ImportSegment struct {
	Found bool // the unit's key names a segment of the edition's current revision
	// SourceChanged, for a unit that was not found: it names a segment of an earlier revision of
	// the article whose source has since changed or gone.
	SourceChanged bool
	Source        string
	Inline        InlineMarkup
	Current       SegmentTranslation
	// Exported is the translation as it was at the unit's version (what the export carried), nil
	// when it is not known.
	Exported *SegmentTranslation
}

// ImportDecision is what to do with one unit: with ImportApplied, save Text through Action;
// otherwise Err says why nothing is written (for unchanged units, nil).
type ImportDecision struct {
	Outcome ImportOutcome
	Action  SegmentAction
	Err     *Error
}

// DecideImport decides what an import does with one unit of a file, before anything is written.
// The rules, in order:
//
//   - a unit whose key is not in the edition is refused, or a conflict when its sentence changed
//     in a newer revision;
//   - a unit whose target could not be read as the segment's text is refused;
//   - a unit without a target, or whose target is the current text, the text the export carried,
//     or a copy of the source where there was no translation (CAT tools such as OmegaT leave
//     untranslated units so) is unchanged;
//   - an empty target is refused;
//   - a unit based on another version than the segment's current one is a conflict: someone
//     changed the segment in Tilmash since the export; a unit that names no version may only fill
//     a segment that has no text;
//   - a target whose placeholders are not exactly the source's is refused;
//   - anything else is applied: confirmed when the file marks it reviewed or final and the export
//     did not already say so (a tool that keeps the exported state while the text changes does
//     not confirm it), edited otherwise.
//
// The save itself still goes through the segment's rules and version check, so a change that
// lands between this decision and the write is a conflict too.
func DecideImport(u ImportedUnit, s ImportSegment) ImportDecision {
	switch {
	case !s.Found && s.SourceChanged:
		return ImportDecision{Outcome: ImportConflict, Err: &Error{Code: CodeConflict, MessageID: "interchange.source_changed",
			Err: fmt.Errorf("the unit's source sentence changed in a newer revision")}}
	case !s.Found:
		return ImportDecision{Outcome: ImportRefused, Err: &Error{Code: CodeInvalid, MessageID: "interchange.not_in_edition",
			Err: fmt.Errorf("the unit does not belong to this edition")}}
	case u.Problem != nil:
		return ImportDecision{Outcome: ImportRefused, Err: u.Problem}
	case !u.HasText:
		return ImportDecision{Outcome: ImportUnchanged}
	}
	text := AlignKey(u.Text)
	exportedEmpty := s.Exported != nil && AlignKey(s.Exported.Text) == ""
	switch {
	case text == AlignKey(s.Current.Text),
		s.Exported != nil && text == AlignKey(s.Exported.Text),
		(exportedEmpty || AlignKey(s.Current.Text) == "") && text == AlignKey(s.Source):
		return ImportDecision{Outcome: ImportUnchanged}
	case text == "":
		return ImportDecision{Outcome: ImportRefused, Err: &Error{Code: CodeInvalid, MessageID: "interchange.empty_target",
			Err: fmt.Errorf("the target is empty")}}
	case u.Version == 0 && AlignKey(s.Current.Text) != "":
		return ImportDecision{Outcome: ImportConflict, Err: &Error{Code: CodeConflict, MessageID: "interchange.no_version",
			Data: conflictData(s.Current), Err: fmt.Errorf("the unit names no version and the segment has a translation")}}
	case u.Version != 0 && u.Version != s.Current.Version:
		return ImportDecision{Outcome: ImportConflict, Err: &Error{Code: CodeConflict, MessageID: "interchange.changed_since_export",
			Data: conflictData(s.Current),
			Err:  fmt.Errorf("the segment is at version %d, the file was exported at %d", s.Current.Version, u.Version)}}
	}
	if err := CompareMarkup(s.Source, u.Text, s.Inline); err != nil {
		return ImportDecision{Outcome: ImportRefused, Err: err}
	}
	action := SegmentEdit
	if u.Confirmed && (s.Exported == nil || s.Exported.State != SegmentConfirmed) {
		action = SegmentConfirm
	}
	return ImportDecision{Outcome: ImportApplied, Action: action}
}

func conflictData(cur SegmentTranslation) map[string]any {
	return map[string]any{"Text": cur.Text, "Version": cur.Version, "By": cur.UpdatedBy, "State": string(cur.State)}
}

// CompareMarkup checks that a translation carries exactly the placeholders of its source: each
// of the segment's elements once, pairs opened before they close and nested properly. It
// returns nil when they match, or an invalid-input error naming the tags that are missing, not
// the source's, or misplaced.
func CompareMarkup(source, target string, markup InlineMarkup) *Error {
	inline := markup.List()
	kinds := make(map[int]InlineKind, len(inline))
	for _, in := range inline {
		kinds[in.ID] = in.Kind
	}
	want := map[string]int{}
	for _, t := range Tokens(source) {
		if t.Kind != TokenText {
			if _, ok := kinds[t.ID]; ok {
				want[t.Text]++
			}
		}
	}
	got := map[string]int{}
	var unknown, broken []string
	var open []int
	for _, t := range Tokens(target) {
		if t.Kind == TokenText {
			continue
		}
		kind, ok := kinds[t.ID]
		if !ok || want[t.Text] == 0 {
			unknown = append(unknown, t.Text)
			continue
		}
		got[t.Text]++
		if got[t.Text] > want[t.Text] {
			broken = append(broken, t.Text)
			continue
		}
		switch {
		case t.Kind == TokenOpen && kind.Paired():
			open = append(open, t.ID)
		case t.Kind == TokenClose && kind.Paired():
			if len(open) == 0 || open[len(open)-1] != t.ID {
				broken = append(broken, t.Text)
				if i := slices.Index(open, t.ID); i >= 0 {
					open = slices.Delete(open, i, i+1)
				}
				continue
			}
			open = open[:len(open)-1]
		}
	}
	var missing []string
	for tag, n := range want {
		if got[tag] < n {
			missing = append(missing, tag)
		}
	}
	slices.Sort(missing)
	switch {
	case len(missing) > 0:
		return markupError("interchange.markup_missing", missing)
	case len(unknown) > 0:
		return markupError("interchange.markup_unknown", unknown)
	case len(broken) > 0:
		return markupError("interchange.markup_broken", broken)
	}
	return nil
}

func markupError(id string, tags []string) *Error {
	list := strings.Join(slices.Compact(tags), " ")
	return &Error{Code: CodeInvalid, MessageID: id, Data: map[string]any{"Tags": list},
		Err: fmt.Errorf("inline markup does not match the source: %s %s", strings.TrimPrefix(id, "interchange.markup_"), list)}
}
