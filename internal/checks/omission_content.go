package checks

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// A translation that drops a modifier or a noun inside a clause ("the new rules" → «правила»,
// "two gold medals and a silver one" → «екі алтын медаль») loses a word or two: its length and
// its clauses stay as they were. The omission check compares the content words of
// lexicon/content.txt instead, the way it compares names and numbers: a concept the source
// names and the translation renders by none of its words was left out.

// contentForm is one word (or phrase) of a concept in one language.
type contentForm struct {
	text       string
	exact      bool   // the word itself, any case; not its inflected forms
	prefix     bool   // the words it begins (translations only)
	inside     bool   // the words it stands inside (translations only)
	targetOnly bool   // counts in a translation only
	fold       string // text folded (foldWord); for an English form, the stem its derivatives begin with
	head       string // letters every word that renders the form holds (formLetters); "" for any
}

// contentConcept holds a concept's forms per language.
type contentConcept map[pipeline.Lang][]contentForm

var (
	contentOnce     sync.Once
	contentConcepts []contentConcept
	contentWeak     []bool // per concept: a common word a translation may leave implicit
	contentTime     []bool // per concept: a phrase of time a longer paraphrase may leave implicit
	contentNameHead []bool // per concept: the head noun of a place's name (sea, lake, port)
)

// concepts returns lexicon/content.txt.
func concepts() []contentConcept {
	contentOnce.Do(func() {
		langs := []pipeline.Lang{pipeline.English, pipeline.Russian, pipeline.Kazakh, pipeline.Chinese}
		for _, line := range lexiconLines("content.txt") {
			var weak, timed, nameHead bool
			for marked := true; marked; {
				switch {
				case strings.HasPrefix(line, "?"):
					weak = true
				case strings.HasPrefix(line, "~"):
					timed = true
				case strings.HasPrefix(line, "^"):
					nameHead = true
				default:
					marked = false
					continue
				}
				line = line[1:]
			}
			cols := strings.Split(line, "|")
			if len(cols) != len(langs) {
				continue
			}
			c := contentConcept{}
			for i, l := range langs {
				for _, f := range strings.Split(cols[i], ",") {
					f = strings.TrimSpace(f)
					var cf contentForm
					cf.text, cf.targetOnly = strings.CutPrefix(f, "+")
					cf.text, cf.exact = strings.CutPrefix(cf.text, "=")
					cf.text, cf.prefix = strings.CutSuffix(cf.text, "-")
					cf.text, cf.inside = strings.CutPrefix(cf.text, "*")
					cf.targetOnly = cf.targetOnly || cf.prefix || cf.inside
					if cf.exact || cf.prefix || cf.inside {
						cf.text = foldWord(cf.text)
					}
					cf.fold = foldWord(cf.text)
					cf.head = formLetters(cf.fold, l)
					if l == pipeline.English {
						cf.fold = enContentStem(cf.fold)
					}
					if cf.text != "" {
						c[l] = append(c[l], cf)
					}
				}
			}
			contentConcepts = append(contentConcepts, c)
			contentWeak = append(contentWeak, weak)
			contentTime = append(contentTime, timed)
			contentNameHead = append(contentNameHead, nameHead)
		}
	})
	return contentConcepts
}

// contentIndexes find the concepts whose source forms a text may hold, per language, before
// each is looked for in full: by the first letters of the inflected forms (headIndex) and by a
// map of the exact ones.
var (
	contentIndexOnce sync.Once
	contentIndexes   map[pipeline.Lang]*headIndex
	contentExact     map[pipeline.Lang]map[string][]int // a folded word → its concepts
)

