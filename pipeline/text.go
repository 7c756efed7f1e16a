package pipeline

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// TextFault names what makes a value unacceptable as text a person sent: every stored value is
// PostgreSQL text, which cannot hold NUL, and a value that is not UTF-8 would otherwise be stored
// with U+FFFD in place of what was sent, which changes it without a word.
type TextFault string

const (
	TextOK          TextFault = ""
	TextInvalidUTF8 TextFault = "invalid_utf8"
	TextNUL         TextFault = "nul"
	// TextControl is a control character other than tab, newline and carriage return in a
	// single-line value (a name, a byline, a category, a reason): such characters cannot be
	// typed, are invisible on a page and break the lines of feeds and exports.
	TextControl TextFault = "control"
)

// CheckText reports the first fault of s, with the offending character for TextControl. Text of
// several lines (an article, a translation, a comment) may hold any character but NUL.
func CheckText(s string, singleLine bool) (TextFault, rune) {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !validRuneAt(s, i):
			return TextInvalidUTF8, r
		case r == 0:
			return TextNUL, r
		case singleLine && IsControlChar(r):
			return TextControl, r
		}
	}
	return TextOK, 0
}

// IsControlChar reports a control character other than tab, newline and carriage return.
func IsControlChar(r rune) bool {
	return unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r'
}

// RuneCode writes a character as U+XXXX, for messages that must show an invisible one.
func RuneCode(r rune) string { return fmt.Sprintf("U+%04X", r) }

// validRuneAt tells a real U+FFFD in s from the replacement range yields for a bad byte.
func validRuneAt(s string, i int) bool {
	r, size := utf8.DecodeRuneInString(s[i:])
	return r != utf8.RuneError || size == 3
}
