package text

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Hunspell is a word list with affix rules read from a Hunspell .aff/.dic pair. It knows what
// spell checking of single words needs: SFX and PFX rules with their strip strings and
// conditions, cross products of a prefix and a suffix, FLAG long/num/UTF-8, AF flag aliases and
// the NEEDAFFIX, FORBIDDENWORD and ONLYINCOMPOUND flags. Compounding, two-level suffixes,
// ICONV/OCONV and suggestions are not supported; none of the Debian en_US, ru_RU and kk_KZ
// dictionaries needs them for ordinary words.
//
// Forms are not expanded: the Russian and Kazakh dictionaries hold some 150,000 stems each, which
// expand to well over a million forms. A lookup strips affixes instead, building each candidate
// stem in one reused buffer, so that it costs about the word's length times the rules that fit
// its ends, without copying the word for every rule. A Hunspell is safe for concurrent use.
type Hunspell struct {
	words     map[string]string  // stem → its flags, each flag a rune
	sfx       map[string][]affix // suffix rules by the text they add
	pfx       map[string][]affix // prefix rules by the text they add
	maxSfx    int                // longest added suffix, in bytes
	maxPfx    int
	maxStem   int // longest dictionary stem, in bytes
	needAffix rune
	forbidden rune
	onlyComp  rune
	// stems holds the keys of words: checking a word looks up many candidate stems, nearly all
	// of them no stem, which the filter refuses before the map is asked.
	stems *WordFilter
}

// stem returns the flags of a dictionary stem.
func (h *Hunspell) stem(word string) (string, bool) {
	if !h.stems.MayHold(word) {
		return "", false
	}
	fl, ok := h.words[word]
	return fl, ok
}

// stemBytes is stem for a stem built in a buffer.
func (h *Hunspell) stemBytes(word []byte) (string, bool) {
	if !h.stems.MayHoldHash(FilterHashBytes(word)) {
		return "", false
	}
	fl, ok := h.words[string(word)] // no copy: the compiler looks the bytes up as they are
	return fl, ok
}

type affix struct {
	flag  rune
	cross bool
	strip string
	add   string
	cond  []condElem
}

// condElem is one position of an affix condition: any character, or a set (maybe negated).
type condElem struct {
	any bool
	neg bool
	set string
}

type flagMode int

const (
	flagChar flagMode = iota
	flagLong
	flagNum
)

// LoadHunspell reads a dictionary from its .aff and .dic files (see ReadHunspell).
func LoadHunspell(affPath, dicPath string) (*Hunspell, error) {
	aff, err := os.ReadFile(affPath)
	if err != nil {
		return nil, fmt.Errorf("read hunspell affix file: %w", err)
	}
	dic, err := os.ReadFile(dicPath)
	if err != nil {
		return nil, fmt.Errorf("read hunspell dictionary: %w", err)
	}
	return parseHunspell(aff, dic, affPath, dicPath)
}

// ReadHunspell reads a dictionary from its affix rules and its word list. Both may start with a
// UTF-8 byte order mark and use CRLF line endings, as kk_KZ does; the .aff SET must be UTF-8 (the
// Debian dictionaries are).
func ReadHunspell(aff, dic io.Reader) (*Hunspell, error) {
	a, err := io.ReadAll(aff)
	if err != nil {
		return nil, fmt.Errorf("read hunspell affix file: %w", err)
	}
	d, err := io.ReadAll(dic)
	if err != nil {
		return nil, fmt.Errorf("read hunspell dictionary: %w", err)
	}
	return parseHunspell(a, d, "affix file", "dictionary")
}

// parseHunspell reads both files; errors name the file by affName or dicName.
func parseHunspell(aff, dic []byte, affName, dicName string) (*Hunspell, error) {
	h := &Hunspell{sfx: map[string][]affix{}, pfx: map[string][]affix{}}
	mode, aliases, err := h.parseAff(aff)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", affName, err)
	}
	if err := h.parseDic(dic, mode, aliases); err != nil {
		return nil, fmt.Errorf("%s: %w", dicName, err)
	}
	h.stems = NewWordFilter(len(h.words), 12)
	for w := range h.words {
		h.stems.Add(w)
	}
	return h, nil
}

