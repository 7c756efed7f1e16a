package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// maxSpellingFindings caps the findings per unit: past a few, the text needs a rewrite, not a
// list.
const maxSpellingFindings = 5

// Longest words the spelling check judges. No word of the dictionaries, with every ending and
// suffix chain, comes near 40 letters; a longer token is a pasted identifier, a chemical name or
// noise, and guessing at it is where the cost would grow with the input: the search for a near
// known word makes some 80 candidates per letter, each as long as the word, so its work grows
// with the square of the word's length (a 1,000-letter word meant six million lookups of
// 1,000-letter strings). Such tokens are passed over quietly: the wrong-language and omission
// checks still see the text around them.
const (
	maxSpellRunes    = 40 // a word, or one part of a hyphenated compound
	maxCompoundRunes = 80 // a hyphenated compound as a whole
)

// checkSpelling warns about words of the translation that the speller rejects. It skips what a
// dictionary cannot judge: words that also occur in the source (names, titles, codes), words of
// the termbase, acronyms, capitalised words inside a sentence (names), words with digits,
// words in another script than the language's (Latin names in Russian text), and words of
// one letter. Capitalised words are taken for names wherever they stand, so a typo in the first
// word of a sentence goes unreported. Hyphenated words are accepted whole or part by part.
//
// Dictionaries miss many correct words of analytical prose (loanwords like нарратив, rare
// derivations, much Kazakh), so an unknown word is reported only when it is one edit away from a
// word the speller knows: a likely typo (благодоря for благодаря). Unknown words far from every
// known word, and words shorter than four letters, pass. Typos of words the dictionary lacks, and
// words mangled by two edits or more, are missed: the price of not crying wolf.
func checkSpelling(u pipeline.CheckUnit, opts *Options) []pipeline.Finding {
	if opts.Spell == nil || u.TargetLang == pipeline.Chinese {
		return nil
	}
	memo := opts.wordMemo()
	text := memo.stripped(u.Target)
	// The term's words as the glossary check reads them, folded (compiledTerm keeps them): the
	// termbase is not split into words and folded again for every unit, and the set is made
	// the size it will have.
	srcText := memo.words(u.Source)
	terms := make([]*termPattern, 0, len(opts.Terms))
	size := len(srcText)
	for _, t := range opts.Terms {
		if p, ok := compiledTerm(t.Terms[u.TargetLang], u.TargetLang); ok {
			terms = append(terms, p)
			size += len(p.folded)
		}
	}
	srcWords := make(map[string]bool, size)
	for _, w := range srcText {
		srcWords[foldWord(w.Text)] = true
	}
	for _, p := range terms {
		for _, f := range p.folded {
			srcWords[f] = true
		}
	}
	seen := map[string]bool{}
	checked := 0
	var unknown []string
	names := quotedNames(text)
	for _, tok := range hyphenWords(text, memo.words(text)) {
		w := tok.Text
		if seen[w] || tooLongToSpell(w) || skipSpelling(w, u.TargetLang, srcWords) || inSpans(names, tok.Start) {
			continue
		}
		if isUpperInitial(w) || afterCodeHyphen(text, tok.Start) || hyphenedName(w) {
			continue // a name, an ending after a number or acronym (20-дан, ЖІӨ-нің)
		}
		seen[w] = true
		checked++
		if opts.Spell.Misspelled(w, u.TargetLang) {
			unknown = append(unknown, w)
		}
	}
	// When much of the text is unknown to the dictionary, it is not in the language (machine
	// noise, pseudo-translation, another language): the wrong_language check speaks to that, and
	// looking for near words of every token would be slow and say nothing useful.
	if len(unknown) > 3 && len(unknown)*5 > checked*2 {
		return nil
	}
	var out []pipeline.Finding
	var srcLatin [][]rune // the source's words in Latin letters (latinLetters), read when needed
	for _, w := range unknown {
		if !likelyTypo(w, u.TargetLang, opts.Spell, srcWords) {
			continue // a word the dictionary lacks (a loanword, a rare derivation), not a typo of a known word
		}
		if srcLatin == nil {
			srcLatin = make([][]rune, 0, len(srcText))
			for _, s := range srcText {
				if ls := []rune(latinLetters(s.Text)); len(ls) >= 4 {
					srcLatin = append(srcLatin, ls)
				}
			}
		}
		if borrowedFromSource(w, u.TargetLang, srcLatin, opts.Spell) {
			continue // a loanword the translation took from the source (drones → дроны, пуэр → пуэрі)
		}
		out = append(out, newFinding(CheckSpelling, "check.spelling.unknown", map[string]any{"Word": w}))
		if len(out) == maxSpellingFindings {
			break
		}
	}
	return out
}

