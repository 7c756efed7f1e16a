package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// An enumeration ("food security, the digital economy and climate change") has as many items in
// a faithful translation as in its source, whatever the lengths of the words: a translation
// that lists fewer has lost one, an omission that leaves the length nearly as it was.

// enumerationConjunctions close an enumeration in each language; Chinese lists join their items
// with 、 and may close with one of these.
var enumerationConjunctions = map[pipeline.Lang][]string{
	pipeline.English: {" and ", " or ", " as well as "},
	pipeline.Russian: {" и ", " или ", " а также "},
	pipeline.Kazakh:  {" және ", " мен ", " пен ", " бен ", " немесе ", " сондай-ақ "},
	pipeline.Chinese: {"和", "及", "以及", "与", "或"},
}

// Limits of an enumeration's items: a few words each. A longer piece between commas is a clause,
// not an item.
const (
	maxItemWords = 6
	maxItemRunes = 60
	maxItemHan   = 12
)

// enumerationItems returns the number of items of the longest enumeration in s: the items
// separated by commas right before a closing conjunction, plus the one before them and the one
// after it ("A, B and C" has three). In Chinese the items are separated by 、 and the
// conjunction may be missing ("铜、锂、稀土"). A pair joined by a conjunction alone counts two;
// text without a conjunction counts 0.
func enumerationItems(s string, lang pipeline.Lang) int {
	if lang == pipeline.Chinese {
		return hanEnumerationItems(s)
	}
	best := 0
	lower := strings.ToLower(s)
	orig := s // whose capitals tell a sentence's full stop, when its offsets are lower's
	if len(lower) != len(s) {
		orig = ""
	}
	for _, conj := range enumerationConjunctions[lang] {
		for from := 0; ; {
			i := strings.Index(lower[from:], conj)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(conj)
			before := strings.TrimSuffix(lower[:at], ",")
			// The clause the enumeration stands in starts after the last strong punctuation (a
			// full stop that ends a sentence, not an abbreviation's: "100 тыс. человек").
			before = before[clauseStart(before, orig):]
			pieces := strings.Split(before, ", ")
			items := 1 // the item after the conjunction
			for k := len(pieces) - 1; k >= 0; k-- {
				p := strings.TrimSpace(pieces[k])
				if p == "" {
					break
				}
				role := pieceRole(p)
				if k == 0 && role == pieceLeadIn && lang == pipeline.English && sentenceAdverbial(p) {
					role = pieceAdverbial // "Under a new agreement, A and B …"
				}
				switch role {
				case pieceAdverbial:
					// "In 2024, Kazakhstan and China": the piece before the items is no item.
				case pieceLeadIn:
					if k > 0 && insertedPhrase(p, pieces[k-1]) {
						break // "грузов, идущих по маршруту Китай — Европа, составляют автомобили и …"
					}
					if lang == pipeline.Kazakh && kkFiniteVerbLast(p) {
						break // "… деп бағаланады, олар зауыттар мен фермаларда …": a clause of its own
					}
					items++ // "… discussed food security, …": what leads to the first item, and it
				default:
					items++
					continue
				}
				break
			}
			best = max(best, items)
		}
	}
	return best
}

// hanEnumerationItems counts the items of the longest 、-list in Chinese text: the runs of a few
// characters between 、, the one before the first, and the one after the last (up to a
// conjunction or punctuation).
func hanEnumerationItems(s string) int {
	best := 0
	for _, clause := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("，。；：！？,;:!?", r) }) {
		parts := strings.Split(clause, "、")
		run := 0
		for k, p := range parts {
			if k > 0 && k < len(parts)-1 && utf8.RuneCountInString(p) > maxItemHan {
				run = 0
				continue
			}
			run++
			best = max(best, run)
		}
		if len(parts) == 1 {
			continue
		}
		// A closing conjunction in the last part adds its second item: 铜、锂和稀土.
		last := parts[len(parts)-1]
		for _, conj := range enumerationConjunctions[pipeline.Chinese] {
			if i := strings.Index(last, conj); i > 0 && utf8.RuneCountInString(last[:i]) <= maxItemHan {
				best = max(best, run+1)
				break
			}
		}
	}
	if best <= 1 {
		// No 、-list: a pair joined by a conjunction ("粮食安全和气候变化") counts two.
		for _, conj := range []string{"和", "及", "与"} {
			if strings.Contains(s, conj) {
				return 2
			}
		}
		return 0
	}
	return best
}