// lines yields the lines of a file without BOM, CR and trailing blanks. The file is made a string
// once: lines, and the words and flags cut from them, share its memory.
func lines(b []byte, f func(n int, line string) error) error {
	s := strings.TrimPrefix(string(b), "\ufeff")
	for n := 1; s != ""; n++ {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if err := f(n, strings.TrimRight(line, "\r \t")); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return nil
}

func parseFlags(s string, mode flagMode) ([]rune, error) {
	switch mode {
	case flagLong:
		if len(s)%2 != 0 {
			s += " "
		}
		out := make([]rune, 0, len(s)/2)
		for i := 0; i+1 < len(s); i += 2 {
			out = append(out, rune(s[i])<<8|rune(s[i+1]))
		}
		return out, nil
	case flagNum:
		var out []rune
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p == "" {
				continue
			}
			n, err := strconv.Atoi(p)
			if err != nil || n < 0 || n > 65535 {
				return nil, fmt.Errorf("bad numeric flag %q", p)
			}
			out = append(out, rune(n)+0x10000) // away from surrogates and ASCII
		}
		return out, nil
	}
	if !utf8.ValidString(s) {
		return nil, fmt.Errorf("flags %q are not UTF-8", s)
	}
	return []rune(s), nil
}

func (h *Hunspell) parseAff(b []byte) (flagMode, [][]rune, error) {
	mode := flagChar
	var aliases [][]rune
	var special [3]string
	remaining := map[string]int{} // "SFX A" → rule lines still expected
	cross := map[string]bool{}
	err := lines(b, func(_ int, line string) error {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			return nil
		}
		switch f[0] {
		case "SET":
			if len(f) > 1 && !strings.EqualFold(f[1], "UTF-8") {
				return fmt.Errorf("encoding %s not supported (only UTF-8)", f[1])
			}
		case "FLAG":
			if len(f) > 1 {
				switch f[1] {
				case "long":
					mode = flagLong
				case "num":
					mode = flagNum
				}
			}
		case "AF":
			if len(f) > 1 {
				if _, err := strconv.Atoi(f[1]); err == nil && aliases == nil {
					aliases = [][]rune{nil} // AF n header; aliases count from 1
					return nil
				}
				fl, err := parseFlags(f[1], mode)
				if err != nil {
					return err
				}
				aliases = append(aliases, fl)
			}
		case "NEEDAFFIX", "FORBIDDENWORD", "ONLYINCOMPOUND":
			if len(f) > 1 {
				special[map[string]int{"NEEDAFFIX": 0, "FORBIDDENWORD": 1, "ONLYINCOMPOUND": 2}[f[0]]] = f[1]
			}
		case "SFX", "PFX":
			if len(f) < 4 {
				return fmt.Errorf("short %s line", f[0])
			}
			key := f[0] + " " + f[1]
			if remaining[key] == 0 { // header: SFX A Y 12
				n, err := strconv.Atoi(f[3])
				if err != nil {
					return fmt.Errorf("bad %s header: %w", f[0], err)
				}
				remaining[key] = n
				cross[key] = f[2] == "Y"
				return nil
			}
			remaining[key]--
			return h.addRule(f, mode, cross[key])
		}
		return nil
	})
	if err != nil {
		return mode, nil, err
	}
	for i, s := range special {
		if s == "" {
			continue
		}
		fl, err := parseFlags(s, mode)
		if err != nil || len(fl) == 0 {
			continue
		}
		switch i {
		case 0:
			h.needAffix = fl[0]
		case 1:
			h.forbidden = fl[0]
		case 2:
			h.onlyComp = fl[0]
		}
	}
	return mode, aliases, nil
}

func (h *Hunspell) addRule(f []string, mode flagMode, cross bool) error {
	fl, err := parseFlags(f[1], mode)
	if err != nil || len(fl) == 0 {
		return fmt.Errorf("bad affix flag %q", f[1])
	}
	strip := f[2]
	if strip == "0" {
		strip = ""
	}
	add := f[3]
	if i := strings.IndexByte(add, '/'); i >= 0 { // continuation classes: not supported, rule kept
		add = add[:i]
	}
	if add == "0" {
		add = ""
	}
	cond := "."
	if len(f) > 4 {
		cond = f[4]
	}
	a := affix{flag: fl[0], cross: cross, strip: strip, add: add, cond: parseCond(cond)}
	if f[0] == "SFX" {
		h.sfx[add] = append(h.sfx[add], a)
		h.maxSfx = max(h.maxSfx, len(add))
	} else {
		h.pfx[add] = append(h.pfx[add], a)
		h.maxPfx = max(h.maxPfx, len(add))
	}
	return nil
}

