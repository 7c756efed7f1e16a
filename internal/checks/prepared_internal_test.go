package checks

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// markupSamples are texts with every kind of markup, its literals without the markup, and
// prose.
var markupSamples = []string{
	"", "plain prose with nothing special in it.", "Trade grew 12.5% in 2023.",
	`See [the report](https://example.org/r "T") and <a href='x'>this</a> [^1]²³ ⁴.`,
	"{1} {{ name }} ⟨2⟩ ⟨/2⟩ %s %1$s %(n)d 100% {not closed", "**bold** *em* __under__ snake__case__x * lone",
	"HTTP://A.B/c, www.x.org. WwW.Y.kz; wWw no dot; ftp://z", "<p>tag</p> < not a tag >", "[text] (not a link) ](",
	"Цитата «так»¹ и ссылка www.gov.kz.", "中文[链接](http://例子.中国)。", "\xff\xfe<b>broken</b>\xc2",
}

// The literal gates change nothing: findMarkup finds what every pattern, run on every text, finds.
func TestMarkupGatesFindWhatThePatternsFind(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	texts := append([]string(nil), markupSamples...)
	for range 2000 { // random splices of the samples
		a, b := markupSamples[r.IntN(len(markupSamples))], markupSamples[r.IntN(len(markupSamples))]
		texts = append(texts, a[:r.IntN(len(a)+1)]+b[r.IntN(len(b)+1):])
	}
	for _, s := range texts {
		if got, want := findMarkup(s), findMarkupUngated(s); !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\n got  %v\n want %v", s, got, want)
		}
	}
}

// findMarkupUngated is findMarkup with every gate open.
func findMarkupUngated(s string) []markupItem { return findMarkupGated(s, ^markupGate(0)) }

// sameText compares as joining the fields with single spaces and folding case did.
func TestSameTextAsJoinedFields(t *testing.T) {
	texts := []string{"", " ", "a", "A", " a ", "a b", "a  b", "a\tb\n", "ab", "a b c", "Straße", "STRASSE",
		"Kazakhstan", "kazakhstan ", "\u00a0x\u00a0", "x", "ǅ", "ǆ", "K", "\u212a", "\xff", "\xfe", "a\u3000b", "a b"}
	for _, a := range texts {
		for _, b := range texts {
			want := strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
			if got := sameText(a, b); got != want {
				t.Errorf("sameText(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

// The memo answers what the functions it stands for answer.
func TestWordMemoAnswersAsTheFunctions(t *testing.T) {
	texts := append(append([]string(nil), markupSamples...), "Пять стран, 1 000,5 млн и XXI век; 15.06.2023.", "五国于2023年6月")
	for _, lang := range []pipeline.Lang{pipeline.English, pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
		m := &wordMemo{}
		for round := range 2 { // the second round reads from the memo
			for _, s := range texts {
				what := fmt.Sprintf("%s round %d %q", lang, round, s)
				if got, want := m.stripped(s), stripMarkup(s); got != want {
					t.Errorf("%s: stripped %q, want %q", what, got, want)
				}
				if got, want := m.numbers(s, lang), extractNumbers(s, lang, nil); !reflect.DeepEqual(got, want) {
					t.Errorf("%s: numbers %v, want %v", what, got, want)
				}
				if got, want := m.weightedLength(s), weightedLength(s); got != want {
					t.Errorf("%s: weighted length %v, want %v", what, got, want)
				}
				if got, want := m.words(s), words(s); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
					t.Errorf("%s: words %v, want %v", what, got, want)
				}
			}
		}
	}
}

// codePoints visits every code point up to the last assigned letters (CJK extension H ends at
// U+323AF) and a sample of the planes above, which hold no letters.
func codePoints(visit func(r rune)) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r > 0x32400 {
			r += 96
		}
		visit(r)
	}
}

// The script tests' shortcuts answer as the Unicode tables for every code point.
func TestScriptShortcutsAsTheTables(t *testing.T) {
	codePoints(func(r rune) {
		if isHan(r) != unicode.Is(unicode.Han, r) || isCyrillic(r) != unicode.Is(unicode.Cyrillic, r) ||
			isLatin(r) != unicode.Is(unicode.Latin, r) ||
			isKana(r) != (r != 0x30FB && r != 0x30FC && unicode.In(r, unicode.Hiragana, unicode.Katakana)) {
			t.Fatalf("U+%04X: han %v, cyrillic %v, latin %v, kana %v", r, isHan(r), isCyrillic(r), isLatin(r), isKana(r))
		}
	})
}

// unbalanced answers as counting each pair in a pass of its own did.
func TestUnbalancedInOnePass(t *testing.T) {
	reference := func(s string) (string, bool) {
		for _, p := range []string{"()", "[]", "{}", "«»", "“”", "（）", "【】", "《》", "「」", "『』"} {
			rs := []rune(p)
			depth := 0
			for _, r := range s {
				if r == rs[0] {
					depth++
				} else if r == rs[1] {
					depth--
					if depth < 0 {
						break
					}
				}
			}
			if depth != 0 {
				return p, true
			}
		}
		return "", strings.Count(s, "\"")%2 != 0
	}
	r := rand.New(rand.NewPCG(3, 5))
	alphabet := []rune("()[]{}«»“”（）【】《》「」『』\"a ")
	for range 20000 {
		rs := make([]rune, r.IntN(12))
		for i := range rs {
			rs[i] = alphabet[r.IntN(len(alphabet))]
		}
		s := string(rs)
		wp, wok := reference(s)
		if wok && wp == "" {
			wp = `""`
		}
		if gp, gok := unbalanced(s); gp != wp || gok != wok {
			t.Fatalf("unbalanced(%q) = %q, %v; want %q, %v", s, gp, gok, wp, wok)
		}
	}
}

// foldWord's shortcut answers as lower-casing and folding ё for every code point, and for
// words.
func TestFoldWordShortcut(t *testing.T) {
	slow := func(w string) string { return strings.ReplaceAll(strings.ToLower(w), "ё", "е") }
	codePoints(func(r rune) {
		if w := string(r) + "ab"; foldWord(w) != slow(w) {
			t.Fatalf("foldWord(%q) = %q, want %q", w, foldWord(w), slow(w))
		}
	})
	for _, w := range []string{"", "қазақстан", "Қазақстан", "ёлка", "казахстан\xff", "ʼnot", "abc-def", "сәуір", "ӏ", "ӀӁ"} {
		if foldWord(w) != slow(w) {
			t.Errorf("foldWord(%q) = %q, want %q", w, foldWord(w), slow(w))
		}
	}
}

// isLatin's shortcut for the range without Latin letters agrees with the Unicode table.
func TestIsLatinAgreesWithUnicode(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if isLatin(r) != unicode.Is(unicode.Latin, r) {
			t.Fatalf("isLatin(%U) = %v", r, isLatin(r))
		}
	}
}

// TestAlreadyFolded checks the short way of foldWord against the long one for every rune it
// passes through: none of them changes when folded.
func TestAlreadyFolded(t *testing.T) {
	t.Parallel()
	for r := rune(0); r <= 0xFFFF; r++ {
		s := string(r)
		if !utf8.ValidString(s) || !alreadyFolded(s) {
			continue
		}
		long := strings.ReplaceAll(strings.ToLower(s), "ё", "е")
		if long != s {
			t.Errorf("%U %q: alreadyFolded, but folds to %q", r, s, long)
		}
	}
	for _, w := range []string{"Жол", "ЁЛКА", "ǅ", "Ａ"} {
		if alreadyFolded(w) {
			t.Errorf("%q: alreadyFolded, but has case", w)
		}
	}
}