// enumerationDeficit returns the item counts when the translation's longest enumeration, which
// it has, lists fewer items than the source's of three or more.
func enumerationDeficit(u pipeline.CheckUnit) (src, tgt int, short bool) {
	src = enumerationItems(stripMarkup(u.Source), u.SourceLang)
	if src < 3 {
		return src, 0, false
	}
	tgt = enumerationItems(stripMarkup(u.Target), u.TargetLang)
	return src, tgt, tgt >= 2 && tgt < src
}

// clauseStart returns where in before, the lower-cased start of orig, the clause that ends
// before starts: after the last semicolon, colon, bracket, quotation mark, ! or ?, or full stop
// that ends a sentence (one before a capital or a digit, not the full stop of an abbreviation:
// "100 тыс. человек"); 0 if there is none. Without orig (lower-casing changed the text's
// length), every full stop ends a sentence.
func clauseStart(before, orig string) int {
	sameOffsets := orig != ""
	for j := len(before); j > 0; {
		r, size := utf8.DecodeLastRuneInString(before[:j])
		j -= size
		switch {
		case r == '.':
			if !sameOffsets || j+2 >= len(before) || before[j+1] != ' ' {
				return j + size
			}
			if next, _ := utf8.DecodeRuneInString(orig[j+2:]); unicode.IsUpper(next) || unicode.IsDigit(next) {
				return j + size
			}
		case strings.ContainsRune(";:!?()\"«»“”", r):
			return j + size
		}
	}
	return 0
}

// sentenceAdverbial reports a piece that opens an English sentence with a preposition and is no
// longer than an item: a phrase of time, place or manner set before the subject ("Under a new
// agreement, …"), which holds no item of the enumeration after it. (Russian and Kazakh put the
// verb and the first item in such a piece: «В коллекцию входят рукописи, монеты и оружие».)
func sentenceAdverbial(p string) bool {
	f := strings.Fields(p)
	return len(f) > 0 && len(f) <= maxItemWords && adverbialOpeners[f[0]]
}

// maxAdverbialWords: a longer piece that opens with a preposition is a clause that ends with the
// first item, not a phrase set off before the items.
const maxAdverbialWords = 3

// The roles of a piece between commas before an enumeration's conjunction.
const (
	pieceItem      = iota // one item
	pieceLeadIn           // a clause that ends with the first item: "which includes Chinese"
	pieceAdverbial        // a phrase before the items that holds none: "In 2024", "signed in Astana"
)

// relativeOpeners open a clause that leads to the enumeration's first item.
var relativeOpeners = wordSet("which who whom whose that where when while including such " +
	"который которая которое которые которых которым которыми котором которой которую что где когда чтобы включая")

// clauseOpeners join a clause to the one before it ("…, однако в Костанае и Петропавловске …"):
// a piece that opens with one starts a clause, and the pieces before it hold no item of its
// enumeration.
var clauseOpeners = wordSet("however but whereas однако но зато алайда бірақ дегенмен")

