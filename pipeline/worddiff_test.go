package pipeline_test

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

func TestWordDiff(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, old, new string
		want           string // ops written as =text, -text, +text joined by |
	}{
		{"same", "China and Asia.", "China and Asia.", "=China and Asia."},
		{"typo", "The partys met in Astana.", "The parties met in Astana.", "=The |-partys|+parties|= met in Astana."},
		{"added words", "Trade grew.", "Trade grew quickly last year.", "=Trade grew|+ quickly last year|=."},
		{"removed clause", "Trade grew, as expected, in 2024.", "Trade grew in 2024.", "=Trade grew|-, as expected,|= in 2024."},
		{"phrase rewritten", "a big red car stopped", "a small blue car stopped", "=a |-big red|+small blue|= car stopped"},
		{"punctuation", "Trade grew.", "Trade grew!", "=Trade grew|-.|+!"},
		{"chinese characters", "中国和中亚合作。", "中国与中亚合作。", "=中国|-和|+与|=中亚合作。"},
		{"russian", "Партия укрепила связи.", "Партия заметно укрепила связи.", "=Партия |+заметно |=укрепила связи."},
		{"from empty", "", "New text.", "+New text."},
		{"to empty", "Old text.", "", "-Old text."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ops := pipeline.WordDiff(tt.old, tt.new)
			var parts []string
			var oldBack, newBack strings.Builder
			for _, op := range ops {
				sign := map[pipeline.DiffKind]string{pipeline.DiffEqual: "=", pipeline.DiffInsert: "+", pipeline.DiffDelete: "-"}[op.Kind]
				parts = append(parts, sign+op.Text)
				if op.Kind != pipeline.DiffInsert {
					oldBack.WriteString(op.Text)
				}
				if op.Kind != pipeline.DiffDelete {
					newBack.WriteString(op.Text)
				}
			}
			if got := strings.Join(parts, "|"); got != tt.want {
				t.Errorf("WordDiff(%q, %q) = %s, want %s", tt.old, tt.new, got, tt.want)
			}
			if oldBack.String() != tt.old || newBack.String() != tt.new {
				t.Errorf("the diff does not give back the texts: %q, %q", oldBack.String(), newBack.String())
			}
		})
	}
}

func TestWordSimilarity(t *testing.T) {
	t.Parallel()
	tests := []struct {
		a, b     string
		min, max float64
	}{
		{"China and Asia.", "China and Asia.", 1, 1},
		{"China and Asia.", "china and asia!", 1, 1}, // case and punctuation do not count
		{"One two three four five six.", "One two three.", 0.66, 0.67},
		{"The party met.", "Weather is fine today.", 0, 0},
		{"", "", 1, 1},
		{"中国和中亚", "中国与中亚", 0.8, 0.8},
	}
	for _, tt := range tests {
		if got := pipeline.WordSimilarity(tt.a, tt.b); got < tt.min || got > tt.max {
			t.Errorf("WordSimilarity(%q, %q) = %.3f, want %.2f–%.2f", tt.a, tt.b, got, tt.min, tt.max)
		}
	}
}

func BenchmarkWordDiff(b *testing.B) {
	old := strings.Repeat("The Communist Party of China is actively developing relations with the parties of Central Asia. ", 4)
	new := strings.Replace(old, "actively", "steadily", 2)
	for b.Loop() {
		pipeline.WordDiff(old, new)
	}
}
