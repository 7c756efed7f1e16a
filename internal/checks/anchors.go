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

// anchorName is a name in the four languages, each with alternative forms.
type anchorName map[pipeline.Lang][]string

var (
	anchorOnce  sync.Once
	anchorNames []anchorName
	// anchorRenders holds, index for index with anchorNames, the forms that render a name in a
	// translation: the listed ones and their regular derivatives (appendDerivedNames).
	anchorRenders []anchorName
)

// names returns the built-in list of names (lexicon/names.txt).
func names() []anchorName {
	anchorOnce.Do(func() {
		for _, line := range lexiconLines("names.txt") {
			cols := strings.Split(line, "|")
			if len(cols) != 4 {
				continue
			}
			n, r := anchorName{}, anchorName{}
			for i, l := range []pipeline.Lang{pipeline.English, pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
				for _, f := range strings.Split(cols[i], "/") {
					if f = strings.TrimSpace(f); f != "" {
						n[l] = append(n[l], f)
					}
				}
				r[l] = appendDerivedNames(n[l], l)
			}
			anchorNames = append(anchorNames, n)
			anchorRenders = append(anchorRenders, r)
		}
	})
	return anchorNames
}

// nameRenders returns anchorRenders, loaded with the names.
func nameRenders() []anchorName {
	names()
	return anchorRenders
}

// appendDerivedNames returns the forms with the regular derivatives of a language's name forms
// that the list does not spell out, so that a translation saying "Central Asian countries" or "молодые
// казахстанцы" renders the name: in English, the adjective of a name in -a takes -n (Asia →
// Asian, Mongolia → Mongolian), that of a name in -stan takes -i (Uzbekistan → Uzbekistani),
// one in -e takes -an (Europe → European), one in -an or -am takes -ese (Japan → Japanese);
// in Russian, the demonym of a name in -стан takes -ец (Казахстан → казахстанец, казахстанцы;
// the matcher reads the fleeting е) and a name ending in a consonant makes its adjective in -ск-
// (Шанхай → шанхайский). Kazakh adjectives in -лық and their endings are read by
// the matcher already; Chinese forms its adjectives without changing the name. They count only
// in the translation: a source's "Central Asian" names the region, but its translation may render
// it by an adjective the list lacks (центральноазиатский), so taking it for the name there would
// find a name lost that is not.
func appendDerivedNames(listed []string, lang pipeline.Lang) []string {
	forms := append([]string(nil), listed...)
	have := map[string]bool{}
	for _, f := range forms {
		have[strings.ToLower(f)] = true
	}
	add := func(f string) {
		if !have[strings.ToLower(f)] {
			have[strings.ToLower(f)] = true
			forms = append(forms, f)
		}
	}
	for _, f := range listed {
		if strings.HasPrefix(f, "~") || isAllUpper(f) {
			continue // an abbreviation has no derivatives
		}
		switch lang {
		case pipeline.English:
			switch {
			case strings.HasSuffix(f, "a"):
				add(f + "n")
			case strings.HasSuffix(f, "stan"):
				add(f + "i")
			case strings.HasSuffix(f, "e"):
				add(f + "an") // Europe → European
			case strings.HasSuffix(f, "an") || strings.HasSuffix(f, "am"):
				add(f + "ese") // Japan → Japanese, Vietnam → Vietnamese
			}
		case pipeline.Russian:
			if strings.HasSuffix(f, "стан") {
				add(strings.ToLower(f) + "ец")
			}
			if r := lastRune(f); !strings.ContainsRune("аеёиоуыэюяь", r) && isUpperInitial(f) && !strings.Contains(f, " ") {
				add(strings.ToLower(f) + "ск") // Шанхай → шанхайский, Ташкент → ташкентский
			}
		}
	}
	return forms
}