// kkFiniteVerbLast reports a Kazakh piece that ends with a verb that closes a clause
// (kkClauseEndings: бағаланады, сатылды, артқанымен) or a word that closes one as its predicate
// (керек, мүмкін): a clause, whose items, if any, stand before its verb.
// A capitalised last word is a name (Ресейді, the accusative), and -йды, -уда are left out: they
// also end nouns (үйді, Ақтауда).
func kkFiniteVerbLast(p string) bool {
	f := strings.FieldsFunc(p, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(f) < 3 {
		return false
	}
	last := f[len(f)-1]
	if kkPredicateWords[last] {
		return true
	}
	if isUpperInitial(last) || utf8.RuneCountInString(last) <= 5 {
		return false
	}
	for _, e := range kkClauseEndings {
		if strings.HasSuffix(last, e) {
			return true
		}
	}
	return false
}

// kkClauseEndings end a Kazakh verb that closes a clause: the present and future tense
// (бағаланады, өседі), the past passive (сатылды, салынды), the converb that joins a clause to
// the next (орнатып, келіп), and the verbs of a clause set before the main one, "although"
// (артқанымен), "because" (болғандықтан), "when" (ашылғанда).
var kkClauseEndings = []string{"ады", "еді", "ылды", "ілді", "ынды", "інді", "ып", "іп",
	"ғанымен", "генімен", "қанымен", "кенімен", "ғандықтан", "гендіктен", "қандықтан", "кендіктен",
	"ғанда", "генде", "қанда", "кенде"}

// partOpeners open a piece that names a part of a whole mentioned before it ("many of them",
// «многие из них»): it leads to the items that follow, and the clause before it holds none.
var partOpeners = map[string]bool{"many of": true, "most of": true, "some of": true, "few of": true, "half of": true,
	"all of": true, "one of": true, "each of": true, "none of": true, "многие из": true, "большинство из": true,
	"часть из": true, "некоторые из": true, "половина из": true, "каждый из": true, "один из": true, "одна из": true}

// adverbialOpeners open a phrase set off by commas that is no item: prepositions (in English
// and Russian) and English participles are recognised.
var adverbialOpeners = wordSet("in on at since by after before during for from under with according over across " +
	"through among despite unlike like as to of " +
	"в во на с со из по к от до после при для за под над о об без через согласно кроме")

// pieceRole tells what a piece between commas is: a clause leading to the first item (long, or
// opening with a relative), a phrase that holds no item (opening with a preposition or a
// participle), or an item.
func pieceRole(p string) int {
	f := strings.Fields(p)
	if len(f) > maxItemWords || utf8.RuneCountInString(p) > maxItemRunes {
		return pieceLeadIn
	}
	first := f[0]
	second := ""
	if len(f) > 1 {
		second = f[1]
	}
	switch {
	case relativeOpeners[first] || strings.HasPrefix(second, "котор") || clauseOpeners[first]:
		return pieceLeadIn
	case partOpeners[first+" "+second] || first == "олардың" || first == "其中":
		return pieceLeadIn // "many of them residents of Balkhash": the part of a whole that leads to the items
	case first == "a" || first == "an":
		return pieceItem // "a room in a dormitory": a noun with its article, not a clause
	case len(f) > maxAdverbialWords:
		return pieceLeadIn // "В ней ключевыми партнёрами названы Китай": a clause, with the first item
	case adverbialOpeners[first] || len(f) > 1 && strings.HasSuffix(first, "ed"):
		return pieceAdverbial
	}
	return pieceItem
}

// insertedPhrase reports a long piece set off by commas after a piece that holds an item or a
// subject (not a phrase of time or place): a participial or appositive phrase inserted in the
// clause, which ends with no item of the enumeration after it (Больше половины грузов, идущих
// по маршруту Китай — Европа через Казахстан, составляют автомобили и запчасти).
func insertedPhrase(p, before string) bool {
	f := strings.Fields(p)
	if len(f) == 0 || relativeOpeners[f[0]] || len(f) > 1 && strings.HasPrefix(f[1], "котор") {
		return false
	}
	b := strings.TrimSpace(before)
	return b != "" && pieceRole(b) == pieceItem
}

// A pair is the shortest list: "rivers and groundwater", «на стройках и в сфере услуг», 小麦和植物油.
// A translation that drops one of its two items drops the conjunction with it, and is a word or
// two shorter: the enumeration check, which wants three items, does not see it. pairDeficit
// counts the joins of coordinated words on both sides, strictly in the source (a conjunction
// that joins clauses or names, or closes "between … and …", may well go in a translation) and
// liberally in the translation (any conjunction, a Kazakh converb that chains two predicates, a
// Chinese 并 or 与), and reports a translation with fewer joins, not longer than usual and with
// no more clause punctuation than its source (a join rendered by a comma).

// pairConjunctions join two coordinated words in a source; targetConjunctions are every word a
// translation may join them with.
var (
	pairConjunctions = map[pipeline.Lang]map[string]bool{
		pipeline.English: wordSet("and or"),
		pipeline.Russian: wordSet("и или"),
		pipeline.Kazakh:  wordSet("және мен пен бен немесе әрі"),
	}
	targetConjunctions = map[pipeline.Lang]map[string]bool{
		pipeline.English: wordSet("and or plus nor"),
		pipeline.Russian: wordSet("и или а также либо"),
		pipeline.Kazakh:  wordSet("және мен пен бен менен немесе әрі сондай-ақ ал да де та те"),
	}
)

// pairBetween opens a range or a relation of two ("between X and Y", «между X и Y»), which
// translations write with a dash (4,5–5, Китай — Европа) or fold into one word (中哈).
var pairBetween = wordSet("between между")

// hanJoinWords hold 和 or 及 without joining two words (和平 "peace", 涉及 "concern").
var hanJoinWords = strings.NewReplacer("和平", "", "共和", "", "和谐", "", "总和", "", "缓和", "", "温和", "",
	"涉及", "", "埃及", "", "普及", "", "及时", "", "及其", "", "提及", "", "波及", "", "顾及", "", "不及", "", "以及", "及")

// coordinationJoins counts the joins of coordinated words in s: conjunctions, and in a
// translation the commas of an enumeration of three or more items (enumerationItems; a source's
// longer lists are enumerationDeficit's). In a source (strict) a conjunction after a comma,
// before a capitalised word or a number, or after "between" is not counted. A translation is
// counted only up to enough, the source's count: that is all pairDeficit asks.
func coordinationJoins(memo *wordMemo, s string, lang pipeline.Lang, source bool, enough int) int {
	n := 0
	if lang == pipeline.Chinese {
		s = hanJoinWords.Replace(s)
		for _, r := range s {
			switch r {
			case '和', '及', '、':
				n++
			case '与', '并', '而', '同', '跟':
				if !source {
					n++
				}
			}
		}
		return n
	}
	conj := pairConjunctions[lang]
	if !source {
		conj = targetConjunctions[lang]
	}
	ws, fws := memo.words(s), memo.foldedWords(s)
	for i, w := range fws {
		if !source && n >= enough {
			return n
		}
		if i == 0 || !conj[w] {
			if !source && (lang == pipeline.Kazakh && kkConverbComma.MatchString(w+s[ws[i].End:min(len(s), ws[i].End+1)]) || pairCompound(s, ws[i]) || fusedPair(w)) {
				// беріп, …: two predicates of one subject; торгово-экономический, ата-ана,
				// тау-кен: a pair written as one hyphenated word.
				n++
			}
			continue
		}
		if source {
			gap := s[ws[i-1].End:ws[i].Start]
			if strings.ContainsAny(gap, ",;:—–-") || i+1 >= len(ws) {
				continue
			}
			if isUpperInitial(ws[i+1].Text) || strings.ContainsAny(s[ws[i].End:ws[i+1].Start], "$0123456789") {
				continue
			}
			between := false
			for j := max(0, i-5); j < i; j++ {
				between = between || pairBetween[fws[j]]
			}
			if between {
				continue
			}
		}
		n++
	}
	if !source && n < enough {
		if items := enumerationItems(s, lang); items >= 3 {
			n += items - 2 // a pair rendered as part of a longer list
		}
	}
	return n
}

// clausePunctuation counts commas, semicolons and colons, half- and full-width.
func clausePunctuation(s string) int {
	n := 0
	for _, r := range s {
		switch r {
		case ',', ';', ':', '，', '；', '：':
			n++
		}
	}
	return n
}

// pairDeficit returns the joins of source and translation when the translation, not longer than
// usual (pct below 100) and with no more clause punctuation, has fewer. Only an English or a
// Russian translation is judged: they keep a pair's conjunction (or write a hyphenated compound,
// pairCompound), where Kazakh folds it into a converb or a comitative (Қытаймен) and Chinese into
// a contraction (进出口, 经贸, 油气) that no count sees.
func pairDeficit(u pipeline.CheckUnit, memo *wordMemo, pct int) (src, tgt int, short bool) {
	if pct >= 100 || u.TargetLang != pipeline.English && u.TargetLang != pipeline.Russian {
		return 0, 0, false
	}
	s, t := memo.stripped(u.Source), memo.stripped(u.Target)
	src = coordinationJoins(memo, s, u.SourceLang, true, 0)
	if src == 0 {
		return 0, 0, false
	}
	tgt = coordinationJoins(memo, t, u.TargetLang, false, src)
	return src, tgt, tgt < src && clausePunctuation(t) <= clausePunctuation(s)
}

// fusedPairs begin the Russian words that fuse a pair into one without a hyphen: золотовалютные
// резервы ("gold and foreign exchange reserves"), нефтегазовый ("oil and gas"), плодоовощной
// ("fruit and vegetable"), агропромышленный ("agricultural and industrial").
var fusedPairs = []string{"золотовалютн", "нефтегаз", "газонефт", "плодоовощ", "агропромышлен", "лесостеп", "мясомолоч"}

// fusedPair reports a folded word that begins with one of fusedPairs.
func fusedPair(w string) bool {
	for _, p := range fusedPairs {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// pairCompound reports a word of two parts of three letters or more joined by a hyphen, the
// second in lower case (Алма-Ата is a name): Russian and Kazakh write a pair of adjectives or
// nouns so (торгово-экономический, научно-технический, ата-ана "parents", тау-кен "mining").
// The words of a text stop at a hyphen or run across it; w is one of them in s.
func pairCompound(s string, w word) bool {
	a, b := w.Text, ""
	if i := strings.IndexByte(a, '-'); i >= 0 {
		a, b = a[:i], a[i+1:]
	} else if rest := s[w.End:]; strings.HasPrefix(rest, "-") {
		b = rest[1:]
		if j := strings.IndexFunc(b, func(r rune) bool { return !unicode.IsLetter(r) }); j >= 0 {
			b = b[:j]
		}
	} else {
		return false
	}
	return utf8.RuneCountInString(a) >= 3 && utf8.RuneCountInString(b) >= 3 && !isUpperInitial(b) &&
		!strings.ContainsAny(a+b, "0123456789")
}
