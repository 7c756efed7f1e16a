package document

import (
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

func TestDisplayTitle(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		lang  pipeline.Lang
		title string
		want  string
	}{
		{"en sample title", pipeline.English, "PARTNERSHIP BETWEEN CHINA AND CENTRAL ASIAN COUNTRIES: NEW HORIZONS OF PARTY COOPERATION",
			"Partnership Between China and Central Asian Countries: New Horizons of Party Cooperation"},
		{"en acronyms stay upper", pipeline.English, "THE CPC, THE PRC AND THE BRI IN THE SCO", "The CPC, the PRC and the BRI in the SCO"},
		{"en parenthesised and vowel-less acronyms", pipeline.English, "THE EURASIAN ECONOMIC UNION (EAEU) AND THE KZT", "The Eurasian Economic Union (EAEU) and the KZT"},
		{"en first and last small words capitalised", pipeline.English, "A PLACE TO START FROM", "A Place to Start From"},
		{"en after colon and dash", pipeline.English, "CHINA: A PARTNER — OR A RIVAL?", "China: A Partner — Or a Rival?"},
		{"en hyphens, apostrophes, numbers", pipeline.English, "CHINA’S SOCIO-ECONOMIC PLANS FOR THE 21ST CENTURY AND THE G20", "China’s Socio-Economic Plans for the 21st Century and the G20"},
		{"en dotted acronym and Roman numeral", pipeline.English, "THE U.S. ROLE IN WORLD WAR II", "The U.S. Role in World War II"},
		{"en Xi is a name, not a numeral", pipeline.English, "XI JINPING IN ASTANA", "Xi Jinping in Astana"},
		{"en mixed case unchanged", pipeline.English, "China and the SCO: a New Era", "China and the SCO: a New Era"},
		{"ru sentence case with places", pipeline.Russian, "ПАРТНЁРСТВО КИТАЯ И ЦЕНТРАЛЬНОЙ АЗИИ: НОВЫЕ ГОРИЗОНТЫ", "Партнёрство Китая и Центральной Азии: новые горизонты"},
		{"ru acronyms and quotes", pipeline.Russian, "РОЛЬ КПК И ШОС В ИНИЦИАТИВЕ «ПОЯС И ПУТЬ»", "Роль КПК и ШОС в инициативе «Пояс и путь»"},
		{"ru adjective stays lower", pipeline.Russian, "КИТАЙСКИЙ ОПЫТ ДЛЯ КАЗАХСТАНА", "Китайский опыт для Казахстана"},
		{"kk sentence case with places", pipeline.Kazakh, "ҚЫТАЙ МЕН ОРТАЛЫҚ АЗИЯ ЕЛДЕРІНІҢ СЕРІКТЕСТІГІ", "Қытай мен Орталық Азия елдерінің серіктестігі"},
		{"kk derived adjective lower, acronym upper", pipeline.Kazakh, "ҚЫТАЙЛЫҚ ТӘЖІРИБЕ ЖӘНЕ ҚХР САЯСАТЫ", "Қытайлық тәжірибе және ҚХР саясаты"},
		{"kk inflected place name", pipeline.Kazakh, "АСТАНАДАҒЫ КЕЗДЕСУ. ҚАЗАҚСТАННЫҢ ҰСТАНЫМЫ", "Астанадағы кездесу. Қазақстанның ұстанымы"},
		{"zh unchanged", pipeline.Chinese, "中国与中亚 PRC", "中国与中亚 PRC"},
		{"empty", pipeline.English, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := DisplayTitle(tt.title, tt.lang); got != tt.want {
				t.Errorf("DisplayTitle(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}