// missingAnchors lists what the source names or counts that the translation does not render: a
// name of the built-in list or the termbase found in the source with no form in the
// translation, and numbers of the source missing from it. Each is weak evidence on its own (a
// translator may write "the country" for Kazakhstan) but, with a short translation, points at a
// lost clause.
func missingAnchors(u pipeline.CheckUnit, opts *Options) []string {
	var out []string
	memo := opts.wordMemo()
	if memo == nil {
		memo = &wordMemo{}
	}
	has := (&formFinder{memo: memo}).has
	out = append(out, lostListedNames(u, memo, has)...)
	for _, t := range opts.Terms {
		st, tt := t.Terms[u.SourceLang], t.Terms[u.TargetLang]
		if st == "" || tt == "" || t.DoNotTranslate {
			continue
		}
		if len(sourceTermUses(memo, u.Source, st, u.SourceLang, 1)) > 0 && !has([]string{tt}, u.Target, u.TargetLang, false) {
			if _, ok := termRendered(memo, u, t); ok {
				continue // another sense of the source word, or an adjective of the term
			}
			out = append(out, st)
		}
	}
	for _, f := range numberFindings(u, opts) {
		if f.MessageID == "check.number.missing" {
			out = append(out, f.Data["Number"].(string))
		}
	}
	return out
}

// formFinder tells whether a text has a form of a name or a term.
type formFinder struct {
	memo *wordMemo
}

// has reports whether text has one of forms (found as terms are; "~X" is a Chinese
// one-character abbreviation in a chain). For a name (name set), a name's first letters stand in
// the text wherever a form of it does (endings and the voicing of a last consonant change only
// its end): the folded text rules out most names before they are looked for word by word. Terms
// are looked for in full: a fleeting vowel changes the start of short ones (заём, займов).
func (f *formFinder) has(forms []string, text string, lang pipeline.Lang, name bool) bool {
	var ft string
	if name {
		ft = f.memo.folded(text)
	}
	for _, form := range forms {
		if abbrev, ok := strings.CutPrefix(form, "~"); ok {
			if lang == pipeline.Chinese && hanAbbrevInChain(text, abbrev) {
				return true
			}
			continue
		}
		if name && isAllUpper(form) && utf8.RuneCountInString(form) >= 2 && acronymWithin(text, form) {
			return true // UN in UNDP, ООН in ПРООН: an agency's acronym names its organisation
		}
		if name && !strings.Contains(ft, nameFormHead(form)) {
			continue
		}
		if len(findTermAll(f.memo, text, form, lang, 1)) > 0 {
			return true
		}
	}
	return false
}

// acronymWithin reports an acronym of text, a word of capitals of at most eight letters, longer
// than the acronym form and holding it (UNDP holds UN).
func acronymWithin(text, form string) bool {
	for off := 0; ; {
		i := strings.Index(text[off:], form)
		if i < 0 {
			return false
		}
		s, e := off+i, off+i+len(form)
		off = e
		for s > 0 {
			r, size := utf8.DecodeLastRuneInString(text[:s])
			if !unicode.IsUpper(r) {
				break
			}
			s -= size
		}
		for e < len(text) {
			r, size := utf8.DecodeRuneInString(text[e:])
			if !unicode.IsUpper(r) {
				break
			}
			e += size
		}
		if n := utf8.RuneCountInString(text[s:e]); n > utf8.RuneCountInString(form) && n <= 8 {
			return true
		}
	}
}

// lostListedNames lists the names of lexicon/names.txt that the source has and the translation
// renders by none of their forms; has tells whether a text has one of forms.
func lostListedNames(u pipeline.CheckUnit, memo *wordMemo, has func(forms []string, text string, lang pipeline.Lang, name bool) bool) []string {
	if memo != nil && memo.hasLostNames {
		return memo.lostNames
	}
	var out []string
	defer func() {
		if memo != nil {
			memo.lostNames, memo.hasLostNames = out, true
		}
	}()
	renders := nameRenders()
	all := names()
	latinBrand := latinWords(u.Target, u.TargetLang)
	var lostIdx []int
	for _, i := range nameCandidates(memo, u.Source, u.SourceLang) {
		n := all[i]
		if len(n[u.SourceLang]) == 0 || len(n[u.TargetLang]) == 0 {
			continue
		}
		// The translation is asked first: it renders most names the source may hold, and the
		// source need not be asked for those.
		if !has(renders[i][u.TargetLang], u.Target, u.TargetLang, true) && has(n[u.SourceLang], u.Source, u.SourceLang, true) &&
			!(latinBrand && (has(renders[i][pipeline.English], u.Target, pipeline.English, true) ||
				looseNameRendered(renders[i][pipeline.English], u.Target, pipeline.English))) &&
			!looseNameRendered(renders[i][u.TargetLang], u.Target, u.TargetLang) &&
			!(u.TargetLang == pipeline.Chinese && n[pipeline.English][0] == "China" && hanChineseCompany.MatchString(u.Target)) &&
			!metonymRendered(i, u, has) && namedInSource(u, n[u.SourceLang]) {
			out = append(out, n[u.SourceLang][0])
			lostIdx = append(lostIdx, i)
		}
	}
	if len(out) > 0 && len(out) <= 2 && (twoCountries(u, lostIdx) || countryOfRegion(u, lostIdx)) {
		out = nil
	}
	return out
}

