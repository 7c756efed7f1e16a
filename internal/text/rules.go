package text

import (
	"embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// The sentence rules of each language live in rules/<lang>.txt, lists a linguist can read and
// extend without touching the code; rules/README.md describes the format and what each list
// means to the splitter.
//
//go:embed rules/*.txt
var rulesFS embed.FS

// abbreviationKind says how a full stop after an abbreviation behaves.
type abbreviationKind uint8

const (
	// notAbbreviation: the full stop is an ordinary one.
	notAbbreviation abbreviationKind = iota
	// prefixAbbreviation always introduces what follows ("Dr. Smith", "т.е. Москва", "г. Астана").
	prefixAbbreviation
	// numberAbbreviation introduces a number ("No. 5", "ст. 12", "рис. 4"); before a capital
	// letter its full stop ends the sentence.
	numberAbbreviation
	// finalAbbreviation often closes a sentence ("etc.", "т.д.", "Inc."): its full stop ends the
	// sentence before a capital letter or a digit.
	finalAbbreviation
	// ambiguousAbbreviation starts a name as often as it ends a sentence ("the U.S. Congress",
	// "funds from the U.S. The rest"): it ends the sentence only before a starter word or a digit.
	ambiguousAbbreviation
)

// unitKind says how a unit written after a number ("2023 г.", "5 млн", "2023 ж.") behaves.
type unitKind uint8

const (
	notUnit unitKind = iota
	// unitEnds: a full stop after the unit ends the sentence as after a finalAbbreviation, unless
	// a day and a month follow or the sentence so far is only a leading preposition and the
	// number ("В 2023 г. Казахстан …").
	unitEnds
	// unitContinues: in a verb-final language the date opens the sentence; the full stop ends
	// it only before a starter word.
	unitContinues
)

// langRules are the lists of one language, merged with those it includes.
type langRules struct {
	abbreviations map[string]abbreviationKind
	finalAfter    map[string]map[string]bool // abbreviation → words after which it is final
	units         map[string]unitKind
	starters      map[string]bool
	leading       map[string]bool
	documentDate  map[string]bool
	countries     map[string]bool
	months        []string
	digraphs      map[string]bool
	continuations []string
	surnameEnds   []string
	oblique       []string
	clock         map[string]bool // a.m., p.m.: the time zone may follow
	timeZones     map[string]bool // GMT, UTC, and the word "time" that ends a zone's name
	enumeration   map[string]bool // etc., т.д., т.б.: they close a list
	sumNouns      map[string]bool // prepositions that join a sum to the noun before it
	dateUnits     map[string]bool // г., в.: units of dates, not of sums
	pastVerbs     []string        // endings of the past tense: -ла, -лся
}

// rules holds the parsed rules of each language; English rules serve any other language.
var rules = loadAllRules()

func loadAllRules() map[pipeline.Lang]*langRules {
	out := map[pipeline.Lang]*langRules{}
	for _, l := range pipeline.Languages {
		r, err := loadRules(string(l), 0)
		if err != nil {
			panic(err) // the files are embedded: a mistake in them fails every test at once
		}
		out[l] = r
	}
	return out
}

func rulesFor(lang pipeline.Lang) *langRules {
	if r := rules[lang]; r != nil {
		return r
	}
	return rules[pipeline.English]
}

func newLangRules() *langRules {
	return &langRules{abbreviations: map[string]abbreviationKind{}, finalAfter: map[string]map[string]bool{},
		units: map[string]unitKind{}, starters: map[string]bool{}, leading: map[string]bool{}, documentDate: map[string]bool{},
		countries: map[string]bool{}, clock: map[string]bool{}, timeZones: map[string]bool{},
		enumeration: map[string]bool{}, sumNouns: map[string]bool{}, dateUnits: map[string]bool{},
		digraphs: map[string]bool{}}
}

// loadRules parses rules/<name>.txt and the files it includes; a language's own entries
// override those of the files it includes.
func loadRules(name string, depth int) (*langRules, error) {
	if depth > 4 {
		return nil, fmt.Errorf("sentence rules: includes nested too deep at %s", name)
	}
	data, err := rulesFS.ReadFile("rules/" + name + ".txt")
	if err != nil {
		return nil, fmt.Errorf("sentence rules: %w", err)
	}
	r := newLangRules()
	section, after := "", ""
	for n, line := range strings.Split(string(data), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "include "):
			inc, err := loadRules(strings.TrimSpace(strings.TrimPrefix(line, "include ")), depth+1)
			if err != nil {
				return nil, err
			}
			r.merge(inc)
			continue
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section, after = strings.TrimSpace(line[1:len(line)-1]), ""
			if rest, ok := strings.CutPrefix(section, "final after:"); ok {
				section, after = "final after", strings.ToLower(strings.TrimSpace(rest))
			}
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(line)) {
			if err := r.add(section, after, w); err != nil {
				return nil, fmt.Errorf("rules/%s.txt:%d: %w", name, n+1, err)
			}
		}
	}
	return r, nil
}