// contentCandidates returns the indexes of the concepts whose source forms text may hold.
func contentCandidates(memo *wordMemo, text string, lang pipeline.Lang) []int {
	contentIndexOnce.Do(func() {
		contentIndexes, contentExact = map[pipeline.Lang]*headIndex{}, map[pipeline.Lang]map[string][]int{}
		for _, l := range []pipeline.Lang{pipeline.English, pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
			ix, exact := newHeadIndex(), map[string][]int{}
			for ci, c := range concepts() {
				for _, f := range c[l] {
					switch {
					case f.targetOnly:
					case f.exact:
						exact[f.text] = append(exact[f.text], ci)
					default:
						ix.add(f.text, l, ci)
					}
				}
			}
			contentIndexes[l], contentExact[l] = ix, exact
		}
	})
	ix := contentIndexes[lang]
	if ix == nil {
		return nil
	}
	out := ix.candidates(memo, text)
	if exact := contentExact[lang]; len(exact) > 0 {
		n := len(out)
		for _, w := range memo.foldedWords(text) {
			out = append(out, exact[w]...)
		}
		if len(out) > n {
			sort.Ints(out)
			out = slices.Compact(out)
		}
	}
	return out
}

// lostContent lists the source's words of lexicon/content.txt whose concept the translation
// renders by none of its forms. A weak concept (a line of the lexicon that starts with "?": a
// common word of time, place, quantity or trade that a translation may leave implicit or
// paraphrase) counts only in a translation not longer than usual (pct below omissionWeakContent);
// a phrase of when or how often (a line that starts with "~") in one not much longer than usual
// (omissionTimeContent).
func lostContent(u pipeline.CheckUnit, memo *wordMemo, pct int) []string {
	if u.SourceLang == u.TargetLang {
		return nil
	}
	src := memo.stripped(u.Source)
	if u.SourceLang == pipeline.Chinese {
		// A word inside a listed name (石油 in 中石油, CNPC) is the name's, which a translation
		// renders as a whole: blank the names out.
		loadHanAbbrevs()
		src = hanFullNames.Replace(src)
	}
	cands := contentCandidates(memo, src, u.SourceLang)
	if len(cands) == 0 {
		return nil
	}
	tgt := memo.stripped(u.Target)
	var out []string
	all := concepts()
	latin := 0 // 1: the translation has no words in Latin letters; 2: it has (latinWords)
	for _, ci := range cands {
		if contentWeak[ci] && pct >= omissionWeakContent || contentTime[ci] && pct >= omissionTimeContent {
			continue
		}
		c := all[ci]
		if len(c[u.TargetLang]) == 0 {
			continue
		}
		w := contentIn(memo, src, u.SourceLang, c[u.SourceLang], true, contentNameHead[ci])
		if w == "" || contentIn(memo, tgt, u.TargetLang, c[u.TargetLang], false, false) != "" {
			continue
		}
		if latin == 0 {
			latin = 1
			if latinWords(tgt, u.TargetLang) {
				latin = 2
			}
		}
		if latin == 2 && contentIn(memo, tgt, pipeline.English, c[pipeline.English], false, false) != "" {
			continue // a brand kept in Latin letters renders it (China Southern)
		}
		if relativeYears[c[pipeline.English][0].text] && newYear(src, tgt) {
			continue // "this year" said by its number (in 2025), which the source leaves to the reader
		}
		if d, ok := ordinalDigits[c[pipeline.English][0].text]; ok && namedByNumber(tgt, d) {
			continue // "the second plant" → «ТЭЦ-2»: the ordinal said by its number, in a name
		}
		if sharedLoan(memo, w, tgt, u.SourceLang, u.TargetLang) {
			continue // «педагогов» → «педагогтарды»: a loan Russian and Kazakh share
		}
		out = append(out, w)
	}
	return out
}

// ordinalDigits are the English ordinals of lexicon/content.txt and the numbers that say them.
var ordinalDigits = map[string]string{"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5",
	"sixth": "6", "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10"}

// ordinalAsNumber matches a number of one or two digits that a name carries after a hyphen or a
// word ("ТЭЦ-2", "Line 2", "2号线"): an ordinal said by its number.
var ordinalAsNumber = regexp.MustCompile(`(?:\p{L}-|\p{L} |^|[^\d.,])(\d{1,2})(?:号|[^\d.,%]|$)`)

// namedByNumber reports a text that names something by the number d, as an ordinal says it.
func namedByNumber(text, d string) bool {
	for _, m := range ordinalAsNumber.FindAllStringSubmatch(text, -1) {
		if m[1] == d {
			return true
		}
	}
	return false
}

// minLoanStem: the letters of a loan's stem that a Russian and a Kazakh form of it share.
const minLoanStem = 5

