package text

import (
	"bytes"
	"compress/gzip"
	_ "embed" // the attested forms
	"io"
	"sort"
	"strings"
	"sync"
)

// Kazakh builds its words by chaining suffixes on a stem, and the Debian kk_KZ dictionary with
// the analyser of kkmorph.go accounts for most forms of prose but not all of them: loanwords with
// their endings, rare derivations and compound verbs fall through, and the spelling check then
// cries wolf on correct words. words/kk-attested.txt.gz lists lower-case Kazakh word forms seen
// in real text that the dictionary and the analyser reject: forms a Kazakh reader wrote and
// other readers left alone. It is derived from the word list of Tesseract's Kazakh model (Debian
// package tesseract-ocr-kaz, Apache License 2.0) by internal/checks/cmd/kkattested, which also
// leaves out every form one keyboard slip away from a known word (ғ typed as г, ү as у: the
// commonest misspellings of Kazakh typed on a Russian layout, which a list of text from the
// web holds too), so that the check still catches those.
//
//go:embed words/kk-attested.txt.gz
var kkAttestedGz []byte

// formList is a sorted list of words in one string, searched by halves: a quarter of a million
// forms cost their bytes and one offset each, not a map entry each.
type formList struct {
	words string   // the forms, each followed by "\n", in byte order (the generator sorts them)
	start []uint32 // where each form starts in words
}

func (l *formList) has(w string) bool {
	i := sort.Search(len(l.start), func(i int) bool { return l.at(i) >= w })
	return i < len(l.start) && l.at(i) == w
}

func (l *formList) at(i int) string {
	s := l.words[l.start[i]:]
	return s[:strings.IndexByte(s, '\n')]
}

// kkAttested is read on first use: processes that never check Kazakh do not pay for it.
var kkAttested = sync.OnceValue(func() *formList {
	zr, err := gzip.NewReader(bytes.NewReader(kkAttestedGz))
	if err != nil {
		panic("text: words/kk-attested.txt.gz: " + err.Error()) // embedded at build time
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		panic("text: words/kk-attested.txt.gz: " + err.Error())
	}
	l := &formList{words: string(b)}
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			break
		}
		if j > 0 {
			l.start = append(l.start, uint32(i))
		}
		i += j + 1
	}
	return l
})

// KazakhAttested reports whether lower, a lower-case word, is one of the attested Kazakh forms
// (see words/kk-attested.txt.gz). It answers for the form as written: the list holds whole
// forms, never stems for the analyser, since a stem taken from text of the web would let a
// typo's suffix chain through.
func KazakhAttested(lower string) bool { return kkAttested().has(lower) }