// hanChineseCompany matches the short Chinese name of a Chinese company, which opens with 中
// for China (中信建设 CITIC Construction, 中粮集团 COFCO): in a translation it renders the
// source's "Chinese" before the company's name. (In a source, such a name is translated as a
// whole, often by a Latin acronym.)
var hanChineseCompany = regexp.MustCompile(`中\p{Han}{1,3}(?:集团|建设|公司|股份|银行|电建|能建)`)

// looseNameRendered reports a translation that writes a name of the list in a way its forms
// do not spell: run together or hyphenated otherwise ("Tianshan", «Тяньшань» for "Tian Shan",
// "PowerChina"), or in a longer or shorter form of a long name (Petropavl for Petropavlovsk,
// 彼得罗巴甫尔 for 彼得罗巴甫洛夫斯克). Spaces, hyphens and case are left out of both; a form
// of five letters or more must stand in the text whole, and a long one's first letters stand
// for it (all but its last three letters, or its first four Chinese characters).
func looseNameRendered(forms []string, text string, lang pipeline.Lang) bool {
	compact := compactName(text)
	for _, form := range forms {
		if strings.HasPrefix(form, "~") {
			continue
		}
		cf := []rune(compactName(form))
		switch {
		case lang == pipeline.Chinese:
			if len(cf) >= 5 && strings.Contains(compact, string(cf[:4])) {
				return true
			}
		case len(cf) >= 5 && strings.Contains(compact, string(cf)):
			return true
		case len(cf) >= 8 && strings.Contains(compact, string(cf[:len(cf)-3])):
			return true
		}
	}
	return false
}

