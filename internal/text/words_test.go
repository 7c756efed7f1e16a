package text

import (
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []string // numbers marked with #
	}{
		{"english", "The Belt and Road, again.", []string{"The", "Belt", "and", "Road", "again"}},
		{"apostrophes stay inside", "don't China’s Кот-д’Ивуар countries'", []string{"don't", "China’s", "Кот", "д’Ивуар", "countries"}},
		{"hyphens split", "Нур-Султан ЖІӨ-нің 20-дан", []string{"Нур", "Султан", "ЖІӨ", "нің", "#20", "дан"}},
		{"numbers keep separators", "3.5 1,000 12,5% 1 000", []string{"#3.5", "#1,000", "#12,5", "#1", "#000"}},
		{"letters and digits split", "в2016году G20 C5", []string{"в", "#2016", "году", "G", "#20", "C", "#5"}},
		{"full stops between letters split", "U.S. т.е. end.Then a:b", []string{"U", "S", "т", "е", "end", "Then", "a", "b"}},
		{"chinese runs", "C5与中亚合作。2023年，“一带一路”", []string{"C", "#5", "与中亚合作", "#2023", "年", "一带一路"}},
		{"japanese", "日本の経済 カタカナ", []string{"日本", "の", "経済", "カタカナ"}},
		{"combining marks", "e\u0301te\u0301 1\u0301", []string{"e\u0301te\u0301", "#1\u0301"}},
		{"nothing but punctuation", " — «» … 👍", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for _, w := range Words(tt.text) {
				if tt.text[w.Start:w.End] != w.Text {
					t.Errorf("word %q at %d:%d is %q in the text", w.Text, w.Start, w.End, tt.text[w.Start:w.End])
				}
				if w.Number {
					got = append(got, "#"+w.Text)
				} else {
					got = append(got, w.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Words(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestWordsInvalidUTF8: broken bytes break words and do not shift the offsets.
func TestWordsInvalidUTF8(t *testing.T) {
	t.Parallel()
	s := "ab\xffcd \xe2\x82 ef"
	var got []string
	for _, w := range Words(s) {
		if s[w.Start:w.End] != w.Text {
			t.Errorf("word %q at %d:%d is %q in the text", w.Text, w.Start, w.End, s[w.Start:w.End])
		}
		got = append(got, w.Text)
	}
	if strings.Join(got, "|") != "ab|cd|ef" {
		t.Errorf("got %q", got)
	}
}

// BenchmarkWords reads words from prose in the four languages.
func BenchmarkWords(b *testing.B) {
	text := strings.Repeat("Kazakhstan and China expand cooperation within the Belt and Road initiative by 12.5%. "+
		"Казахстан и Китай расширяют сотрудничество в рамках инициативы «Пояс и путь» на 12,5%. "+
		"Қазақстан мен Қытай «Белдеу және жол» бастамасы аясында ынтымақтастықты 12,5%-ға кеңейтуде. "+
		"哈萨克斯坦和中国在“一带一路”倡议框架内将合作扩大12.5%。", 100)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Words(text)
	}
}
