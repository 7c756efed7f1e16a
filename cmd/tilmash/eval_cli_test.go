package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestCLIEvalPrintsScores runs "tilmash eval" on the repository's sentence corpus: one table per
// split with a row per language, and usage errors for an unknown stage or split.
func TestCLIEvalPrintsScores(t *testing.T) {
	t.Parallel()
	evalCLI := func(args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := run(context.Background(), append([]string{"eval", "-dir", "../../testdata/eval"}, args...),
			strings.NewReader(""), &out, &errOut, func(string) string { return "" })
		return code, out.String(), errOut.String()
	}
	code, out, errOut := evalCLI("-stage", "sentences", "-split", "tune,heldout")
	if code != 0 {
		t.Fatalf("eval exited %d: %s", code, errOut)
	}
	for _, want := range []string{"sentences / tune", "sentences / heldout", "en (all)", "ru (all)", "kk (all)", "zh (all)", "precision"} {
		if !strings.Contains(out, want) {
			t.Errorf("eval output lacks %q:\n%s", want, out)
		}
	}
	if code, _, errOut := evalCLI("-stage", "nonsense"); code != 2 || !strings.Contains(errOut, `unknown stage "nonsense"`) {
		t.Errorf("unknown stage: %d %q", code, errOut)
	}
	if code, _, errOut := evalCLI("-split", "train"); code != 2 || !strings.Contains(errOut, `unknown split "train"`) {
		t.Errorf("unknown split: %d %q", code, errOut)
	}
}
