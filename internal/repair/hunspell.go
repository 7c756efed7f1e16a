package repair

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// hunspell answers whether a word is in a Hunspell dictionary, by stripping suffixes at lookup
// time: the Russian and Kazakh dictionaries hold some 150,000 stems each, which expand to well
// over a million forms, too many to embed and hold in memory. Only suffix rules with
// single-character flags are supported, which is what the ru_RU and kk_KZ dictionaries use.
type hunspell struct {
	stems  map[string]string       // stem → its flags
	byAdd  map[string][]suffixRule // the text a rule appends → the rules appending it
	maxAdd int                     // the longest appended text, in runes
}

// suffixRule turns a stem that ends in strip (and matches cond) into a word ending in add.
type suffixRule struct {
	flag  rune
	strip string
	cond  []charClass // matched against the last len(cond) runes of the stem
}

// charClass is one position of an affix condition: a single rune, a set, a negated set or any.
type charClass struct {
	set    string
	negate bool
	any    bool
}

func (c charClass) match(r rune) bool {
	if c.any {
		return true
	}
	return strings.ContainsRune(c.set, r) != c.negate
}

// parseCond reads a Hunspell condition such as "[^аеиоу]ть" or ".".
func parseCond(s string) ([]charClass, error) {
	var out []charClass
	for i := 0; i < len(s); {
		switch s[i] {
		case '.':
			out = append(out, charClass{any: true})
			i++
		case '[':
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("unclosed [ in condition %q", s)
			}
			body := s[i+1 : i+j]
			c := charClass{}
			if strings.HasPrefix(body, "^") {
				c.negate = true
				body = body[1:]
			}
			c.set = body
			out = append(out, c)
			i += j + 1
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			out = append(out, charClass{set: string(r)})
			i += n
		}
	}
	return out, nil
}

// readHunspell parses a cleaned .aff and .dic pair (UTF-8, no BOM, no comments).
func readHunspell(aff, dic io.Reader) (*hunspell, error) {
	h := &hunspell{stems: map[string]string{}, byAdd: map[string][]suffixRule{}}
	sc := bufio.NewScanner(aff)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 5 || f[0] != "SFX" {
			continue // headers ("SFX A Y 12") have four fields; other directives are not needed
		}
		flag, _ := utf8.DecodeRuneInString(f[1])
		strip, add := f[2], f[3]
		if strip == "0" {
			strip = ""
		}
		if add == "0" {
			add = ""
		}
		cond, err := parseCond(f[4])
		if err != nil {
			return nil, err
		}
		h.byAdd[add] = append(h.byAdd[add], suffixRule{flag: flag, strip: strip, cond: cond})
		if n := utf8.RuneCountInString(add); n > h.maxAdd {
			h.maxAdd = n
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	sc = bufio.NewScanner(dic)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	first := true
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if first {
			first = false
			if _, err := strconv.Atoi(line); err == nil {
				continue // the entry count
			}
		}
		if line == "" {
			continue
		}
		word, flags, _ := strings.Cut(line, "/")
		if i := strings.IndexAny(flags, " \t"); i >= 0 {
			flags = flags[:i] // morphological fields are not used
		}
		h.stems[word] += flags
	}
	return h, sc.Err()
}

// known reports whether w, or w with its first letter upper-cased (names), is a dictionary word.
func (h *hunspell) known(w string) bool {
	if h == nil || w == "" {
		return false
	}
	if h.lookup(w) {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	if u := unicode.ToUpper(r); u != r {
		return h.lookup(string(u) + w[n:])
	}
	return false
}

// lookup works on w's bytes, building each candidate stem in one reused buffer: a lookup tries
// every rule for every ending up to maxAdd runes long, and copying the word for each (as it once
// did) made the text repair's cost per word many times the word.
func (h *hunspell) lookup(w string) bool {
	if _, ok := h.stems[w]; ok {
		return true
	}
	runes := utf8.RuneCountInString(w)
	var buf []byte
	cut := len(w)
	for k := 0; k <= h.maxAdd && k < runes; k++ {
		if k > 0 {
			_, size := utf8.DecodeLastRuneInString(w[:cut])
			cut -= size
		}
		rules := h.byAdd[w[cut:]]
		if len(rules) == 0 {
			continue
		}
		base := w[:cut]
		for _, r := range rules {
			if runes-k+utf8.RuneCountInString(r.strip) < 3 {
				continue // single letters are in the dictionaries too, but "к"+"тің" is no word
			}
			buf = append(append(buf[:0], base...), r.strip...)
			flags, ok := h.stems[string(buf)] // no copy: the compiler looks the bytes up as they are
			if !ok || !strings.ContainsRune(flags, r.flag) || !matchEnd(buf, r.cond) {
				continue
			}
			return true
		}
	}
	return false
}

// matchEnd reports whether the last runes of stem match cond.
func matchEnd(stem []byte, cond []charClass) bool {
	for i := len(cond) - 1; i >= 0; i-- {
		if len(stem) == 0 {
			return false
		}
		r, size := utf8.DecodeLastRune(stem)
		if !cond[i].match(r) {
			return false
		}
		stem = stem[:len(stem)-size]
	}
	return true
}
