package document

import "testing"

// TestFurnitureLines: lines a site prints around the article, in the four languages, as they
// come in text pasted from a page (their links lost), and article text that begins the same way.
func TestFurnitureLines(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"Read more: China's grain imports hit a record":                  true,
		"Related: Kazakhstan's wheat harvest":                            true,
		"Читайте также: Казахстан нарастил экспорт зерна":                true,
		"Оқи отырыңыз: Қазақстан астық экспортын арттырды":               true,
		"相关阅读：中国粮食进口创新高":                                                 true,
		"Download the full report (PDF, 2 MB)":                           true,
		"The views expressed are the author's own.":                      true,
		"Автордың пікірі редакцияның көзқарасымен сәйкес келмеуі мүмкін": true,
		"分享到微信":                true,
		"【字号 大 中 小】":           true,
		"Comments are closed.": true,
		"Related issues remain unresolved, the ministry says.":               false,
		"Read more widely, the report's authors argue, and policy improves.": false,
		"Читайте также: в докладе 2023 года эти данные уже приводились.":     false,
	} {
		if got := isFurnitureText(s); got != want {
			t.Errorf("isFurnitureText(%q) = %v, want %v", s, got, want)
		}
	}
}
