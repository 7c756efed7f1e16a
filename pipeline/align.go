package pipeline

import (
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// AlignKind is what became of a segment between two revisions of an article's source.
type AlignKind string

const (
	AlignUnchanged AlignKind = "unchanged" // the same text, in the same order relative to the other unchanged ones
	AlignMoved     AlignKind = "moved"     // the same text, elsewhere in the article
	AlignChanged   AlignKind = "changed"   // edited: paired with the old segment it most resembles
	AlignAdded     AlignKind = "added"     // new text with no old counterpart
	AlignRemoved   AlignKind = "removed"   // old text with no new counterpart
)

// Similarity thresholds for pairing edited segments. Between two unchanged neighbours, position
// already suggests the pairing, so half the words in common is enough; a pairing across the
// article (a paragraph moved and edited) needs more evidence.
const (
	alignInPlace = 0.5
	alignAcross  = 0.6
)

// maxAlignCells bounds the quadratic tables of the alignment. An article of a thousand segments
// stays below it; past it the alignment falls back to cheaper pairings.
const maxAlignCells = 4 << 20

// AlignPair pairs one old segment with one new segment. Old is -1 for an added segment, New -1 for
// a removed one; both index the slices given to Align.
type AlignPair struct {
	Old, New   int
	Kind       AlignKind
	Similarity float64 // word similarity, 1 for unchanged and moved segments
}

// AlignSummary counts the pairs of an alignment by kind.
type AlignSummary struct {
	Unchanged int `json:"unchanged"`
	Moved     int `json:"moved"`
	Changed   int `json:"changed"`
	Added     int `json:"added"`
	Removed   int `json:"removed"`
}

// Same reports whether nothing but the order-preserving unchanged pairs is in the summary.
func (s AlignSummary) Same() bool { return s.Moved+s.Changed+s.Added+s.Removed == 0 }

// Alignment is the segment-by-segment comparison of two revisions: every old and every new
// segment appears in exactly one pair. Pairs are in the order of the new revision, with each
// removed segment after the pair of the old segment before it.
type Alignment struct {
	Pairs []AlignPair
}

// Summary counts the pairs by kind.
func (a Alignment) Summary() AlignSummary {
	var s AlignSummary
	for _, p := range a.Pairs {
		switch p.Kind {
		case AlignUnchanged:
			s.Unchanged++
		case AlignMoved:
			s.Moved++
		case AlignChanged:
			s.Changed++
		case AlignAdded:
			s.Added++
		case AlignRemoved:
			s.Removed++
		}
	}
	return s
}

// AlignKey is what must be equal for two segments to count as the same text: the NFC form with
// runs of white space made single spaces, the text document.Hash hashes. The key is computed from
// the text rather than read from Segment.Hash, so that alignment never depends on how a caller
// filled that field.
func AlignKey(text string) string { return strings.Join(strings.Fields(norm.NFC.String(text)), " ") }

// Align compares the segments of an old and a new revision. Equal texts are paired first, in
// order (their longest common subsequence: unchanged), then out of order (moved). The remaining
// segments between two unchanged neighbours are paired by word similarity, in order, maximising
// the total similarity: an edited sentence pairs with its old self, and of a sentence split in
// two (or two merged into one) the closer part is "changed" and the rest added (or removed).
// What is still unpaired is paired across the article when it is similar enough (a paragraph
// moved and edited), and otherwise added or removed.
func Align(old, new []Segment) Alignment {
	ok, nk := make([]string, len(old)), make([]string, len(new))
	for i, s := range old {
		ok[i] = AlignKey(s.Text)
	}
	for j, s := range new {
		nk[j] = AlignKey(s.Text)
	}
	oldPair, newPair := make([]int, len(old)), make([]int, len(new))
	for i := range oldPair {
		oldPair[i] = -1
	}
	for j := range newPair {
		newPair[j] = -1
	}
	kind := make([]AlignKind, len(new))
	sim := make([]float64, len(new))
	link := func(i, j int, k AlignKind, s float64) {
		oldPair[i], newPair[j], kind[j], sim[j] = j, i, k, s
	}

	for _, p := range commonSubsequence(ok, nk) {
		link(p[0], p[1], AlignUnchanged, 1)
	}
	// Moved: equal texts left over, k-th remaining occurrence with k-th.
	rest := map[string][]int{}
	for i, k := range ok {
		if oldPair[i] < 0 {
			rest[k] = append(rest[k], i)
		}
	}
	for j, k := range nk {
		if newPair[j] < 0 && len(rest[k]) > 0 {
			link(rest[k][0], j, AlignMoved, 1)
			rest[k] = rest[k][1:]
		}
	}

	words := func(texts []Segment, idx []int) [][]string {
		out := make([][]string, len(idx))
		for k, i := range idx {
			out[k] = similarityWords(texts[i].Text)
		}
		return out
	}
	// Changed, in place: the gaps between consecutive unchanged pairs.
	i0, j0 := 0, 0
	for i, j := 0, 0; ; {
		for i < len(old) && !(oldPair[i] >= 0 && kind[oldPair[i]] == AlignUnchanged) {
			i++
		}
		for j < len(new) && !(newPair[j] >= 0 && kind[j] == AlignUnchanged) {
			j++
		}
		var os, ns []int
		for k := i0; k < i; k++ {
			if oldPair[k] < 0 {
				os = append(os, k)
			}
		}
		for k := j0; k < j; k++ {
			if newPair[k] < 0 {
				ns = append(ns, k)
			}
		}
		for _, p := range pairInOrder(words(old, os), words(new, ns), alignInPlace) {
			link(os[p.a], ns[p.b], AlignChanged, p.sim)
		}
		if i >= len(old) || j >= len(new) {
			break
		}
		i, j = i+1, j+1
		i0, j0 = i, j
	}

	// Changed, across the article: best pairs first.
	var os, ns []int
	for i := range old {
		if oldPair[i] < 0 {
			os = append(os, i)
		}
	}
	for j := range new {
		if newPair[j] < 0 {
			ns = append(ns, j)
		}
	}
	if len(os)*len(ns) <= maxAlignCells/64 {
		ow, nw := words(old, os), words(new, ns)
		type cand struct {
			a, b int
			sim  float64
		}
		var cands []cand
		for a := range os {
			for b := range ns {
				if s := wordsSimilarity(ow[a], nw[b]); s >= alignAcross {
					cands = append(cands, cand{a, b, s})
				}
			}
		}
		sort.SliceStable(cands, func(x, y int) bool { return cands[x].sim > cands[y].sim })
		for _, c := range cands {
			if oldPair[os[c.a]] < 0 && newPair[ns[c.b]] < 0 {
				link(os[c.a], ns[c.b], AlignChanged, c.sim)
			}
		}
	}

	return Alignment{Pairs: orderPairs(oldPair, newPair, kind, sim)}
}

// orderPairs lists the pairs in the new revision's order, each removed segment placed after the
// pair of the nearest old segment before it that was kept.
func orderPairs(oldPair, newPair []int, kind []AlignKind, sim []float64) []AlignPair {
	type placed struct {
		at   float64
		pair AlignPair
	}
	out := make([]placed, 0, len(oldPair)+len(newPair))
	for j, i := range newPair {
		if i < 0 {
			out = append(out, placed{float64(j), AlignPair{Old: -1, New: j, Kind: AlignAdded}})
			continue
		}
		out = append(out, placed{float64(j), AlignPair{Old: i, New: j, Kind: kind[j], Similarity: sim[j]}})
	}
	for i, j := range oldPair {
		if j >= 0 {
			continue
		}
		at := -0.5
		for k := i - 1; k >= 0; k-- {
			if oldPair[k] >= 0 {
				at = float64(oldPair[k]) + 0.5
				break
			}
		}
		out = append(out, placed{at, AlignPair{Old: i, New: -1, Kind: AlignRemoved}})
	}
	sort.SliceStable(out, func(x, y int) bool { return out[x].at < out[y].at })
	pairs := make([]AlignPair, len(out))
	for k, p := range out {
		pairs[k] = p.pair
	}
	return pairs
}

// commonSubsequence returns the index pairs of a longest common subsequence of a and b. Common
// ends are matched directly; a middle too large for the quadratic table is matched greedily, each
// element of b with the first equal element of a after the previous match.
func commonSubsequence(a, b []string) [][2]int {
	var out [][2]int
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		out = append(out, [2]int{pre, pre})
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	am, bm := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(am), len(bm)
	if n > 0 && m > 0 {
		if n*m > maxAlignCells {
			pos := map[string][]int{}
			for i, k := range am {
				pos[k] = append(pos[k], i)
			}
			last := -1
			for j, k := range bm {
				ps := pos[k]
				x := sort.SearchInts(ps, last+1)
				if x < len(ps) {
					last = ps[x]
					out = append(out, [2]int{pre + last, pre + j})
				}
			}
		} else {
			l := make([][]int32, n+1)
			for i := range l {
				l[i] = make([]int32, m+1)
			}
			for i := n - 1; i >= 0; i-- {
				for j := m - 1; j >= 0; j-- {
					if am[i] == bm[j] {
						l[i][j] = l[i+1][j+1] + 1
					} else {
						l[i][j] = max(l[i+1][j], l[i][j+1])
					}
				}
			}
			for i, j := 0, 0; i < n && j < m; {
				switch {
				case am[i] == bm[j]:
					out = append(out, [2]int{pre + i, pre + j})
					i++
					j++
				case l[i+1][j] >= l[i][j+1]:
					i++
				default:
					j++
				}
			}
		}
	}
	for k := suf; k > 0; k-- {
		out = append(out, [2]int{len(a) - k, len(b) - k})
	}
	return out
}

type simPair struct {
	a, b int
	sim  float64
}

// pairInOrder pairs elements of a with elements of b without crossing (a dynamic programme over
// both lists), maximising the total similarity of pairs that reach threshold.
func pairInOrder(a, b [][]string, threshold float64) []simPair {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return nil
	}
	if n*m > maxAlignCells/64 {
		// A rewrite this large is not worth a quadratic comparison: pair by position only.
		var out []simPair
		for k := 0; k < min(n, m); k++ {
			if s := wordsSimilarity(a[k], b[k]); s >= threshold {
				out = append(out, simPair{k, k, s})
			}
		}
		return out
	}
	s := make([][]float64, n)
	for i := range s {
		s[i] = make([]float64, m)
		for j := range s[i] {
			s[i][j] = wordsSimilarity(a[i], b[j])
		}
	}
	best := make([][]float64, n+1)
	for i := range best {
		best[i] = make([]float64, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := max(best[i+1][j], best[i][j+1])
			if s[i][j] >= threshold {
				v = max(v, best[i+1][j+1]+s[i][j])
			}
			best[i][j] = v
		}
	}
	var out []simPair
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case s[i][j] >= threshold && best[i][j] == best[i+1][j+1]+s[i][j]:
			out = append(out, simPair{i, j, s[i][j]})
			i++
			j++
		case best[i][j] == best[i+1][j]:
			i++
		default:
			j++
		}
	}
	return out
}