func (r *langRules) add(section, after, w string) error {
	switch section {
	case "prefix":
		r.abbreviations[w] = prefixAbbreviation
	case "number":
		r.abbreviations[w] = numberAbbreviation
	case "final":
		r.abbreviations[w] = finalAbbreviation
	case "ambiguous":
		r.abbreviations[w] = ambiguousAbbreviation
	case "final after":
		if r.finalAfter[w] == nil {
			r.finalAfter[w] = map[string]bool{}
		}
		r.finalAfter[w][after] = true
	case "after-number":
		r.units[w] = unitEnds
	case "after-number-continues":
		r.units[w] = unitContinues
	case "starters":
		r.starters[w] = true
	case "leading":
		r.leading[w] = true
	case "document-date":
		r.documentDate[w] = true
	case "countries":
		r.countries[w] = true
	case "months":
		r.months = append(r.months, w)
	case "initial-digraphs":
		r.digraphs[w] = true
	case "continuations":
		r.continuations = append(r.continuations, w)
	case "surname-endings":
		r.surnameEnds = append(r.surnameEnds, w)
	case "oblique-endings":
		r.oblique = append(r.oblique, w)
	case "time-of-day":
		r.abbreviations[w] = finalAbbreviation
		r.clock[w] = true
	case "time-zones":
		r.timeZones[w] = true
	case "enumeration-end":
		r.enumeration[w] = true
	case "sum-after-noun":
		r.sumNouns[w] = true
	case "date-units":
		r.dateUnits[w] = true
	case "past-verb-endings":
		r.pastVerbs = append(r.pastVerbs, w)
	default:
		return fmt.Errorf("entry %q outside a known section (%q)", w, section)
	}
	return nil
}

func (r *langRules) merge(o *langRules) {
	for k, v := range o.abbreviations {
		r.abbreviations[k] = v
	}
	for k, v := range o.finalAfter {
		r.finalAfter[k] = v
	}
	for k, v := range o.units {
		r.units[k] = v
	}
	for k := range o.starters {
		r.starters[k] = true
	}
	for k := range o.leading {
		r.leading[k] = true
	}
	for k := range o.documentDate {
		r.documentDate[k] = true
	}
	for k := range o.countries {
		r.countries[k] = true
	}
	for k := range o.digraphs {
		r.digraphs[k] = true
	}
	// enumeration-end and sum-after-noun are rules of a language's own word order: they are not
	// taken over from the languages it includes.
	for _, m := range []struct{ to, from map[string]bool }{
		{r.clock, o.clock}, {r.timeZones, o.timeZones},
	} {
		for k := range m.from {
			m.to[k] = true
		}
	}
	r.months = append(r.months, o.months...)
	r.continuations = append(r.continuations, o.continuations...)
	r.surnameEnds = append(r.surnameEnds, o.surnameEnds...)
	r.oblique = append(r.oblique, o.oblique...)
}

// isOblique reports a capitalised word with an ending of an oblique case (not the nominative a
// sentence's subject takes): "Казахстаном", "Россией", "Германии".
func (r *langRules) isOblique(w string) bool { return capitalisedWithEnding(w, 5, r.oblique) }

// isSurname reports a capitalised word with a surname ending: "Иванов", "Сейткалиева",
// "Момышұлы".
func (r *langRules) isSurname(w string) bool { return capitalisedWithEnding(w, 4, r.surnameEnds) }

// capitalisedWithEnding reports a capitalised word of at least minRunes letters that ends, in
// lower case, with one of endings.
func capitalisedWithEnding(w string, minRunes int, endings []string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) || utf8.RuneCountInString(w) < minRunes {
		return false
	}
	lw := strings.ToLower(w)
	for _, e := range endings {
		if strings.HasSuffix(lw, e) {
			return true
		}
	}
	return false
}

