package document

import (
	"strings"
	"testing"
)

// TestLineBreakHyphens: a hyphen at a line's end is a hyphenation's, joined away, unless the
// text shows a compound: it writes the compound with its hyphen elsewhere, or a word that opens
// compounds stands before it and no suffix after.
func TestLineBreakHyphens(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"the distri-\nbution of water":                                 "the distri\u00AD\nbution of water",
		"more cross-\nborder trade":                                    "more cross-\nborder trade",
		"a long-\nterm plan":                                           "a long-\nterm plan",
		"the state-\nment said":                                        "the state\u00AD\nment said",
		"a short-\nage of wagons":                                      "a short\u00AD\nage of wagons",
		"распреде-\nление воды":                                        "распреде\u00AD\nление воды",
		"a Beijing-backed loan and a Beijing-\nbacked bank":            "a Beijing-backed loan and a Beijing-\nbacked bank",
		"crossborder trade grew; more cross-\nborder trade is planned": "crossborder trade grew; more cross\u00AD\nborder trade is planned",
		"складывалось по-\nразному":                                    "складывалось по-\nразному",
		"во-\nпервых, и что-\nто ещё":                                  "во-\nпервых, и что-\nто ещё",
		"по-\nставки выросли":                                          "по\u00AD\nставки выросли",
	} {
		if got := markLineBreakHyphens(in); got != want {
			t.Errorf("markLineBreakHyphens(%q) = %q, want %q", in, strings.ReplaceAll(got, "\u00AD", "<soft>"), want)
		}
	}
}