// sharedLoan reports a Russian word the Kazakh translation renders by the same loan with Kazakh
// endings, or the other way round: «педагогов» and «педагогтарды» share «педаго». The word's
// letters less its last three (five at least) must begin a word of the translation.
func sharedLoan(memo *wordMemo, w, tgt string, src, dst pipeline.Lang) bool {
	if !(src == pipeline.Russian && dst == pipeline.Kazakh || src == pipeline.Kazakh && dst == pipeline.Russian) {
		return false
	}
	rs := []rune(strings.ToLower(w))
	n := max(len(rs)-3, minLoanStem)
	if len(rs) < minLoanStem+1 || n > len(rs) {
		return false
	}
	stem := string(rs[:n])
	for _, x := range memo.foldedWords(tgt) {
		if strings.HasPrefix(x, stem) {
			return true
		}
	}
	return false
}

// contentIn returns the first word of text that is one of forms (in a source: not the
// translation-only ones, nor a capitalised word inside a sentence, part of a name, unless the
// form itself is capitalised, as English names of days are; for the head noun of a place's
// name, nameHead, not a word beside a name either: besideName), or "".
func contentIn(memo *wordMemo, text string, lang pipeline.Lang, forms []contentForm, source, nameHead bool) string {
	var ws []word
	var fws []string // ws folded
	folded := ""
	for _, f := range forms {
		if source && f.targetOnly {
			continue
		}
		if lang == pipeline.Chinese || containsHan(f.text) {
			if strings.Contains(text, f.text) {
				return f.text
			}
			continue
		}
		if f.head != "" {
			if folded == "" {
				folded = memo.folded(text)
			}
			if !strings.Contains(folded, f.head) {
				continue // no word of the text can render it
			}
		}
		if f.exact || f.prefix || f.inside {
			if ws == nil {
				ws, fws = memo.words(text), memo.foldedWords(text)
			}
			for i, w := range ws {
				x := fws[i]
				if (x == f.text || f.prefix && strings.HasPrefix(x, f.text) || f.inside && strings.Contains(x, f.text)) && !(source && sourceNamePart(text, w, lang, nameHead)) {
					return w.Text
				}
			}
			continue
		}
		proper := isUpperInitial(f.text) // Monday, Tuesday: capitalised in every sentence
		for _, m := range findTermAll(memo, text, f.text, lang, -1) {
			if w := (word{Text: text[m[0]:m[1]], Start: m[0], End: m[1]}); proper || !(source && sourceNamePart(text, w, lang, nameHead)) {
				return w.Text
			}
		}
		if !source && utf8.RuneCountInString(f.text) >= minContentPrefix {
			// In a translation, a compound or a derivative that begins with the word renders
			// it too: schoolchildren, туристердің (турист with the Kazakh plural); in English,
			// one that begins with its stem (irrigated, negotiating, electric: enContentStem).
			if ws == nil {
				ws, fws = memo.words(text), memo.foldedWords(text)
			}
			for i, w := range ws {
				if strings.HasPrefix(fws[i], f.fold) {
					return w.Text
				}
			}
		}
	}
	return ""
}

// minContentPrefix is the fewest letters of a form that the words it begins render in a
// translation: shorter forms begin too many other words.
const minContentPrefix = 5

// sourceNamePart reports a word of a source that is part of a name, not a content word of its
// own: capitalised inside a sentence (nameWord), opening a listed name (opensListedName), or,
// for the head noun of a place's name (nameHead), beside a name (besideName).
func sourceNamePart(text string, w word, lang pipeline.Lang, nameHead bool) bool {
	return nameWord(text, w) || sentenceStart(text, w.Start) && (opensListedName(text, w, lang) || opensName(text, w, lang)) ||
		nameHead && besideName(text, w, lang)
}

