package document

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// FuzzParse feeds arbitrary text to Parse and Segments in every format and language. Whatever the
// input, nothing panics, errors are *pipeline.Error, no block or segment is empty, segments give
// back their blocks' characters exactly, and for plain text every character of the output appears
// in the normalised input, in the same order (the parser drops navigation and markup but never
// invents or reorders text).
func FuzzParse(f *testing.F) {
	f.Add(readSample(f), 0, 0)
	f.Add("LATEST\nARTICLES\n\nHome › News › Title\n\nTitle\n\nDr. Smith came. He left.\n\nBy J. Smith", 0, 0)
	f.Add("ГЛАВНАЯ\n\nЗаголовок\n\nН. Назарбаев и т. д. В 2023 г. Всё.\n\nЦентр, Астана", 1, 1)
	f.Add("Қытай\r\n\r\n\tҚ.-Ж. Тоқаев сөйледі.\r\n\u00a0\r\nАстана", 0, 2)
	f.Add("首页 > 文章\n\n标题\n\n中国发展很快。“好。”中亚也在发展！\n\n中国研究中心，阿斯塔纳", 0, 3)
	f.Add("# Title\n\n> quote\n\n- a\n- b\n\n1. c\n\n*By Someone*", 1, 0)
	f.Add("> \n- \n1. \n“”\n\u200b\u00ad", 0, 0)
	f.Fuzz(func(t *testing.T, text string, format, lang int) {
		formats := []pipeline.Format{pipeline.FormatText, pipeline.FormatMarkdown}
		f := formats[uint(format)%uint(len(formats))]
		l := pipeline.Languages[uint(lang)%uint(len(pipeline.Languages))]
		doc, err := Parse(text, f, l)
		if err != nil {
			if pipeline.ErrorCode(err) != pipeline.CodeInvalid {
				t.Fatalf("error %v is not an invalid-input *pipeline.Error", err)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatal("invalid UTF-8 accepted")
		}
		var blockText strings.Builder
		for i, b := range doc.Blocks {
			if strings.TrimSpace(b.Text) == "" {
				t.Fatalf("block %d (%s) is empty", i, b.Kind)
			}
			blockText.WriteString(b.Text)
		}
		var segText strings.Builder
		for _, s := range Segments(doc, l) {
			if s.Text == "" || strings.TrimSpace(s.Text) != s.Text {
				t.Fatalf("segment %d is empty or untrimmed: %q", s.Position, s.Text)
			}
			segText.WriteString(s.Text)
		}
		if got, want := withoutSpaces(segText.String()), withoutSpaces(blockText.String()); got != want {
			t.Fatalf("segments changed the text:\n got %q\nwant %q", got, want)
		}
		if f == pipeline.FormatText && !isSubsequence(withoutSpaces(blockText.String()), withoutSpaces(normalizeText(text))) {
			t.Fatalf("blocks hold text that is not in the input, or reorder it:\nblocks %q\ninput %q", blockText.String(), text)
		}
	})
}

func withoutSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}

// isSubsequence reports whether every rune of sub appears in s in the same order.
func isSubsequence(sub, s string) bool {
	for _, r := range sub {
		i := strings.IndexRune(s, r)
		if i < 0 {
			return false
		}
		s = s[i+utf8.RuneLen(r):]
	}
	return true
}
