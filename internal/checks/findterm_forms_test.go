package checks_test

import (
	"bufio"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/pipeline"
)

// paradigmSentinel parts the entries in unmunch's output, which prints each entry's forms one
// after the other.
const paradigmSentinel = "zzparadigmzz"

// TestRussianTermForms measures FindTerm on every form of Russian words the glossary check
// knows nothing of: every 150th noun or adjective of Debian's Russian dictionary, its forms
// spelled out from the dictionary's own affix rules by Hunspell's unmunch. Each form must be
// found as the term (recall), and no form of another of these words with the same first three
// letters may be (precision). What is not found yet is the short forms of adjectives and
// participles (плотен, перепутан), which terms do not take, and the archaic instrumental -иею.
func TestRussianTermForms(t *testing.T) {
	t.Parallel()
	testTermForms(t, pipeline.Russian, "ru_RU", 150, 0.97)
}

func testTermForms(t *testing.T, lang pipeline.Lang, dict string, every int, want float64) {
	unmunch, err := exec.LookPath("unmunch")
	if err != nil {
		t.Fatal("unmunch (Debian package hunspell-tools) is needed to spell out the dictionary's forms")
	}
	aff, dic := "/usr/share/hunspell/"+dict+".aff", "/usr/share/hunspell/"+dict+".dic"
	f, err := os.Open(dic)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var entries []string
	sc := bufio.NewScanner(f)
	for n := 0; sc.Scan(); n++ {
		line := sc.Text()
		word, flags, ok := strings.Cut(line, "/")
		if n == 0 || !ok || flags == "" || word == strings.ToUpper(word) || n%every != 0 {
			continue
		}
		// Russian verbs and their forms are no terms.
		if lang == pipeline.Russian && strings.HasSuffix(word, "ть") || strings.HasSuffix(word, "ться") || strings.HasSuffix(word, "ти") ||
			strings.HasSuffix(word, "чь") || strings.HasSuffix(word, "ся") {
			continue
		}
		entries = append(entries, line, paradigmSentinel)
	}
	mini := t.TempDir() + "/mini.dic"
	if err := os.WriteFile(mini, []byte(strings.Join(append([]string{strconv.Itoa(len(entries))}, entries...), "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(unmunch, mini, aff).Output()
	if err != nil {
		t.Fatal(err)
	}
	var paradigms [][]string // the lemma, then its forms
	cur := []string{}
	for _, w := range strings.Fields(string(out)) {
		if w == paradigmSentinel {
			if len(cur) > 0 {
				paradigms = append(paradigms, cur)
			}
			cur = []string{}
			continue
		}
		cur = append(cur, w)
	}
	forms, found, others, wrong := 0, 0, 0, 0
	for i, p := range paradigms {
		lemma := p[0]
		for _, form := range p {
			forms++
			if _, _, ok := checks.FindTerm("Мы обсудили "+form+" вчера.", lemma, lang); ok {
				found++
			} else {
				t.Logf("%s: %s not found", lemma, form)
			}
		}
		head := string([]rune(lemma)[:min(3, utf8.RuneCountInString(lemma))])
		for j, q := range paradigms {
			if i == j || !strings.HasPrefix(q[0], head) || strings.HasPrefix(q[0], lemma) {
				continue // a word that begins with the whole term is a derivative, not a form
			}
			for _, form := range q {
				others++
				if _, _, ok := checks.FindTerm("Мы обсудили "+form+" вчера.", lemma, lang); ok {
					wrong++
					t.Errorf("%s is found in %s, a form of %s", lemma, form, q[0])
				}
			}
		}
	}
	recall := float64(found) / float64(max(forms, 1))
	t.Logf("%d words, %d forms: %d found (%.3f); %d forms of other words, %d taken for the term", len(paradigms), forms, found, recall, others, wrong)
	if len(paradigms) < 100 || recall < want {
		t.Errorf("recall %.3f over %d words, want %.3f over 100 or more", recall, len(paradigms), want)
	}
}