// opensName reports a Russian or Kazakh word at a sentence's start that a capitalised word
// follows: the first word of a name of several (Алтын Емел, Жаңа Зеландия, Новый Узень), where
// every first word is capitalised anyway. These languages write their adjectives of peoples in
// lower case, so a capital after the first word is a name's; English ones ("New Chinese
// loans") are not read so.
func opensName(text string, w word, lang pipeline.Lang) bool {
	if lang != pipeline.Russian && lang != pipeline.Kazakh || !isUpperInitial(w.Text) || strings.ContainsAny(w.Text, " \u00a0") {
		return false // (a phrase that opens the sentence: «В этом году Казахстан …»)
	}
	rest := strings.TrimLeft(text[w.End:], " -\u00a0")
	if rest == "" || len(rest) == len(text[w.End:]) {
		return false // the next word must follow after a space or a hyphen
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r)
}

// besideName reports a word that stands beside a name as its head noun: after a capitalised word
// inside the sentence (Кіші Арал теңізі, Құрық портына, Aktau port, Каспийского моря), or, in
// Russian and English, before one (порт Актау, озеро Зайсан, the port of Kuryk). Translations
// often say such a name without its head ("the Caspian", "calling at Kuryk"). Chinese writes
// the head into the name (阿克套港) and is not read here.
func besideName(text string, w word, lang pipeline.Lang) bool {
	if lang == pipeline.Chinese {
		return false
	}
	isLetter := func(r rune) bool { return unicode.IsLetter(r) || r == '-' || r == '\'' || r == '’' }
	before := strings.TrimRightFunc(text[:w.Start], unicode.IsSpace)
	if i := strings.LastIndexFunc(before, func(r rune) bool { return !isLetter(r) }); i < len(before) {
		start := i + 1
		if i >= 0 {
			_, size := utf8.DecodeRuneInString(before[i:])
			start = i + size
		}
		prev := word{Text: before[start:], Start: start, End: len(before)}
		if prev.Text != "" && len(before) < w.Start && (nameWord(text, prev) || isUpperInitial(prev.Text) && listedNameWord(prev.Text, lang, false)) {
			return true
		}
	}
	if lang == pipeline.Kazakh {
		return false
	}
	after := strings.TrimLeftFunc(text[w.End:], unicode.IsSpace)
	if lang == pipeline.English {
		if rest, ok := strings.CutPrefix(after, "of "); ok {
			after = rest
		}
	}
	r, _ := utf8.DecodeRuneInString(after)
	if len(after) == len(text[w.End:]) || !unicode.IsUpper(r) {
		return false
	}
	// A country is no port's or lake's name: «без каналов Узбекистан может …» starts a clause.
	next := after[:max(0, strings.IndexFunc(after, func(r rune) bool { return !isLetter(r) }))]
	if next == "" {
		next = after
	}
	return !listedNameWord(next, lang, true)
}

// listedNameWord reports a word that begins with a form of a name of lexicon/names.txt (of a
// country only, when countries is set): a name even where every word is capitalised, at the
// start of a sentence (Каспий теңізінің …).
func listedNameWord(w string, lang pipeline.Lang, countries bool) bool {
	lw := strings.ToLower(w)
	for _, n := range names() {
		if countries && !isCountry(n) {
			continue
		}
		for _, f := range n[lang] {
			// A form of three letters or fewer (UN, ЕС) is an abbreviation: the word whole.
			if f = strings.ToLower(f); !strings.HasPrefix(f, "~") && (lw == f || utf8.RuneCountInString(f) > 3 && strings.HasPrefix(lw, f)) {
				return true
			}
		}
	}
	return false
}

// nameWord reports a capitalised word inside a sentence: part of a name.
func nameWord(text string, w word) bool {
	return isUpperInitial(w.Text) && !sentenceStart(text, w.Start)
}

// opensListedName reports a word at a sentence's start that opens a name of several words of
// lexicon/names.txt (Оңтүстік Кореяда, South Korea's): part of the name, where every first word
// is capitalised anyway.
func opensListedName(text string, w word, lang pipeline.Lang) bool {
	if !isUpperInitial(w.Text) || strings.ContainsAny(w.Text, " \u00a0") {
		return false // a phrase that opens the sentence ("В этом году Казахстан …")
	}
	heads := multiwordNameHeads()[lang][strings.ToLower(w.Text)]
	if len(heads) == 0 {
		return false // most words: no listed name begins with them
	}
	rest := strings.ToLower(text[w.Start:min(len(text), w.Start+200)])
	for _, h := range heads {
		if strings.HasPrefix(rest, h) {
			return true
		}
	}
	return false
}