// hyphenedName reports a hyphenated word with a capitalised part after its first: a name
// with a particle before it ("аль-Фараби", "ибн-Сина").
func hyphenedName(w string) bool {
	parts := strings.Split(w, "-")
	for _, p := range parts[1:] {
		if isUpperInitial(p) {
			return true
		}
	}
	return false
}

// hyphenWords splits text into words, keeping hyphenated compounds (Нур-Султан, экономико-
// политический) and apostrophes inside words together.
func hyphenWords(s string, ws []word) []word {
	var out []word
	for i := 0; i < len(ws); i++ {
		cur := ws[i]
		for i+1 < len(ws) && ws[i+1].Start == cur.End+len("-") && strings.ContainsRune("-'", rune(s[cur.End])) && !isHan(firstRune(ws[i+1].Text)) {
			cur = word{Text: s[cur.Start:ws[i+1].End], Start: cur.Start, End: ws[i+1].End}
			i++
		}
		out = append(out, cur)
	}
	return out
}

// tooLongToSpell reports a token past the lengths the spelling check judges (see maxSpellRunes).
// It stops counting at the bound, so a very long token costs no more than a short one.
func tooLongToSpell(w string) bool {
	part, all := 0, 0
	for _, r := range w {
		all++
		part++
		if r == '-' {
			part = 0
		}
		if part > maxSpellRunes || all > maxCompoundRunes {
			return true
		}
	}
	return false
}

func skipSpelling(w string, lang pipeline.Lang, srcWords map[string]bool) bool {
	if utf8.RuneCountInString(w) < 2 || srcWords[foldWord(w)] || isAllUpper(w) {
		return true
	}
	lower := false
	for _, r := range w {
		if unicode.IsDigit(r) || isHan(r) {
			return true
		}
		if unicode.IsLetter(r) && (lang == pipeline.English) != isLatin(r) {
			return true // another script: a name or a quotation
		}
		switch {
		case unicode.IsLower(r):
			lower = true
		case lower && unicode.IsUpper(r):
			// A capital after a lower-case letter: a unit (кВт·сағ, МВт), a brand (iPhone,
			// eSIM) or a name run together, which no dictionary judges.
			return true
		}
	}
	return false
}

// likelyTypo decides about a word the speller rejected. A hyphenated word is judged part by
// part; a part (or a plain word) is a likely typo when it has four letters or more and is one
// edit away from a word the speller knows.
func likelyTypo(w string, lang pipeline.Lang, sp Speller, srcWords map[string]bool) bool {
	if !strings.Contains(w, "-") {
		return utf8.RuneCountInString(w) >= 4 && nearKnownWord(w, lang, func(c string) bool { return !sp.Misspelled(c, lang) })
	}
	parts := strings.Split(w, "-")
	for i, p := range parts {
		if p == "" || skipSpelling(p, lang, srcWords) || !sp.Misspelled(p, lang) {
			continue
		}
		linked := i < len(parts)-1 && lang == pipeline.Russian
		if linked && linkedStem(p, lang, sp) {
			continue
		}
		known := func(c string) bool { return !sp.Misspelled(c, lang) || linked && linkedStem(c, lang, sp) }
		if utf8.RuneCountInString(p) >= 4 && nearKnownWord(p, lang, known) {
			return true
		}
	}
	return false
}

// linkedStem reports whether p is the first part of a Russian compound adjective: a known
// adjective stem with the linking о/е (казахстанско-, волоконно-).
func linkedStem(p string, lang pipeline.Lang, sp Speller) bool {
	base, ok := strings.CutSuffix(p, "о")
	if !ok {
		base, ok = strings.CutSuffix(p, "е")
	}
	if !ok {
		return false
	}
	for _, e := range []string{"ий", "ый", "ой", "ая", "ое"} {
		if !sp.Misspelled(base+e, lang) {
			return true
		}
	}
	return false
}

// alphabets used to generate one-letter edits of a word.
const (
	ruAlphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
	kkAlphabet = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"
	enAlphabet = "abcdefghijklmnopqrstuvwxyz"
)