// parseCond reads a condition like "[^aeiou]y", "[^аеиоу]ть" or ".". An unclosed set runs to the
// end of the condition.
func parseCond(s string) []condElem {
	if s == "." {
		return nil
	}
	var out []condElem
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch rs[i] {
		case '.':
			out = append(out, condElem{any: true})
		case '[':
			j := i + 1
			neg := j < len(rs) && rs[j] == '^'
			if neg {
				j++
			}
			k := j
			for k < len(rs) && rs[k] != ']' {
				k++
			}
			out = append(out, condElem{neg: neg, set: string(rs[j:k])})
			i = k
		default:
			out = append(out, condElem{set: string(rs[i])})
		}
	}
	return out
}

func (c condElem) match(r rune) bool {
	if c.any {
		return true
	}
	return strings.ContainsRune(c.set, r) != c.neg
}

// condSuffix checks a suffix rule's condition against the end of a stem, base followed by strip.
func condSuffix(cond []condElem, base, strip string) bool {
	for i := len(cond) - 1; i >= 0; i-- {
		if strip == "" {
			strip, base = base, ""
		}
		if strip == "" {
			return false
		}
		r, size := utf8.DecodeLastRuneInString(strip)
		if !cond[i].match(r) {
			return false
		}
		strip = strip[:len(strip)-size]
	}
	return true
}

// condPrefix checks a prefix rule's condition against the start of a stem.
func condPrefix(cond []condElem, stem []byte) bool {
	for _, c := range cond {
		if len(stem) == 0 {
			return false
		}
		r, size := utf8.DecodeRune(stem)
		if !c.match(r) {
			return false
		}
		stem = stem[size:]
	}
	return true
}

func (h *Hunspell) parseDic(b []byte, mode flagMode, aliases [][]rune) error {
	h.words = make(map[string]string, bytes.Count(b, []byte("\n")))
	return lines(b, func(n int, line string) error {
		if n == 1 {
			if _, err := strconv.Atoi(strings.TrimSpace(line)); err == nil {
				return nil // the entry count
			}
		}
		if line == "" || line[0] == '\t' || line[0] == '#' {
			return nil
		}
		if i := strings.IndexByte(line, '\t'); i >= 0 { // morphological fields
			line = line[:i]
		}
		if i := strings.IndexByte(line, ' '); i >= 0 {
			line = line[:i]
		}
		word, flagStr := line, ""
		if strings.IndexByte(line, '\\') < 0 {
			if i := strings.IndexByte(line[min(1, len(line)):], '/'); i >= 0 {
				word, flagStr = line[:i+1], line[i+2:]
			}
		} else {
			for i := 0; i < len(line); i++ {
				if line[i] == '\\' {
					i++
					continue
				}
				if line[i] == '/' && i > 0 {
					word, flagStr = line[:i], line[i+1:]
					break
				}
			}
			word = strings.ReplaceAll(word, `\/`, "/")
		}
		if flagStr != "" && mode == flagChar && aliases == nil {
			if !utf8.ValidString(flagStr) {
				return fmt.Errorf("flags %q are not UTF-8", flagStr)
			}
			h.words[word] += flagStr // homonyms: the union of their flags
			h.maxStem = max(h.maxStem, len(word))
			return nil
		}
		var fl []rune
		if flagStr != "" {
			if aliases != nil {
				k, err := strconv.Atoi(flagStr)
				if err != nil || k <= 0 || k >= len(aliases) {
					return fmt.Errorf("bad flag alias %q", flagStr)
				}
				fl = aliases[k]
			} else {
				var err error
				if fl, err = parseFlags(flagStr, mode); err != nil {
					return err
				}
			}
		}
		h.words[word] += string(fl) // homonyms: the union of their flags
		h.maxStem = max(h.maxStem, len(word))
		return nil
	})
}

// Valid reports whether the dictionary accepts word exactly as written (no case folding). A word
// longer than a stem with the longest prefix and suffix is refused at once, without a search.
func (h *Hunspell) Valid(word string) bool { return h.valid(word, 0) }

// ValidMinStem is Valid for a caller that distrusts short stems: a form made with an affix counts
// only when its dictionary stem has at least minStem letters. The dictionaries hold single
// letters and two-letter stems, and an affix on them makes many strings words ("к"+"тің").
func (h *Hunspell) ValidMinStem(word string, minStem int) bool { return h.valid(word, minStem) }

