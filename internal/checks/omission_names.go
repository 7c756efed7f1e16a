package checks

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// A name dropped from inside a clause ("в Жанаозене", "Sinopec компаниясымен") costs a word and
// leaves the length as it was. The names of the built-in list are compared by their forms; the
// others, the many towns, rivers and companies no list holds, are written in the other script by
// transliteration (Zhanaozen, Жанаозен, Жаңаөзен), so their consonants can be compared. A name
// of the source is a capitalised word inside a sentence that the source language's dictionary
// does not know: the dictionary knows the exonyms (Japan, Пекин), which translate, and the
// common words of titles (Palace of Peace), which translate too.

// minNameConsonants: a shorter skeleton matches too many words by chance.
const minNameConsonants = 3

// maxSourceNames bounds the names of a source compared with the translation: a segment names a
// few; a text with hundreds of capitalised words is a list or noise.
const maxSourceNames = 16

// nameSkeleton is the consonants of w written in Latin letters, with the digraphs of
// transliteration read as one sound (latinDigraphs), voiced and voiceless pairs as one and
// doubled consonants as one, so that Zhanaozen, Жанаозене and Жаңаөзендегі share "jnsn".
func nameSkeleton(w string) string {
	lat := make([]byte, 0, len(w))
	for _, r := range w {
		r = unicode.ToLower(r)
		if l, ok := cyrillicLatin[r]; ok {
			lat = append(lat, l...)
		} else if r < unicode.MaxASCII && unicode.IsLetter(r) {
			lat = append(lat, byte(r))
		}
	}
	out := lat[:0] // the skeleton is never longer than what it is read from
	var prev byte
	for i := 0; i < len(lat); i++ {
		c := lat[i]
		if i+1 < len(lat) {
			if d, ok := latinDigraphs[string(lat[i:i+2])]; ok {
				c = d
				i++
			}
		}
		c = consonantClass(c)
		if c == 0 || c == prev {
			continue // vowels, and a consonant repeated across them, count once
		}
		out = append(out, c)
		prev = c
	}
	return string(out)
}

// latinDigraphs are the digraphs of transliteration read as one sound: zh, kh, sh, ch and ts
// (one class, C, which no single letter has), and ng as Russian writes Chinese -ng.
var latinDigraphs = map[string]byte{"zh": 'j', "kh": 'k', "sh": 's', "ch": 'C', "ts": 'C', "dj": 'j', "ph": 'f', "ng": 'n'}

// consonantClass folds a Latin letter to its class: voiced and voiceless pairs as one (Хоргос,
// Қорғас; Ақтөбе, Aktobe), c and q as k, x as s; vowels, y, h and w to 0.
func consonantClass(c byte) byte {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'h', 'w':
		return 0
	case 'g', 'q', 'c':
		return 'k'
	case 'b':
		return 'p'
	case 'd':
		return 't'
	case 'z', 'x':
		return 's'
	case 'v':
		return 'f'
	}
	return c
}

// cyrillicLatin transliterates Russian and Kazakh letters (the digraphs as the English spelling
// of Central Asian names writes them).
var cyrillicLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh", 'з': "z", 'и': "i",
	'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t",
	'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "yu", 'я': "ya", 'ә': "a", 'ғ': "g", 'қ': "k", 'ң': "n", 'ө': "o", 'ұ': "u", 'ү': "u",
	'һ': "h", 'і': "i",
}

// sourceNames returns the candidates for names of the source: capitalised words inside a
// sentence, of four letters or more, in the source's script. lostNames asks the dictionary about
// the ones the translation does not render.
func sourceNames(u pipeline.CheckUnit, opts *Options, memo *wordMemo) []string {
	if opts.Spell == nil || u.SourceLang == pipeline.Chinese {
		return nil
	}
	src := memo.stripped(u.Source)
	var out []string
	for _, w := range memo.words(src) {
		if !isUpperInitial(w.Text) || isAllUpper(w.Text) || utf8.RuneCountInString(w.Text) < 4 || sentenceStart(src, w.Start) {
			continue
		}
		if (u.SourceLang == pipeline.English) != isLatin(firstRune(w.Text)) {
			continue
		}
		if len(nameSkeleton(w.Text)) < minNameConsonants {
			continue
		}
		out = append(out, w.Text)
		if len(out) == maxSourceNames {
			break // each is compared with every word of the translation: the work stays linear
		}
	}
	return out
}