// compactName is s in lower case without spaces, hyphens and dots.
func compactName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '‐' || r == '.' || r == '\u00a0' {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// regionWords are the words of a part of a country (a region, a province, a district): "the
// Mangystau region", «Мангистауская область», Маңғыстау облысы, 曼吉斯套州.
var regionWords = map[pipeline.Lang][]string{
	pipeline.English: {"region", "province", "oblast", "district", "prefecture", "county"},
	pipeline.Russian: {"област", "район", "округ", "провинци"},
	pipeline.Kazakh:  {"облыс", "аудан", "өңір", "провинция"},
	pipeline.Chinese: {"州", "地区", "自治区", "县"},
}

// countryOfRegion reports a translation that leaves out the country (lost, indexes of names(),
// all countries) of a region that source and translation both name: "Kazakhstan has found
// lithium in the Mangystau region" → «В Мангистауской области обнаружен литий»; the region
// says which country, and translators drop the country as said twice.
func countryOfRegion(u pipeline.CheckUnit, lost []int) bool {
	all := names()
	for _, i := range lost {
		if !isCountry(all[i]) {
			return false
		}
	}
	return hasRegionWord(u.Source, u.SourceLang) && hasRegionWord(u.Target, u.TargetLang)
}

// hasRegionWord reports a region of regionWords named in text: in Chinese the word anywhere
// after a name (a character before it, 曼吉斯套州, not 州 alone); in English the word whole
// ("region", not "regional"); in Russian and Kazakh a form of it right after a capitalised
// word (Мангистауской области, Маңғыстау облысы: not «в области энергетики», "in the field
// of energy").
func hasRegionWord(text string, lang pipeline.Lang) bool {
	if lang == pipeline.Chinese {
		for _, w := range regionWords[lang] {
			if i := strings.Index(text, w); i > 0 {
				return true
			}
		}
		return false
	}
	ws := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	for i, w := range ws {
		lw := strings.ToLower(w)
		for _, r := range regionWords[lang] {
			switch {
			case lang == pipeline.English:
				if lw == r || lw == r+"s" {
					return true
				}
			case strings.HasPrefix(lw, r) && i > 0 && isUpperInitial(ws[i-1]):
				return true
			}
		}
	}
	return false
}

// isCountry reports a name of lexicon/names.txt that is one of countryNames.
func isCountry(n anchorName) bool { return countryNames[strings.Join(n[pipeline.English], "/")] }

// countryNames are the first English forms of the countries of lexicon/names.txt that
// twoCountries may stand for.
var countryNames = map[string]bool{"China/Chinese": true, "Kazakhstan/Kazakhstani/Kazakh": true, "Kyrgyzstan/Kyrgyz": true,
	"Uzbekistan/Uzbek": true, "Tajikistan/Tajik": true, "Turkmenistan/Turkmen": true, "Russia/Russian": true,
	"United States": true, "Turkey": true, "Afghanistan": true, "Iran": true, "India": true, "Japan": true, "Pakistan": true,
	"Mongolia": true, "Azerbaijan": true, "South Korea/Korea": true}

// bothCountries are the phrases that name the two countries of a sentence together ("the two
// countries", «обеих стран», екі ел, 两国, 双方): a translation may say so where its source
// names them.
var bothCountries = map[pipeline.Lang][]string{
	pipeline.English: {"two countries", "both countries", "two sides", "both sides", "two nations", "both nations", "two governments", "bilateral"},
	pipeline.Russian: {"двух стран", "две страны", "двум странам", "двумя странами", "обеих стран", "обе страны", "обеим странам", "обеими странами", "обе стороны", "обеих сторон", "двусторонн"},
	pipeline.Kazakh:  {"екі ел", "екі мемлекет", "екі тарап", "екіжақты"},
	pipeline.Chinese: {"两国", "双方", "双边"},
}

// twoCountries reports a translation that names two countries together where its source names
// them (lost, indexes of names()), one or both: "China and Kazakhstan agreed" → "the two
// countries agreed".
func twoCountries(u pipeline.CheckUnit, lost []int) bool {
	all := names()
	for _, i := range lost {
		if !isCountry(all[i]) {
			return false
		}
	}
	has := func(text string, lang pipeline.Lang) bool {
		lower := strings.ToLower(text)
		for _, p := range bothCountries[lang] {
			if strings.Contains(lower, p) {
				return true
			}
		}
		return false
	}
	return has(u.Target, u.TargetLang) && !has(hanPairDropped(u.Source, u.SourceLang), u.SourceLang)
}

// hanPairDropped returns Chinese text without the 两国 and 双方 that follow a pair of
// one-character abbreviations (中哈两国, "China and Kazakhstan, the two countries"): one phrase
// that a translation may render as "the two countries" alone. Other text is returned as it is.
func hanPairDropped(text string, lang pipeline.Lang) string {
	if lang != pipeline.Chinese {
		return text
	}
	var b strings.Builder
	rest := text
	for {
		i := strings.IndexAny(rest, "两双")
		if i < 0 {
			b.WriteString(rest)
			return b.String()
		}
		word := rest[i:min(len(rest), i+len("两国"))]
		if (word == "两国" || word == "双方") && hanAbbrevBefore(rest[:i]) {
			b.WriteString(rest[:i])
			rest = rest[i+len(word):]
			continue
		}
		_, size := utf8.DecodeRuneInString(rest[i:])
		b.WriteString(rest[:i+size])
		rest = rest[i+size:]
	}
}

var (
	nameIndexOnce sync.Once
	nameIndexes   map[pipeline.Lang]*headIndex
	nameAbbrevs   []int // the names with a Chinese one-character abbreviation
)

// nameCandidates returns the indexes of the listed names whose forms text may hold, in order:
// the first letters of the text's words rule out most names before has looks for them.
func nameCandidates(memo *wordMemo, text string, lang pipeline.Lang) []int {
	nameIndexOnce.Do(func() {
		nameIndexes = map[pipeline.Lang]*headIndex{}
		for _, l := range []pipeline.Lang{pipeline.English, pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
			ix := newHeadIndex()
			for i, n := range names() {
				for _, f := range n[l] {
					if strings.HasPrefix(f, "~") {
						if l == pipeline.Chinese {
							nameAbbrevs = append(nameAbbrevs, i)
						}
						continue
					}
					ix.add(f, l, i)
				}
			}
			nameIndexes[l] = ix
		}
	})
	ix := nameIndexes[lang]
	if ix == nil {
		return nil
	}
	out := ix.candidates(memo, text)
	if lang == pipeline.Chinese && len(nameAbbrevs) > 0 {
		out = append(out, nameAbbrevs...)
		sort.Ints(out)
		out = slices.Compact(out)
	}
	return out
}

// headIndex finds the items (names, concepts) whose forms a text may hold: a form of a word
// begins with the word's first letters (endings and a voiced last consonant change only its
// end), so a text holds a form only if one of its words begins with the form's head. Chinese
// forms are looked for as substrings.
type headIndex struct {
	byHead map[string][]headItem
	han    []headHan
}

// headItem is an item indexed under a head, with the longer prefix (up to five letters) that
// every word rendering its form begins with: "and" is no candidate for Andijan.
type headItem struct {
	item   int
	prefix string
}

type headHan struct {
	sub  string
	item int
}

func newHeadIndex() *headIndex { return &headIndex{byHead: map[string][]headItem{}} }

// add indexes form of item in lang.
func (ix *headIndex) add(form string, lang pipeline.Lang, item int) {
	if lang == pipeline.Chinese || containsHan(form) {
		ix.han = append(ix.han, headHan{form, item})
		return
	}
	h := formHead(form)
	p := formPrefix(foldWord(form), lang, 5)
	if !strings.HasPrefix(p, h) {
		p = h // the stems part within the head: look up by the head alone
	}
	ix.byHead[h] = append(ix.byHead[h], headItem{item, p})
}

// candidates returns, in order and once each, the items whose head begins a word of text.
func (ix *headIndex) candidates(memo *wordMemo, text string) []int {
	var out []int
	for _, h := range ix.han {
		if strings.Contains(text, h.sub) {
			out = append(out, h.item)
		}
	}
	if len(ix.byHead) > 0 {
		for _, w := range memo.foldedWords(text) {
			for _, it := range ix.byHead[foldedHead(w)] {
				if strings.HasPrefix(w, it.prefix) {
					out = append(out, it.item)
				}
			}
		}
	}
	sort.Ints(out)
	return slices.Compact(out)
}

// namedInSource reports whether the source has a form of a listed name as a name: a form the
// list writes with a capital must have it in the source (Kazakh астана is "capital city"; Астана
// the city); an adjective the list writes in lower case (китайск, қытайлық) may stand anywhere.
func namedInSource(u pipeline.CheckUnit, forms []string) bool {
	for _, f := range forms {
		if abbrev, ok := strings.CutPrefix(f, "~"); ok {
			if u.SourceLang == pipeline.Chinese && hanAbbrevInChain(u.Source, abbrev) {
				return true
			}
			continue
		}
		for _, m := range findTermAll(nil, u.Source, f, u.SourceLang, -1) {
			if inOrganisationName(u.Source, m[0], m[1], u.SourceLang) {
				continue // "Bank of China", 上海合作组织, «Қазақстан темір жолы»: translated as a whole
			}
			if u.SourceLang == pipeline.Chinese && (hanRunsOn(u.Source, m) || hanBeforePlace(u.Source[m[1]:])) {
				continue
			}
			if !isUpperInitial(f) || isUpperInitial(u.Source[m[0]:m[1]]) {
				return true
			}
		}
	}
	return false
}

// hanOrganisationWords are the words that close the Chinese name of an organisation: a name of
// a place before them (中国银行 Bank of China, 上海合作组织 the SCO) belongs to that name.
var hanOrganisationWords = []string{"银行", "集团", "公司", "合作组织", "组织", "大学", "研究院", "委员会", "日报", "电视台", "通讯社"}

// maxHanOrganisationGap: the characters between a place and the word of the organisation named
// after it (工商 in 中国工商银行, 中远海运 in 中国中远海运集团).
const maxHanOrganisationGap = 8

// hanNameBreaks are characters that end a name: conjunctions, prepositions, particles and the
// verbs that follow a subject.
const hanNameBreaks = "与和及同跟在对向从由于的了是将已为把被等各"

// inOrganisationName reports whether the name at text[start:end] is part of an organisation's
// or a brand's name, which a translation renders as a whole, often by its own name or its
// initials (Bank of China, ICBC, ШОС): a name in quotation marks with other words («Қазақстан
// темір жолы»), an English name after "of" in a run of capitalised words or before one (Bank
// of China, China Development Bank), a Chinese name before the word of an organisation.
func inOrganisationName(text string, start, end int, lang pipeline.Lang) bool {
	if lang == pipeline.Chinese {
		// The organisation's word right after the name or a few characters on, with no word
		// between that would end the name (中国工商银行, but not 中国与哈萨克斯坦银行业).
		rest := []rune(text[end:])
		for k := 0; k <= maxHanOrganisationGap && k < len(rest); k++ {
			if k > 0 && (!isHan(rest[k-1]) || strings.ContainsRune(hanNameBreaks, rest[k-1])) {
				break
			}
			for _, w := range hanOrganisationWords {
				if strings.HasPrefix(string(rest[k:]), w) {
					return true
				}
			}
		}
		return false
	}
	// Inside quotation marks that hold more than the name.
	open := strings.LastIndexAny(text[:start], "«“\"")
	if open >= 0 {
		closeAt := strings.IndexAny(text[end:], "»”\"")
		if closeAt >= 0 && !strings.ContainsAny(text[open:start], "»”") {
			inner := strings.TrimSpace(strings.Trim(text[open:end+closeAt+1], "«»“”\""))
			if len(strings.Fields(inner)) > len(strings.Fields(text[start:end])) {
				return true
			}
		}
	}
	if lang != pipeline.English {
		return false
	}
	before := strings.Fields(text[:start])
	after := strings.Fields(text[end:])
	if n := len(before); n >= 2 && before[n-1] == "of" && isUpperInitial(before[n-2]) && before[n-2] != "The" {
		return true // Bank of China, University of Central Asia
	}
	if len(after) > 0 && isUpperInitial(after[0]) && !strings.ContainsAny(text[end:end+1], ",;:.") &&
		!opensClause(after[0]) {
		return true // China Development Bank, China Railway
	}
	return false
}

// opensClause reports a capitalised English word that begins something new rather than
// continuing a name: a pronoun, an article, a conjunction or a preposition.
func opensClause(w string) bool {
	switch w {
	case "I", "And", "But", "The", "In", "On", "At":
		return true
	}
	return false
}

var (
	hanAbbrevOnce sync.Once
	hanAbbrevs    map[rune]bool
	hanAbbrevFull map[rune]float64  // the weighted length of the name an abbreviation stands for, in English
	hanFullNames  *strings.Replacer // blanks the names of three characters or more
)

// hanAbbrevInChain reports whether the one-character abbreviation a stands in text next to
// another one-character abbreviation of lexicon/names.txt (吉 and 乌 in 中吉乌铁路), after a
// preposition or verb of place (在华, 访乌: hanAbbrevVerbs), or before 方, the country's side
// (乌方 "the Uzbek side").
func hanAbbrevInChain(text, a string) bool {
	loadHanAbbrevs()
	if !strings.Contains(text, a) {
		return false
	}
	ar := []rune(a)[0]
	// The characters of a full name (塔吉克斯坦 holds 塔吉) are no chain of abbreviations.
	rs := []rune(hanFullNames.Replace(text))
	for i, r := range rs {
		if r == ar && (i > 0 && hanAbbrevs[rs[i-1]] && rs[i-1] != r || i+1 < len(rs) && hanAbbrevs[rs[i+1]] && rs[i+1] != r ||
			r != '中' && i+1 < len(rs) && rs[i+1] == '方' && (i+2 == len(rs) || !strings.ContainsRune(hanFangWords, rs[i+2])) ||
			i > 0 && strings.ContainsRune(hanAbbrevVerbs, rs[i-1]) && r != '中' && (i+1 == len(rs) || !hanNameNext[[2]rune{r, rs[i+1]}])) {
			return true
		}
	}
	return false
}

// hanFangWords are the characters that make 方 the start of a word (方面 "aspect", 方法, 方式,
// 方向, 方案, 土方工程 "earthworks"), not "side": 乌方 is the Uzbek side, 道德方面 no Germany.
const hanFangWords = "面法式向案针位便言程圆形工块"

// hanNameNext holds the first two characters of the full names whose first character is an
// abbreviation (吉尔, 乌兹): after 在, 吉尔 is the start of a name, not the abbreviation.
var hanNameNext = map[[2]rune]bool{}

// hanAbbrevVerbs are the prepositions and verbs of place before which Chinese writes a country by
// its one-character abbreviation alone: 在哈 "in Kazakhstan", 驻哈, 赴吉, 访乌, 对塔, 自华进口
// "imports from China", 入华.
const hanAbbrevVerbs = "在驻赴访对来抵离返援涉自入"

// loadHanAbbrevs reads the one-character abbreviations of lexicon/names.txt, the weighted
// length of the full name each stands for, and the replacer that blanks the full names.
func loadHanAbbrevs() {
	hanAbbrevOnce.Do(func() {
		hanAbbrevs, hanAbbrevFull = map[rune]bool{}, map[rune]float64{}
		var long []string
		for _, n := range names() {
			for _, f := range n[pipeline.Chinese] {
				f = strings.TrimPrefix(f, "~")
				switch rs := []rune(f); {
				case len(rs) == 1:
					hanAbbrevs[rs[0]] = true
				case len(rs) >= 3:
					long = append(long, f, "　")
				}
			}
			// The full name weighs as the English one does (Kyrgyzstan, 10): three to a Han
			// character would weigh 吉尔吉斯斯坦 as 18, far more than any language spells it.
			full := 0.0
			if en := n[pipeline.English]; len(en) > 0 {
				full = weightedLengthStripped(en[0])
			}
			for _, f := range n[pipeline.Chinese] {
				if rs := []rune(strings.TrimPrefix(f, "~")); strings.HasPrefix(f, "~") && len(rs) == 1 {
					hanAbbrevFull[rs[0]] = full
				}
			}
			for _, f := range n[pipeline.Chinese] {
				if rs := []rune(f); len(rs) >= 2 && !strings.HasPrefix(f, "~") {
					hanNameNext[[2]rune{rs[0], rs[1]}] = true
				}
			}
		}
		hanFullNames = strings.NewReplacer(long...)
	})
}

// hanAbbrevWeight is what the one-character abbreviations in a chain (中哈边界, 中吉乌铁路) add
// to the weighted length of a Chinese text: each says a whole name (哈 is 哈萨克斯坦,
// "Kazakhstan"), which the other languages spell out, so a length compared with theirs counts
// the full name.
func hanAbbrevWeight(s string) float64 {
	loadHanAbbrevs()
	rs := []rune(hanFullNames.Replace(s))
	n := 0.0
	for i, r := range rs {
		w, ok := hanAbbrevFull[r]
		if ok && w > 3 && (i > 0 && hanAbbrevs[rs[i-1]] && rs[i-1] != r || i+1 < len(rs) && hanAbbrevs[rs[i+1]] && rs[i+1] != r) {
			n += w - 3
		}
	}
	return n
}

// formHead is the folded first three letters of a name's or a concept's form (of its headWord):
// every form of the name or concept holds a word that begins with them.
// nameFormHeads holds formHead of every form of the listed names and their derivatives, read
// once: formFinder.has asks for them on every unit.
var (
	nameFormHeadsOnce sync.Once
	nameFormHeads     map[string]string
)

// nameFormHead is formHead(f), read from nameFormHeads for a listed name's form.
func nameFormHead(f string) string {
	nameFormHeadsOnce.Do(func() {
		nameFormHeads = map[string]string{}
		for _, list := range [][]anchorName{names(), nameRenders()} {
			for _, n := range list {
				for _, forms := range n {
					for _, form := range forms {
						nameFormHeads[form] = formHead(form)
					}
				}
			}
		}
	})
	if h, ok := nameFormHeads[f]; ok {
		return h
	}
	return formHead(f)
}

func formHead(f string) string { return foldedHead(headWord(foldWord(f))) }

// headWord is the word of a form by which it is looked up: its first word of three letters or
// more («в прошлом году» by «прошлом», "at the end of" by "the"… "end"), else its first word. A
// text holds every word of a form, so one whose words lack that word's first letters lacks the
// form, and a short first word (в, a, at) would make every text a candidate.
func headWord(f string) string {
	first := ""
	for w := range strings.FieldsSeq(f) {
		if first == "" {
			first = w
		}
		if utf8.RuneCountInString(w) >= 3 && !shortHeadWords[w] {
			return w
		}
	}
	if first == "" {
		return f
	}
	return first
}

// shortHeadWords are function words of three letters that begin forms and most texts: a form
// is looked up by a later word.
var shortHeadWords = wordSet("the and for per than чем как")

// foldedHead is the first three letters of a folded word.
func foldedHead(f string) string {
	n := 0
	for i := range f {
		if n == 3 {
			return f[:i]
		}
		n++
	}
	return f
}

// latinWords reports a Russian or Kazakh translation that writes some words in Latin letters: a
// brand or a company's own name kept as it is written (China Southern, Air Astana), whose
// English words render the source's names and words (中国南方航空).
func latinWords(text string, lang pipeline.Lang) bool {
	if lang != pipeline.Russian && lang != pipeline.Kazakh {
		return false
	}
	run := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			if run++; run >= 3 {
				return mostlyInScript(text, lang) // not a copy of an English source
			}
			continue
		}
		run = 0
	}
	return false
}

