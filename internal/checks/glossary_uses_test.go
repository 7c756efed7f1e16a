package checks_test

import (
	"testing"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/pipeline"
)

// TestGlossaryWordUses: a source word that is no use of the term (a count of "times", a Kazakh
// postposition or light verb, a word of a name) does not demand the term; a sense the word takes
// in a sentence on its topic (children born) does not either; the term itself still does.
func TestGlossaryWordUses(t *testing.T) {
	terms := []checks.Term{
		{Terms: map[pipeline.Lang]string{"en": "child", "ru": "ребёнок", "kk": "бала", "zh": "儿童"}},
		{Terms: map[pipeline.Lang]string{"en": "time", "ru": "время", "kk": "уақыт", "zh": "时间"}},
		{Terms: map[pipeline.Lang]string{"en": "seat", "ru": "место", "kk": "орын", "zh": "席位"}},
		{Terms: map[pipeline.Lang]string{"en": "path", "ru": "путь", "kk": "жол", "zh": "道路"}},
		{Terms: map[pipeline.Lang]string{"en": "Khorgos", "ru": "Хоргос", "kk": "Қорғас", "zh": "霍尔果斯"}},
	}
	for _, c := range []struct {
		sl, tl   pipeline.Lang
		src, tgt string
		finding  bool
	}{
		{"kk", "en", "Былтыр елде 400 мың бала дүниеге келді.", "Last year 400,000 babies were born in the country.", false},
		{"kk", "en", "Былтыр елде 400 мың бала мектепке барды.", "Last year 400,000 babies went to school.", true},
		{"en", "kk", "Last year 400,000 children were born in the country.", "Былтыр елде 400 мың сәби дүниеге келді.", false},
		{"en", "kk", "Last year 400,000 children went to school.", "Былтыр елде 400 мың сәби мектепке барды.", true},
		{"en", "ru", "Seasonal visas pay several times what a building site does.", "Сезонные визы дают в несколько раз больше, чем стройка.", false},
		{"en", "ru", "The visit was postponed three times.", "Визит трижды переносили.", false},
		{"en", "ru", "Farmers have no time to wait.", "Фермерам некогда ждать.", true},
		{"kk", "en", "Паромға тиеу уақыты екі есе қысқарды.", "Loading onto ferries now takes half as long.", false},
		{"kk", "en", "Паромға тиеу уақыты екі есе қысқарды.", "Loading onto ferries is now twice as fast.", true},
		{"kk", "en", "Паромға тиеу уақыты жақсарды.", "Loading onto ferries now takes less long.", true},
		{"kk", "en", "Қорғас арқылы 7 мың пойыз өтті.", "7,000 trains passed through Korgas.", true},
		{"kk", "en", "Қорғас шекара өткелі жабылды.", "The Korgas border crossing was closed.", true},
		{"kk", "en", "Жол ережесі өзгерді.", "The traffic rules have changed.", false},
		{"kk", "en", "Фермерлер мақтаның орнына жүгері егеді.", "Farmers sow maize instead of cotton.", false},
		{"kk", "en", "Партия парламентте он орын алды.", "The party won ten places in parliament.", false},
		{"kk", "en", "Партия парламентте он орын алды.", "The party won ten chairs in parliament.", true},
		{"kk", "en", "Бұл талап цензураға жол ашады.", "The requirement opens the door to censorship.", false},
		{"ru", "en", "Объекты Шёлкового пути внесены в список ЮНЕСКО.", "Silk Road sites are on the UNESCO list.", false},
		{"ru", "en", "Страна выбрала свой путь развития.", "The country chose its own model of development.", true},
	} {
		fs := checks.Check(pipeline.CheckUnit{SourceLang: c.sl, TargetLang: c.tl, Source: c.src, Target: c.tgt},
			checks.Options{Checks: []string{checks.CheckGlossary}, Terms: terms})
		if got := len(fs) > 0; got != c.finding {
			t.Errorf("%q → %q: findings %v, want a finding %v", c.src, c.tgt, fs, c.finding)
		}
	}
}