// lostNames lists the names of the source (sourceNames) that no word of the translation
// renders: none is the name as written, and none has its first consonants.
func lostNames(u pipeline.CheckUnit, opts *Options, memo *wordMemo) []string {
	if u.TargetLang == pipeline.Chinese {
		return nil
	}
	names := sourceNames(u, opts, memo)
	if len(names) == 0 {
		return nil
	}
	type targetWord struct {
		skel    string
		capital bool
	}
	var tws []targetWord // read when a name is not in the translation as written
	var out []string
	for _, n := range names {
		if strings.Contains(u.Target, n) {
			continue
		}
		if tws == nil {
			ws := memo.words(memo.stripped(u.Target))
			for i, w := range ws {
				tws = append(tws, targetWord{nameSkeleton(w.Text), isUpperInitial(w.Text)})
				// A name one language writes as one word and another as two (Әмудария, Amu
				// Darya; Сырдария, Syr Darya): two capitalised words side by side count as one.
				if i+1 < len(ws) && isUpperInitial(w.Text) && isUpperInitial(ws[i+1].Text) {
					tws = append(tws, targetWord{nameSkeleton(w.Text + ws[i+1].Text), true})
				}
			}
		}
		ns := nameSkeleton(n)
		key := ns[:minNameConsonants]
		found := false
		for _, t := range tws {
			if found {
				break
			}
			// The same first consonants; or a capitalised word whose consonants begin the
			// name's, as the other language's form may be shorter (Uralsk, Орал); or all but
			// the first, which Chinese names written by the Russian system change (Jinping,
			// Цзиньпин).
			found = strings.HasPrefix(t.skel, key) || t.capital && len(t.skel) >= 2 && strings.HasPrefix(ns, t.skel) ||
				t.capital && len(ns) > minNameConsonants && strings.Contains(t.skel, ns[1:])
		}
		if !found {
			// A name of the built-in list has its own forms (Жапония, Японии); only then the
			// dictionary, the dearest test: a word it knows is no name to keep.
			if rendered, _ := listedNameRendered(n, u, memo); !rendered && opts.Spell.Misspelled(n, u.SourceLang) {
				out = append(out, n)
			}
		}
	}
	return out
}

// listedNameRendered tells, for a name of the source that is a form of a name of the built-in
// list (Жапонияның), whether the translation has a form of that name in its language.
func listedNameRendered(name string, u pipeline.CheckUnit, memo *wordMemo) (found, listed bool) {
	fold := foldWord(name)
	all := names()
	lower := ""
	for _, sf := range foldedNameForms()[u.SourceLang] {
		if !strings.HasPrefix(fold, sf.fold) {
			continue
		}
		for _, t := range all[sf.name][u.TargetLang] {
			if strings.HasPrefix(t, "~") {
				continue // a one-character abbreviation: missingAnchors reads it in its chain
			}
			if lower == "" {
				lower = strings.ToLower(u.Target)
			}
			if len(findTermAll(memo, u.Target, t, u.TargetLang, 1)) > 0 || strings.Contains(lower, strings.ToLower(t)) {
				return true, true
			}
		}
		return false, true
	}
	return false, false
}

// foldedNameForm is a one-word form of a listed name, folded.
type foldedNameForm struct {
	fold string
	name int // its index in names()
}

var (
	foldedNamesOnce sync.Once
	foldedNames     map[pipeline.Lang][]foldedNameForm
)

// foldedNameForms returns the one-word forms of the listed names per language, folded once, in
// the order of the list.
func foldedNameForms() map[pipeline.Lang][]foldedNameForm {
	foldedNamesOnce.Do(func() {
		foldedNames = map[pipeline.Lang][]foldedNameForm{}
		for i, n := range names() {
			for l, forms := range n {
				for _, f := range forms {
					if !strings.Contains(f, " ") {
						foldedNames[l] = append(foldedNames[l], foldedNameForm{foldWord(f), i})
					}
				}
			}
		}
	})
	return foldedNames
}