// isStarter reports a word that begins sentences ("The", "Она", "Бұл"), read from the start of s.
// A capital letter with a full stop is an initial, not the word it spells: "С. Әлиев", "A. Smith".
func (r *langRules) isStarter(s string) bool {
	w := firstWord(s)
	if len(w) < len(s) && s[len(w)] == '.' && utf8.RuneCountInString(w) == 1 {
		return false
	}
	// A capital I before a word in another script is a Roman numeral: "I квартал", "I жартыжылдық".
	if w == "I" && len(s) > 2 && s[1] == ' ' {
		c, _ := utf8.DecodeRuneInString(s[2:])
		if unicode.IsLetter(c) && !unicode.Is(unicode.Latin, c) {
			return false
		}
	}
	return hasLower(r.starters, w)
}

// hasLower reports whether set holds w in lower case, without building the lower-case string
// for a word that fits a small buffer.
func hasLower(set map[string]bool, w string) bool {
	if len(w) > 48 {
		return set[strings.ToLower(w)]
	}
	var buf [64]byte
	b := buf[:0]
	for _, c := range w {
		b = utf8.AppendRune(b, unicode.ToLower(c))
	}
	return set[string(b)]
}

// continues reports Chinese text that starts with a word carrying a sentence on past a
// quotation: 然后, 随即.
func (r *langRules) continues(after string) bool {
	for _, c := range r.continuations {
		if strings.HasPrefix(after, c) {
			return true
		}
	}
	return false
}

// isTimeZone reports text that starts with a time zone: an acronym ("GMT", "UTC") or up to
// three capitalised words and a word that ends a zone's name ("Beijing time", "Eastern
// Standard Time").
func (r *langRules) isTimeZone(s string) bool {
	for i := range 4 {
		w := firstWord(s)
		if w == "" || i == 0 && r.starters[strings.ToLower(w)] {
			return false // "at 9 a.m. This time …"
		}
		if r.timeZones[strings.ToLower(w)] {
			return i > 0 || w == strings.ToUpper(w)
		}
		if c, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(c) {
			return false
		}
		s = strings.TrimLeft(s[len(w):], " ")
	}
	return false
}

// isMonthAbbreviation reports an abbreviation of three letters or more that begins a month's
// stem: "окт" (октябрь), "янв".
func (r *langRules) isMonthAbbreviation(w string) bool {
	if utf8.RuneCountInString(w) < 3 {
		return false
	}
	for _, m := range r.months {
		if strings.HasPrefix(m, w) {
			return true
		}
	}
	return false
}

// isMonth reports a word that is a form of a month name: "мая", "маусымда", "января".
func (r *langRules) isMonth(w string) bool {
	w = strings.ToLower(w)
	for _, m := range r.months {
		if strings.HasPrefix(w, m) {
			return true
		}
	}
	return false
}

// firstWord returns the letters (and inner hyphens) at the start of s.
func firstWord(s string) string {
	end := len(s)
	for i, r := range s {
		if !unicode.IsLetter(r) && r != '-' {
			end = i
			break
		}
	}
	return s[:end]
}

// IsAbbreviation reports whether w, written without its final full stop ("см", "тыс", "Mr",
// "т.д"), is an abbreviation or a unit of lang's sentence rules: a full stop after it ends the
// word, and the text repair puts a space back after it.
func IsAbbreviation(lang pipeline.Lang, w string) bool {
	return isAbbreviationIn(rulesFor(lang), w)
}

// isAbbreviationIn is IsAbbreviation with the rules at hand.
func isAbbreviationIn(r *langRules, w string) bool {
	lower := lowerWord(w)
	return r.abbreviations[lower] != notAbbreviation || r.units[lower] != notUnit
}

// IsInitials reports a token made of capital initials: "J", "J.R.R", "Н.А", "К.-Ж", or a digraph
// initial such as "Sh" or "Дж". Before a capitalised word these are part of a name.
func IsInitials(token string) bool {
	return isInitialsIn(token, rules[pipeline.Russian])
}

func isInitialsIn(token string, r *langRules) bool {
	if token == "" {
		return false
	}
	if len(token) <= 4 && hasLower(r.digraphs, token) {
		first, n := utf8.DecodeRuneInString(token)
		second, _ := utf8.DecodeRuneInString(token[n:])
		return unicode.IsUpper(first) && !unicode.IsUpper(second)
	}
	// Every part between the separators ('.' and '-') is one capital letter.
	run := 0
	for _, c := range token {
		if c == '.' || c == '-' {
			run = 0
			continue
		}
		run++
		if run > 1 || !unicode.IsUpper(c) {
			return false
		}
	}
	// No separator is doubled or leading.
	return !strings.Contains(token, "..") && token[0] != '.' && token[0] != '-'
}
