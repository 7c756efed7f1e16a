package repair

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Change is one fix, in byte offsets of the text given to Repair. Start == End is an insertion.
type Change struct {
	Start, End int
	Before     string // the input's bytes in [Start, End)
	After      string
	Rule       string // which rule made it; "a+b" when two rules touched the same text
}

// InsertedSpaces lists the input offsets where c inserted a space that was not there: where a
// join was split. A change that also rewrote characters around the space counts the space at
// the offset of the input character it stands before.
func (c Change) InsertedSpaces() []int {
	var out []int
	before, after := []rune(c.Before), []rune(c.After)
	off, i := c.Start, 0
	for k := 0; k < len(after); k++ {
		if after[k] == ' ' && (i >= len(before) || before[i] != ' ') {
			out = append(out, off)
			continue
		}
		if i < len(before) {
			off += utf8.RuneLen(before[i])
			i++
		}
	}
	return out
}

// Question is a token Repair left alone although it may be damaged.
type Question struct {
	Start, End int // byte offsets in the input
	Token      string
	Candidates []string // possible repairs, most likely first; may be empty
	Reason     string
}

// Result is the repaired text with every change that made it and every open question.
type Result struct {
	Text      string
	Changes   []Change
	Questions []Question
}

// Apply re-applies a subset of the changes Repair reported for text, so that an editor can undo
// some of them. Changes whose Before no longer matches the text, that fall outside it or that
// overlap an earlier change are skipped.
func Apply(text string, changes []Change) string {
	cs := append([]Change(nil), changes...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Start < cs[j].Start })
	var b strings.Builder
	b.Grow(len(text) + len(text)/16)
	pos := 0
	for _, c := range cs {
		if c.Start < pos || c.End < c.Start || c.End > len(text) || text[c.Start:c.End] != c.Before {
			continue
		}
		b.WriteString(text[pos:c.Start])
		b.WriteString(c.After)
		pos = c.End
	}
	b.WriteString(text[pos:])
	return b.String()
}

// edit is a replacement proposed by one stage, in offsets of that stage's input.
type edit struct {
	start, end int
	after      string
	rule       string
}

// ledger keeps the changes made so far as replacements of the original input, and the text they
// produce. Each stage works on the current text; its edits are mapped back to the input, and an
// edit that touches an earlier change absorbs it, so that the final list never overlaps and
// Apply(input, changes) always gives the repaired text.
type ledger struct {
	input   string
	changes []Change // sorted, non-overlapping
	text    string   // Apply(input, changes)
}

func newLedger(input string) *ledger { return &ledger{input: input, text: input} }

// outMap holds where each change's output lies in the current text, so that offsets are mapped
// by binary search instead of a walk over every change (which made a text with many changes
// take time growing with the square of their number).
type outMap struct {
	changes []Change
	start   []int // output start of each change
	delta   []int // the text's length minus the input's, before each change
	total   int   // ... after the last one
	// overlapping is set when two changes overlap, which the ledger avoids but cannot rule out
	// (two edits of one stage widened over the same earlier change): then offsets are mapped by
	// walking the changes in order, as the binary search assumes they do not overlap.
	overlapping bool
}

func (l *ledger) mapper() *outMap {
	m := &outMap{changes: l.changes, start: make([]int, len(l.changes)), delta: make([]int, len(l.changes))}
	d := 0
	for i, c := range l.changes {
		m.start[i], m.delta[i] = c.Start+d, d
		d += len(c.After) - (c.End - c.Start)
		if i > 0 && c.Start < l.changes[i-1].End {
			m.overlapping = true
		}
	}
	m.total = d
	return m
}

func (m *outMap) outEnd(i int) int { return m.start[i] + len(m.changes[i].After) }

func (m *outMap) toInput(pos int, end bool) int {
	// The first change that pos lies before, at the start of (for an end), or inside. Starts and
	// ends grow with i, so the test is false up to some change and true from there on.
	found := func(i int) bool { return pos < m.start[i] || pos == m.start[i] && end || pos < m.outEnd(i) }
	i := 0
	if m.overlapping {
		for i < len(m.changes) && !found(i) {
			i++
		}
	} else {
		i = sort.Search(len(m.changes), found)
	}
	if i == len(m.changes) {
		return pos - m.total
	}
	if pos < m.start[i] || pos == m.start[i] && end {
		return pos - m.delta[i]
	}
	if end {
		return m.changes[i].End
	}
	return m.changes[i].Start
}

// apply records a stage's edits, which must be sorted and must not overlap.
func (l *ledger) apply(edits []edit) {
	if len(edits) == 0 {
		return
	}
	m := l.mapper()
	var merged []Change
	used := make([]bool, len(l.changes))
	k := 0 // changes before k end before the current edit and every later one
	for _, e := range edits {
		s, t := e.start, e.end
		rules := []string{}
		for k < len(l.changes) && m.outEnd(k) <= e.start && !m.overlapping {
			k++
		}
		// Widen the edit over every earlier change it touches, so the two become one. Those are
		// the changes from k on that start before the (widened) edit ends.
		for i := k; i < len(l.changes) && (m.start[i] < t || m.overlapping); i++ {
			outStart, outEnd := m.start[i], m.outEnd(i)
			overlaps := outStart < t && s < outEnd
			inside := s == t && outStart < s && s < outEnd
			if !overlaps && !inside {
				continue
			}
			used[i] = true
			rules = append(rules, l.changes[i].Rule)
			s = min(s, outStart)
			t = max(t, outEnd)
		}
		rules = append(rules, e.rule)
		after := l.text[s:e.start] + e.after + l.text[e.end:t]
		inStart, inEnd := m.toInput(s, false), m.toInput(t, true)
		if s == t {
			inEnd = inStart
		}
		merged = append(merged, Change{Start: inStart, End: inEnd, Before: l.input[inStart:inEnd],
			After: after, Rule: joinRules(rules)})
	}
	for i, c := range l.changes {
		if !used[i] {
			merged = append(merged, c)
		}
	}
	sort.SliceStable(merged, func(i, j int) bool {
		if merged[i].Start != merged[j].Start {
			return merged[i].Start < merged[j].Start
		}
		return merged[i].End < merged[j].End
	})
	l.changes = merged
	l.text = Apply(l.input, merged)
}

// joinRules names a merged change after its rules, each once, in order.
func joinRules(rules []string) string {
	var out []string
	seen := map[string]bool{}
	for _, r := range rules {
		for _, p := range strings.Split(r, "+") {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return strings.Join(out, "+")
}