var (
	multiwordOnce  sync.Once
	multiwordHeads map[pipeline.Lang]map[string][]string
)

// multiwordNameHeads returns, per language and first word (lower case), the beginnings of the
// names of several words of lexicon/names.txt: every word but the last as written, and the last
// by its first letters, as its ending changes with the case (Кореяда).
func multiwordNameHeads() map[pipeline.Lang]map[string][]string {
	multiwordOnce.Do(func() {
		multiwordHeads = map[pipeline.Lang]map[string][]string{}
		for _, n := range names() {
			for lang, forms := range n {
				for _, f := range forms {
					fw := strings.Fields(strings.ToLower(f))
					if len(fw) < 2 {
						continue
					}
					last := []rune(fw[len(fw)-1])
					head := strings.Join(fw[:len(fw)-1], " ") + " " + string(last[:min(len(last), 4)])
					if multiwordHeads[lang] == nil {
						multiwordHeads[lang] = map[string][]string{}
					}
					multiwordHeads[lang][fw[0]] = append(multiwordHeads[lang][fw[0]], head)
				}
			}
		}
	})
	return multiwordHeads
}

// enContentStem is an English word without a derivational or inflectional ending, when at least
// minContentPrefix letters are left: the letters its derivatives share (irrigation → irrig,
// negotiations → negotiat, electricity → electric, dangerous → danger).
func enContentStem(w string) string {
	for _, e := range []string{"ations", "ation", "ities", "ity", "ings", "ing", "ions", "ion", "ous", "ers", "er", "ed", "es", "al", "ic", "s", "e", "y"} {
		if b, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(b) >= minContentPrefix {
			return b
		}
	}
	return w
}

// formLetters returns the first letters (up to three) that every text rendering a folded form
// holds (formPrefix).
func formLetters(fold string, lang pipeline.Lang) string { return formPrefix(fold, lang, 3) }

// formPrefix returns the first letters (up to max) of the headWord of a folded form that every
// word rendering it begins with or, for a form found inside words, holds: cut to what its
// inflected stems share (угол → угла: "уг"; халық → халқы: "хал"). It is "" when a form may
// be rendered by a word of other letters (ребенок → дети, person → people).
func formPrefix(fold string, lang pipeline.Lang, max int) string {
	first := headWord(fold)
	head := first
	n := 0
	for i := range first {
		if n == max {
			head = first[:i]
			break
		}
		n++
	}
	cands := []string{first}
	switch lang {
	case pipeline.Russian:
		if ruSuppletive(first) != "" {
			return ""
		}
		cands = append(cands, ruStems(first)...)
	case pipeline.Kazakh:
		if rs := []rune(first); len(rs) >= 4 {
			n := len(rs)
			cands = append(cands, string(rs[:n-2])+string(rs[n-1])) // халық → халқ
			switch rs[n-1] {                                        // жол → жолы; a final к, қ, п voices before a vowel
			case 'к', 'қ', 'п':
				cands = append(cands, string(rs[:n-1]))
			}
		}
	case pipeline.English:
		if p := enIrregularPlural(first); p != "" {
			cands = append(cands, p)
		}
		// economy → economies, half → halves; a form in the plural (mines) is found in the
		// singular too.
		cands = append(cands, strings.TrimRight(first, "yfes"))
	}
	for _, c := range cands {
		for !strings.HasPrefix(c, head) {
			_, size := utf8.DecodeLastRuneInString(head)
			head = head[:len(head)-size]
		}
	}
	return head
}

// relativeYears are the concepts of lexicon/content.txt that name a year relative to now, which a
// translation may name by its number instead.
var relativeYears = map[string]bool{"this year": true, "last year": true, "next year": true}

// yearNumber matches a year in digits.
var yearNumber = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})(?:[^0-9]|$)`)

// newYear reports a year in digits in the translation that the source does not have.
func newYear(src, tgt string) bool {
	for _, m := range yearNumber.FindAllStringSubmatch(tgt, -1) {
		if !strings.Contains(src, m[1]) {
			return true
		}
	}
	return false
}