func (h *Hunspell) valid(word string, minStem int) bool {
	if h == nil || word == "" || len(word) > h.maxStem+h.maxPfx+h.maxSfx {
		return false
	}
	if fl, ok := h.stem(word); ok && h.bare(fl) {
		return true
	}
	var arr [128]byte
	buf := arr[:0]
	if h.suffixed(word, 0, minStem, buf) {
		return true
	}
	if h.maxPfx == 0 {
		return false
	}
	for l := 0; l <= h.maxPfx && l <= len(word); l++ {
		if l < len(word) && !utf8.RuneStart(word[l]) {
			continue
		}
		for _, a := range h.pfx[word[:l]] {
			buf = append(append(buf[:0], a.strip...), word[l:]...)
			if len(buf) == 0 || !condPrefix(a.cond, buf) {
				continue
			}
			if minStem > 0 && utf8.RuneCount(buf) < minStem {
				continue
			}
			if fl, ok := h.stemBytes(buf); ok && h.usable(fl) && strings.ContainsRune(fl, a.flag) {
				return true
			}
			if a.cross && h.suffixed(string(buf), a.flag, minStem, nil) {
				return true
			}
		}
	}
	return false
}

// suffixed reports whether word is a dictionary stem plus a suffix, building each candidate stem
// in buf. With needFlag set, the stem must also carry that (prefix) flag and the suffix must allow
// cross products. With minStem set, the stem must have that many runes.
func (h *Hunspell) suffixed(word string, needFlag rune, minStem int, buf []byte) bool {
	runes := 0 // of word, counted only to bound the stem
	if minStem > 0 {
		runes = utf8.RuneCountInString(word)
	}
	// k is the length of the suffix in runes; the stem keeps at least one rune of word.
	for k, cut := 0, len(word); cut > 0 && len(word)-cut <= h.maxSfx; k++ {
		rules := h.sfx[word[cut:]]
		base := word[:cut]
		// Rules that strip the same text look up the same stem: the last look-up is kept.
		looked, strip := false, ""
		var fl string
		var ok bool
		for _, a := range rules {
			if needFlag != 0 && !a.cross {
				continue
			}
			if minStem > 0 && runes-k+utf8.RuneCountInString(a.strip) < minStem {
				continue
			}
			if !looked || a.strip != strip {
				looked, strip = true, a.strip
				if a.strip == "" {
					fl, ok = h.stem(base)
				} else {
					buf = append(append(buf[:0], base...), a.strip...)
					fl, ok = h.stemBytes(buf)
				}
			}
			// The stem is looked up before the condition is tested: most candidate stems are no
			// words, and the look-up rules them out for less.
			if !ok || !h.usable(fl) || !strings.ContainsRune(fl, a.flag) {
				continue
			}
			if needFlag != 0 && !strings.ContainsRune(fl, needFlag) {
				continue
			}
			if condSuffix(a.cond, base, a.strip) {
				return true
			}
		}
		_, size := utf8.DecodeLastRuneInString(base)
		cut -= size
	}
	return false
}

// bare reports whether a stem with these flags is a word on its own.
func (h *Hunspell) bare(fl string) bool {
	return h.usable(fl) && (h.needAffix == 0 || !strings.ContainsRune(fl, h.needAffix)) &&
		(h.onlyComp == 0 || !strings.ContainsRune(fl, h.onlyComp))
}

func (h *Hunspell) usable(fl string) bool {
	return h.forbidden == 0 || !strings.ContainsRune(fl, h.forbidden)
}

// IsStem reports whether word is listed in the dictionary as a stem, not only made from one with
// an affix.
func (h *Hunspell) IsStem(word string) bool {
	if h == nil {
		return false
	}
	_, ok := h.stem(word)
	return ok
}

// StemHasFlag reports whether word is listed in the dictionary as a stem carrying the affix
// flag: the way a caller tells a stem's class (in kk_KZ, the nouns carry the plural flag A).
func (h *Hunspell) StemHasFlag(word string, flag rune) bool {
	if h == nil {
		return false
	}
	fl, ok := h.stem(word)
	return ok && h.usable(fl) && strings.ContainsRune(fl, flag)
}

// Words returns the number of dictionary stems.
func (h *Hunspell) Words() int { return len(h.words) }