// nearKnownWord reports whether a word is one edit (a letter deleted, added, replaced or two
// swapped) away from a word the speller knows: then it is most likely a typo of that word, even
// when it sounds like a source word. The search costs a few hundred lookups, so it runs only for
// words the speller rejected, and never for words longer than maxSpellRunes: its cost grows with
// the square of the length.
func nearKnownWord(w string, lang pipeline.Lang, isKnown func(string) bool) bool {
	if utf8.RuneCountInString(w) > maxSpellRunes {
		return false
	}
	alphabet := []rune(ruAlphabet)
	switch lang {
	case pipeline.Kazakh:
		alphabet = []rune(kkAlphabet)
	case pipeline.English:
		alphabet = []rune(enAlphabet)
	}
	rs := []rune(strings.ToLower(w))
	known := func(c []rune) bool { return len(c) > 1 && isKnown(string(c)) }
	buf := make([]rune, 0, len(rs)+1)
	for i := range rs {
		buf = append(append(buf[:0], rs[:i]...), rs[i+1:]...) // deletion
		if known(buf) {
			return true
		}
		if i+1 < len(rs) { // transposition
			buf = append(buf[:0], rs...)
			buf[i], buf[i+1] = buf[i+1], buf[i]
			if known(buf) {
				return true
			}
		}
		for _, a := range alphabet {
			if a == rs[i] {
				continue
			}
			buf = append(buf[:0], rs...) // replacement
			buf[i] = a
			if known(buf) {
				return true
			}
		}
	}
	for i := 0; i <= len(rs); i++ {
		for _, a := range alphabet { // insertion
			buf = append(append(append(buf[:0], rs[:i]...), a), rs[i:]...)
			if known(buf) {
				return true
			}
		}
	}
	return false
}

// afterCodeHyphen reports whether the word at byte offset i follows a hyphen after a digit or
// an upper-case letter: an inflection ending of a number or acronym (75-летие, ЖІӨ-сінің).
func afterCodeHyphen(s string, i int) bool {
	if i < 2 || s[i-1] != '-' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i-1])
	return unicode.IsDigit(r) || unicode.IsUpper(r)
}

// borrowedFromSource reports an unknown word of the translation that is a word of the source
// (src: the source's words of four letters or more, in Latin letters) taken over with the
// translation's endings: a loanword the dictionaries do not have yet
// (drones → дроны, developer → девелопера, smart → смарт-, Russian пуэр → Kazakh пуэрінің).
// Both words are read in Latin letters (cyrillicLatin). They must share their first four
// letters or more, and differ only at their ends: at most three letters of the source word's
// and four of the translation's are left over, and what is left of each must not end alike,
// since an ending differs at the end where a typo differs inside (саммит, самммит: "ит" and
// "мит" end alike). A word one edit away from a known word that shares more with the source
// word, or all of it, is a typo of that word (доллров: долларов, dollars), not a loan. Each part of a
// hyphenated word is judged on its own, and the word is borrowed when a part is.
func borrowedFromSource(w string, lang pipeline.Lang, src [][]rune, sp Speller) bool {
	for _, part := range strings.Split(w, "-") {
		lp := []rune(latinLetters(part))
		if len(lp) < 4 {
			continue
		}
		for _, ls := range src {
			n := commonPrefix(lp, ls)
			if n < 4 || len(ls)-n > 3 || len(lp)-n > 4 || commonSuffix(lp[n:], ls[n:]) >= 2 {
				continue
			}
			typoOfKnown := nearKnownWord(part, lang, func(c string) bool {
				m := commonPrefix([]rune(latinLetters(c)), ls)
				return (m > n || m == len(ls)) && !sp.Misspelled(c, lang)
			})
			if !typoOfKnown && !knownHead(part, lang, sp) {
				return true
			}
		}
	}
	return false
}

// knownHead reports a word whose first five letters or more are a word the speller knows: the
// dictionary has the word's stem (институт in институттиры), so an unknown form of it is a
// typo, not a loan the dictionary lacks.
func knownHead(w string, lang pipeline.Lang, sp Speller) bool {
	rs := []rune(w)
	for n := len(rs) - 1; n >= 5; n-- {
		if !sp.Misspelled(string(rs[:n]), lang) {
			return true
		}
	}
	return false
}

// latinLetters is w's letters in lower case, Cyrillic ones in Latin letters (cyrillicLatin);
// ё is e, as loans write it; apostrophes and other marks are left out (Pu’er is puer).
func latinLetters(w string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(w) {
		if r == 'ё' {
			b.WriteByte('e') // партнёр, partner
		} else if l, ok := cyrillicLatin[r]; ok {
			b.WriteString(l)
		} else if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// commonPrefix is the length of the longest common prefix of a and b.
func commonPrefix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// commonSuffix is the length of the longest common suffix of a and b.
func commonSuffix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}
