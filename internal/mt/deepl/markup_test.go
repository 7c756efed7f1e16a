package deepl

import (
	"context"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// TestInlineMarkupUsesXMLTagHandling: texts with placeholder tags go out with tag_handling=xml and
// the rest of the text escaped, and come back as plain text with the tags in place.
func TestInlineMarkupUsesXMLTagHandling(t *testing.T) {
	t.Parallel()
	f := &fakeDeepL{}
	c := start(t, f)
	out, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: pipeline.English, TargetLang: pipeline.Russian,
		Texts: []string{"See <g1>the report</g1> on R&D <x2/> for 5 < 6.", "Plain text & more."}})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.requests) != 1 || f.requests[0].TagHandling != "xml" {
		t.Fatalf("requests %+v, want tag_handling xml", f.requests)
	}
	if got := f.requests[0].Text[0]; got != "See <g1>the report</g1> on R&amp;D <x2/> for 5 &lt; 6." {
		t.Errorf("sent %q", got)
	}
	if out[0] != "RU:See <g1>the report</g1> on R&D <x2/> for 5 < 6." || out[1] != "RU:Plain text & more." {
		t.Errorf("got %q", out)
	}

	plain := &fakeDeepL{}
	pc := start(t, plain)
	if _, err := pc.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: pipeline.English, TargetLang: pipeline.Russian,
		Texts: []string{"No markup & no tags."}}); err != nil {
		t.Fatal(err)
	}
	if plain.requests[0].TagHandling != "" || plain.requests[0].Text[0] != "No markup & no tags." {
		t.Errorf("a text without markup was sent as %+v", plain.requests[0])
	}
}
