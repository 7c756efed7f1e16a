package pseudo

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"
)

var protectedRegexp = regexp.MustCompile(protectedPattern)

// protectedSeeds are texts at the edges of each alternative of protectedPattern.
var protectedSeeds = []string{
	"Hello, {name}! See https://example.com/a?b=1 for 21 items.",
	"HTTPS://X.ORG/path) and http:// and www. and WWW.Example.kz, then hTTp://a",
	"mail a.b-c+d%e@ex-ample.co.uk. or x@y or x@y. or @a.b or 12abc@x.com or %s@x.com",
	"{{.X}} {{a}b}} {{ }} {a b} {} {{}} ${x} ${a{b}} $ {x} ${ {}",
	"%s %d %5.2f %-05d %[1]d %[a]d %.f %0 50% %% %20percent %#x %+v",
	"<b> <> <<i>> a < b > c <br/> &amp; &#38; &#x26; &#xZ; &#1x; &abc &; &#;",
	"1,000.50 2024. 3:45 1/2/3 12.. 7,a 9/ 0.5.6",
	"Астана 2024 жылы, 中亚 ９ 合作 https://例子.中国/路径 ok",
	"", "h", "w", "%", "{", "&", "<", "@", "$",
}

func TestProtectedSpansAgreeWithPattern(t *testing.T) {
	check := func(s string) {
		t.Helper()
		var want [][2]int
		for _, m := range protectedRegexp.FindAllStringIndex(s, -1) {
			want = append(want, [2]int{m[0], m[1]})
		}
		if got := protectedSpans(s); !slices.Equal(got, want) {
			t.Fatalf("protectedSpans(%q) = %v, the pattern finds %v", s, got, want)
		}
	}
	for _, s := range protectedSeeds {
		check(s)
	}
	// Random texts over the characters the alternatives turn on.
	const alphabet = "hHtpsw:/.wW@aZx0129_%+-{}$[]#;&<>\"' \t\nфж中"
	runes := []rune(alphabet)
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		n := rng.IntN(24)
		b := make([]rune, n)
		for k := range b {
			b[k] = runes[rng.IntN(len(runes))]
		}
		check(string(b))
	}
}

func FuzzProtectedSpans(f *testing.F) {
	for _, s := range protectedSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want [][2]int
		for _, m := range protectedRegexp.FindAllStringIndex(s, -1) {
			want = append(want, [2]int{m[0], m[1]})
		}
		if got := protectedSpans(s); !slices.Equal(got, want) {
			t.Fatalf("protectedSpans(%q) = %v, the pattern finds %v", s, got, want)
		}
	})
}

// fullWidthMark knows every mark of the fullWidth table and nothing else.
func TestFullWidthMarks(t *testing.T) {
	for _, m := range fullWidth {
		if !fullWidthMark(m) {
			t.Errorf("%q is a full-width mark of the table", m)
		}
	}
	for _, r := range "中,.!?:;()a测" {
		if fullWidthMark(r) {
			t.Errorf("%q is no full-width mark", r)
		}
	}
}