// CarryAction is what a new revision does with the translation of one segment, in every edition.
type CarryAction string

const (
	CarryKeep  CarryAction = "keep"  // the old translation moves to the new segment as it is
	CarryFlag  CarryAction = "flag"  // the old text moves along, but the segment is empty again: "source changed"
	CarryFresh CarryAction = "fresh" // a new, empty translation
	CarryDrop  CarryAction = "drop"  // the old segment is gone; its translation stays in the record only
)

// Carry is the fate of one translation in a new revision. Old or New is -1 as in AlignPair.
type Carry struct {
	Old, New int
	Action   CarryAction
	Kind     AlignKind
}

// Carries turns an alignment into what happens to translations: unchanged and moved segments
// keep theirs; a changed segment is flagged (it must be translated again, with the old translation
// shown beside the source diff), unless the editor declared the revision a minor edit (a typo or
// punctuation), in which case it keeps its translation and state; added segments start empty.
func (a Alignment) Carries(minor bool) []Carry {
	out := make([]Carry, 0, len(a.Pairs))
	for _, p := range a.Pairs {
		c := Carry{Old: p.Old, New: p.New, Kind: p.Kind}
		switch p.Kind {
		case AlignUnchanged, AlignMoved:
			c.Action = CarryKeep
		case AlignChanged:
			c.Action = CarryFlag
			if minor {
				c.Action = CarryKeep
			}
		case AlignAdded:
			c.Action = CarryFresh
		case AlignRemoved:
			c.Action = CarryDrop
		}
		out = append(out, c)
	}
	return out
}

// SameStructure reports whether two revisions have the same segments with the same roles in the
// same blocks: a new revision like that changes nothing a reader or translator could see.
func SameStructure(old, new []Segment) bool {
	return slices.EqualFunc(old, new, func(a, b Segment) bool {
		return AlignKey(a.Text) == AlignKey(b.Text) && a.Kind == b.Kind && a.BlockIndex == b.BlockIndex &&
			a.SentenceIndex == b.SentenceIndex
	})
}
