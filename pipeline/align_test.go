package pipeline_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

func segs(texts ...string) []pipeline.Segment {
	out := make([]pipeline.Segment, len(texts))
	for i, t := range texts {
		out[i] = pipeline.Segment{Position: i, BlockIndex: i, Kind: pipeline.BlockParagraph, Text: t}
	}
	return out
}

// pairString writes an alignment compactly: "=0:0" unchanged, ">3:1" moved, "~1:1" changed,
// "+-:2" added, "--:4" removed.
func pairString(a pipeline.Alignment) string {
	sign := map[pipeline.AlignKind]string{pipeline.AlignUnchanged: "=", pipeline.AlignMoved: ">",
		pipeline.AlignChanged: "~", pipeline.AlignAdded: "+", pipeline.AlignRemoved: "-"}
	idx := func(i int) string {
		if i < 0 {
			return "-"
		}
		return fmt.Sprint(i)
	}
	var parts []string
	for _, p := range a.Pairs {
		parts = append(parts, sign[p.Kind]+idx(p.Old)+":"+idx(p.New))
	}
	return strings.Join(parts, " ")
}

func TestAlign(t *testing.T) {
	t.Parallel()
	const (
		s0 = "China has strengthened its position in Central Asia."
		s1 = "The party cooperation is the main tool of this policy."
		s2 = "Joint programmes train personnel and exchange management practices."
		s3 = "Thus party diplomacy became a pillar of the relationship."
		s4 = "Experts expect the cooperation to deepen in the coming years."
	)
	tests := []struct {
		name     string
		old, new []string
		want     string
	}{
		{"same", []string{s0, s1, s2}, []string{s0, s1, s2}, "=0:0 =1:1 =2:2"},
		{"typo fixed", []string{s0, s1, s2}, []string{s0, strings.Replace(s1, "main", "principal", 1), s2}, "=0:0 ~1:1 =2:2"},
		{"spacing only", []string{s0, s1}, []string{s0, "The  party cooperation is the main tool of this policy. "}, "=0:0 =1:1"},
		{"added in the middle", []string{s0, s2}, []string{s0, s1, s2}, "=0:0 +-:1 =1:2"},
		{"added at the end", []string{s0, s1}, []string{s0, s1, s4}, "=0:0 =1:1 +-:2"},
		{"removed", []string{s0, s1, s2}, []string{s0, s2}, "=0:0 -1:- =2:1"},
		{"removed first", []string{s0, s1, s2}, []string{s1, s2}, "-0:- =1:0 =2:1"},
		{"moved", []string{s0, s1, s2, s3}, []string{s0, s2, s3, s1}, "=0:0 =2:1 =3:2 >1:3"},
		{"rewritten in place", []string{s0, s1, s2}, []string{s0, "Weather was fine.", s2}, "=0:0 -1:- +-:1 =2:2"},
		{"split", []string{s0, s1, s2}, []string{s0, "The party cooperation is the main tool.", "It serves this policy.", s2},
			"=0:0 ~1:1 +-:2 =2:3"},
		{"split, second half larger", []string{s0, s1, s2}, []string{s0, "Party cooperation.", "It is the main tool of this policy.", s2},
			"=0:0 +-:1 ~1:2 =2:3"},
		{"merged", []string{s0, s2, s3}, []string{s0, strings.TrimSuffix(s2, ".") + " and party diplomacy became a pillar.", s3},
			"=0:0 ~1:1 =2:2"},
		{"merged two changed", []string{s0, "Trade grew.", "Investment grew fast in the region.", s3},
			[]string{s0, "Trade grew and investment grew fast in the region.", s3}, "=0:0 -1:- ~2:1 =3:2"},
		{"moved and edited", []string{s0, s1, s2, s3, s4}, []string{s4, s0, s2, s3, strings.Replace(s1, "main", "chief", 1)},
			">4:0 =0:1 =2:2 =3:3 ~1:4"},
		{"duplicate sentence added", []string{s0, s1}, []string{s0, s1, s0}, "=0:0 =1:1 +-:2"},
		{"everything new", []string{s0}, []string{"Something else entirely."}, "-0:- +-:0"},
		{"empty old", nil, []string{s0}, "+-:0"},
		{"empty new", []string{s0}, nil, "-0:-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := pipeline.Align(segs(tt.old...), segs(tt.new...))
			if got := pairString(a); got != tt.want {
				t.Errorf("Align = %s\n          want %s", got, tt.want)
			}
			if err := checkAlignment(segs(tt.old...), segs(tt.new...), a); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestCarriesMinorKeepsChanged(t *testing.T) {
	t.Parallel()
	a := pipeline.Align(segs("Trade grew in 2024.", "Investment too."), segs("Trade grew in 2024!", "Investment too.", "New."))
	for _, minor := range []bool{false, true} {
		var got []string
		for _, c := range a.Carries(minor) {
			got = append(got, string(c.Action))
		}
		want := "flag keep fresh"
		if minor {
			want = "keep keep fresh"
		}
		if strings.Join(got, " ") != want {
			t.Errorf("minor=%v: carries %v, want %s", minor, got, want)
		}
	}
}

func TestSameStructure(t *testing.T) {
	t.Parallel()
	a := segs("One.", "Two.")
	b := segs("One.", " Two. ")
	if !pipeline.SameStructure(a, b) {
		t.Error("a spacing change counts as a different structure")
	}
	b[1].Kind = pipeline.BlockHeading
	if pipeline.SameStructure(a, b) {
		t.Error("a paragraph turned heading counts as the same structure")
	}
}

// checkAlignment reports what breaks the rules every alignment must satisfy, whatever the edit: each old and each
// new segment is in exactly one pair; equal texts are paired as unchanged or moved as often as
// both sides have them; unchanged pairs keep their order; changed pairs have different texts; and
// the carried translations follow.
func checkAlignment(old, new []pipeline.Segment, a pipeline.Alignment) error {
	seenOld, seenNew := make([]int, len(old)), make([]int, len(new))
	same := map[string]int{}
	lastOld, lastNew := -1, -1
	for _, p := range a.Pairs {
		if p.Old >= 0 {
			seenOld[p.Old]++
		}
		if p.New >= 0 {
			seenNew[p.New]++
		}
		switch p.Kind {
		case pipeline.AlignUnchanged, pipeline.AlignMoved:
			if ko, kn := pipeline.AlignKey(old[p.Old].Text), pipeline.AlignKey(new[p.New].Text); ko != kn {
				return fmt.Errorf("%s pair %d:%d has different texts %q and %q", p.Kind, p.Old, p.New, ko, kn)
			}
			same[pipeline.AlignKey(new[p.New].Text)]++
			if p.Kind == pipeline.AlignUnchanged {
				if p.Old <= lastOld || p.New <= lastNew {
					return fmt.Errorf("unchanged pair %d:%d out of order", p.Old, p.New)
				}
				lastOld, lastNew = p.Old, p.New
			}
		case pipeline.AlignChanged:
			if pipeline.AlignKey(old[p.Old].Text) == pipeline.AlignKey(new[p.New].Text) {
				return fmt.Errorf("changed pair %d:%d has equal texts", p.Old, p.New)
			}
		}
	}
	for i, n := range seenOld {
		if n != 1 {
			return fmt.Errorf("old segment %d is in %d pairs", i, n)
		}
	}
	for j, n := range seenNew {
		if n != 1 {
			return fmt.Errorf("new segment %d is in %d pairs", j, n)
		}
	}
	oldCount, newCount := map[string]int{}, map[string]int{}
	for _, s := range old {
		oldCount[pipeline.AlignKey(s.Text)]++
	}
	for _, s := range new {
		newCount[pipeline.AlignKey(s.Text)]++
	}
	for k, n := range newCount {
		if want := min(n, oldCount[k]); same[k] != want {
			return fmt.Errorf("%q: %d unchanged or moved pairs, want %d", k, same[k], want)
		}
	}

	// Translations: every old segment has a confirmed translation of its own text. After the
	// carry, a new segment is confirmed exactly when its text had a translation, and then it is
	// that translation; every other segment is flagged or fresh.
	type tr struct {
		text  string
		state pipeline.SegmentState
	}
	after := make([]tr, len(new))
	for _, c := range a.Carries(false) {
		switch c.Action {
		case pipeline.CarryKeep:
			after[c.New] = tr{"T:" + pipeline.AlignKey(old[c.Old].Text), pipeline.SegmentConfirmed}
		case pipeline.CarryFlag:
			after[c.New] = tr{"T:" + pipeline.AlignKey(old[c.Old].Text), pipeline.SegmentEmpty}
		case pipeline.CarryFresh:
			after[c.New] = tr{"", pipeline.SegmentEmpty}
		}
	}
	for j, s := range new {
		k := pipeline.AlignKey(s.Text)
		got := after[j]
		if got.state == pipeline.SegmentConfirmed && got.text != "T:"+k {
			return fmt.Errorf("segment %d %q kept the translation of another text: %q", j, k, got.text)
		}
		if oldCount[k] >= newCount[k] && got.state != pipeline.SegmentConfirmed {
			return fmt.Errorf("unchanged segment %d %q lost its translation", j, k)
		}
	}
	return nil
}
