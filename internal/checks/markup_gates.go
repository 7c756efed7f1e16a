package checks

import (
	"regexp"
	"strings"
)

// markupGate is a bit per markup pattern: set when the text holds the literal that every match
// of the pattern contains, so that the pattern may match.
type markupGate uint8

const (
	gateFootnote    markupGate = 1 << iota // "[^"
	gateMDLink                             // "]("
	gateTag                                // "<"
	gatePlaceholder                        // "{", "⟨" or "%"
	gateURL                                // "://", or "www." in any letter case
	gateSuperscript                        // ¹²³⁰⁴⁵⁶⁷⁸⁹
	gateEmphasis                           // "*" or "__"
)

// markupGates scans s for the literals of the markup patterns, with the byte searches of the
// strings package (vectorised), never rune by rune.
func markupGates(s string) markupGate {
	var g markupGate
	if strings.Contains(s, "[^") {
		g |= gateFootnote
	}
	if strings.Contains(s, "](") {
		g |= gateMDLink
	}
	if strings.IndexByte(s, '<') >= 0 {
		g |= gateTag
	}
	if strings.IndexByte(s, '{') >= 0 || strings.IndexByte(s, '%') >= 0 || strings.Contains(s, "⟨") {
		g |= gatePlaceholder
	}
	if strings.Contains(s, "://") || hasWWW(s) {
		g |= gateURL
	}
	if hasSuperscript(s) {
		g |= gateSuperscript
	}
	if strings.IndexByte(s, '*') >= 0 || strings.Contains(s, "__") {
		g |= gateEmphasis
	}
	return g
}

// hasWWW reports whether s holds "www." in any letter case, as reURL's (?i) matches it.
func hasWWW(s string) bool {
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '.')
		if j < 0 {
			return false
		}
		i += j
		if i >= 3 && s[i-1]|0x20 == 'w' && s[i-2]|0x20 == 'w' && s[i-3]|0x20 == 'w' {
			return true
		}
		i++
	}
}

// hasSuperscript reports whether s holds a superscript digit: ¹ ² ³ are U+00B9, U+00B2, U+00B3
// (C2 B9, C2 B2, C2 B3 in UTF-8); ⁰ and ⁴ to ⁹ are U+2070 and U+2074–U+2079 (E2 81 B0, E2 81
// B4–B9).
func hasSuperscript(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case 0xC2:
			if c := s[i+1]; c == 0xB9 || c == 0xB2 || c == 0xB3 {
				return true
			}
		case 0xE2:
			if i+2 < len(s) && s[i+1] == 0x81 {
				if c := s[i+2]; c == 0xB0 || c >= 0xB4 && c <= 0xB9 {
					return true
				}
			}
		}
	}
	return false
}

// find runs re on s when the gate is set.
func (g markupGate) find(gate markupGate, re *regexp.Regexp, s string) [][]int {
	if g&gate == 0 {
		return nil
	}
	return re.FindAllStringIndex(s, -1)
}

// findSub runs re with its groups on s when the gate is set.
func (g markupGate) findSub(gate markupGate, re *regexp.Regexp, s string) [][]int {
	if g&gate == 0 {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}
