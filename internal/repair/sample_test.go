package repair

import (
	"os"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// TestSampleArticle repairs a real article pasted from a PDF: the known joins must be repaired,
// names and correct words must stay. Every change and question is logged for review.
func TestSampleArticle(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		t.Fatalf("the sample article is tracked in samples/ and must be there: %v", err)
	}
	text := string(raw)
	res := repairer(t).Repair(text, pipeline.English)
	for _, c := range res.Changes {
		line, col := position(text, c.Start)
		t.Logf("%d:%d %q → %q (%s)", line, col, c.Before, c.After, c.Rule)
	}
	for _, q := range res.Questions {
		line, col := position(text, q.Start)
		t.Logf("%d:%d ? %q %v: %s", line, col, q.Token, q.Candidates, q.Reason)
	}
	t.Logf("%d changes, %d questions", len(res.Changes), len(res.Questions))
	if got := Apply(text, res.Changes); got != res.Text {
		t.Fatalf("Apply(input, Changes) differs from Result.Text")
	}
	for _, want := range []string{"in Central Asia", "strategically important", "cooperation not",
		"benefit and", "region’s leading", "the “Central", "key tools", "the Central"} {
		if !strings.Contains(res.Text, want) {
			t.Errorf("repaired text lacks %q", want)
		}
	}
	for _, bad := range []string{"inCentral", "strategicallyimportant", "cooperationnot", "benefitand", "region’sleading"} {
		if strings.Contains(res.Text, bad) {
			t.Errorf("join %q left in the text", bad)
		}
	}
	// Names, hyphenated and correct words must come through untouched.
	for _, keep := range []string{"Kazakhstan", "Kyrgyzstan", "Uzbekistan", "Tajikistan", "Turkmenistan",
		"party-building", "socio-economic", "People’s Republic", "Belt and Road Initiative (BRI)",
		"China-Central Asia Network", "21st century", "together", "however"} {
		if strings.Contains(text, keep) && !strings.Contains(res.Text, keep) {
			t.Errorf("correct text %q was changed", keep)
		}
	}
}