// hanWordsAcross are Chinese words that a short name form runs into: 上合 (the SCO) in 上合作
// ("… on cooperation", 上 + 合作).
var hanWordsAcross = []string{"合作"}

// hanRunsOn reports a match m of a name form in s whose last character begins a word of
// hanWordsAcross: the characters are that word's, not the name's.
func hanRunsOn(s string, m [2]int) bool {
	_, size := utf8.DecodeLastRuneInString(s[:m[1]])
	for _, w := range hanWordsAcross {
		if strings.HasPrefix(s[m[1]-size:], w) {
			return true
		}
	}
	return false
}

// hanBeforePlace reports a Chinese text that begins with a listed name of two characters or more:
// a country right before one of its places (中国新疆, 中国西安) says whose place it is, which a
// translation leaves to the place's name (Xinjiang, Xi'an).
func hanBeforePlace(rest string) bool {
	for _, n := range names() {
		for _, f := range n[pipeline.Chinese] {
			if utf8.RuneCountInString(f) >= 2 && !strings.HasPrefix(f, "~") && strings.HasPrefix(rest, f) {
				return true
			}
		}
	}
	return false
}

// capitalOf pairs a country with its capital, by their first English forms in lexicon/names.txt:
// prose names a government by its capital ("Beijing and Astana agreed", «Пекин заявил») and a
// translation may name it by the country, or the other way round.
var capitalOf = map[string]string{"China/Chinese": "Beijing/Peking", "Kazakhstan/Kazakhstani/Kazakh": "Astana",
	"Kyrgyzstan/Kyrgyz": "Bishkek", "Uzbekistan/Uzbek": "Tashkent", "Tajikistan/Tajik": "Dushanbe",
	"Turkmenistan/Turkmen": "Ashgabat", "Russia/Russian": "Moscow"}

var (
	metonymOnce sync.Once
	metonyms    map[int]int // a name's index → the index of its country or capital
)

// metonymRendered reports whether the translation names the country of a listed capital, or the
// capital of a listed country, that the source names (i, an index of names()) and the source
// does not name itself.
func metonymRendered(i int, u pipeline.CheckUnit, has func(forms []string, text string, lang pipeline.Lang, name bool) bool) bool {
	metonymOnce.Do(func() {
		metonyms = map[int]int{}
		index := map[string]int{}
		for k, n := range names() {
			index[strings.Join(n[pipeline.English], "/")] = k
		}
		for country, capital := range capitalOf {
			a, okA := index[country]
			b, okB := index[capital]
			if okA && okB {
				metonyms[a], metonyms[b] = b, a
			}
		}
	})
	j, ok := metonyms[i]
	// When the source names both (a forum in Astana, Kazakhstan), each is kept on its own.
	return ok && has(nameRenders()[j][u.TargetLang], u.Target, u.TargetLang, true) &&
		!has(names()[j][u.SourceLang], u.Source, u.SourceLang, true)
}
