package checks_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/pipeline"
)

const (
	en = pipeline.English
	ru = pipeline.Russian
	kk = pipeline.Kazakh
	zh = pipeline.Chinese
)

// findIDs runs one check and returns the message IDs it reports.
func findIDs(check string, src, tgt string, sl, tl pipeline.Lang, opts checks.Options) []string {
	opts.Checks = []string{check}
	var out []string
	for _, f := range checks.Check(pipeline.CheckUnit{SourceLang: sl, TargetLang: tl, Source: src, Target: tgt}, opts) {
		out = append(out, f.MessageID)
	}
	return out
}

type checkCase struct {
	name     string
	src, tgt string
	tl       pipeline.Lang
	want     string // message ID expected, "" for none
}

func runCases(t *testing.T, check string, opts checks.Options, cases []checkCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := findIDs(check, tc.src, tc.tgt, en, tc.tl, opts)
			if tc.want == "" && len(got) > 0 {
				t.Errorf("want no finding, got %v\n src: %s\n tgt: %s", got, tc.src, tc.tgt)
			}
			if tc.want != "" && !containsID(got, tc.want) {
				t.Errorf("want %s, got %v\n src: %s\n tgt: %s", tc.want, got, tc.src, tc.tgt)
			}
		})
	}
}

func containsID(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func TestUntranslated(t *testing.T) {
	t.Parallel()
	runCases(t, checks.CheckUntranslated, checks.Options{}, []checkCase{
		{"empty", "Trade grew.", "", ru, "check.untranslated.empty"},
		{"blank", "Trade grew.", "  \n", ru, "check.untranslated.empty"},
		{"copy", "Trade with China grew quickly.", "Trade with China  grew quickly.", ru, "check.untranslated.copy"},
		{"copy into Chinese", "Trade grew.", "Trade grew.", zh, "check.untranslated.copy"},
		{"name alone", "Xi Jinping", "Xi Jinping", ru, ""},
		{"acronym", "SCO", "SCO", kk, ""},
		{"number", "2023", "2023", zh, ""},
		{"url", "https://example.org/report", "https://example.org/report", ru, ""},
		{"translated", "Trade grew.", "Торговля выросла.", ru, ""},
	})
}

func TestNumber(t *testing.T) {
	t.Parallel()
	runCases(t, checks.CheckNumber, checks.Options{}, []checkCase{
		{"en thousands, ru spaces", "It cost 1,000.5 tenge.", "Это стоило 1 000,5 тенге.", ru, ""},
		// A name's number: the name said otherwise keeps no number; the name kept without it lost it.
		{"name's number, name said otherwise", "The border was closed during the COVID-19 pandemic.", "Во время пандемии коронавируса граница была закрыта.", ru, ""},
		{"a month capitalised inside a sentence", "The coaches will go to Wuhan as early as March.", "Тренеры поедут в Ухань уже в марте.", ru, ""},
		{"a thousand in a word", "The line will be 1,000 km long.", "Протяжённость линии составит тысячу километров.", ru, ""},
		{"a thousand in a Kazakh word", "Ten universities in the world's top 1,000.", "Әлемнің үздік мыңдығына он университет енді.", kk, ""},
		{"Kazakh hundreds in words", "Only one made the top 200.", "Тек біреуі ғана үздік екі жүздікке енді.", kk, ""},
		{"name's number dropped", "The Kambarata-1 plant will be built by 2030.", "Камбаратинскую ГЭС построят к 2030 году.", ru, "check.number.missing"},
		{"ru no separator", "It cost 1,000.5 tenge.", "Это стоило 1000,5 тенге.", ru, ""},
		{"nbsp grouping", "Some 35,000 students.", "Около 35\u00a0000 студентов.", ru, ""},
		{"percent forms", "Growth was 45%.", "Рост составил 45 %.", ru, ""},
		{"billion ru", "It reached $41 billion.", "Он достиг 41 млрд долларов.", ru, ""},
		{"billion zh", "It reached $41 billion.", "达到410亿美元。", zh, ""},
		{"billion kk", "It reached $41 billion.", "Ол 41 миллиард долларға жетті.", kk, ""},
		{"trillion zh", "It spent 1.2 trillion tenge.", "花费了1.2万亿坚戈。", zh, ""},
		{"bare 万 after a bound", "The centre sees more than 10,000 visits a day.", "该中心每天接待游客逾万人次。", zh, ""},
		{"thousand kk", "It handled 500,000 containers.", "500 мыңнан астам контейнер өңдеді.", kk, ""},
		{"scale changed", "It reached $41 billion.", "Он достиг 41 млн долларов.", ru, "check.number.missing"},
		{"range end changed", "It will cost $4.5–5 billion.", "Это обойдётся в 4,5–5 млн долларов.", ru, "check.number.missing"},
		{"multiplier changed", "Prices rose 3 times.", "Цены выросли в 4 раза.", ru, "check.number.missing"},
		{"capacity changed", "The plant's capacity is 100 MW.", "Мощность станции — 200 МВт.", ru, "check.number.missing"},
		{"sure Kazakh month kept", "It expired on 1 June.", "Ол 1 шілдеде аяқталды.", kk, "check.number.month_missing"},
		{"digit changed", "Growth was 45%.", "Рост составил 54 %.", ru, "check.number.missing"},
		{"month date ru", "It opened in June 2023.", "Он открылся в июне 2023 г.", ru, ""},
		{"month date zh", "It opened in June 2023.", "它于2023年6月开放。", zh, ""},
		{"month date kk", "It opened in June 2023.", "Ол 2023 жылғы маусымда ашылды.", kk, ""},
		{"round the clock is 24 hours", "The checkpoint will switch to round-the-clock operation.", "口岸将实行24小时通关。", zh, ""},
		{"a number with a hyphen", "23 new hotels opened in 2024.", "Twenty-three new hotels opened in 2024.", en, ""},
		{"an ordinal, not a fraction", "Число растёт третий год подряд, до 14 тыс.", "The number has risen for a third year running, to 14,000.", en, ""},
		{"a one written out", "Курс достиг 525 тенге за доллар.", "汇率跌至1美元兑525坚戈。", zh, ""},
		{"winter season, not June", "The resort had 600,000 visitors in the winter season.", "Курорт қысқы маусымда 600 мың келушіні қабылдады.", kk, ""},
		{"hatching season, not June", "They share data during the hatching season.", "Олар шегіртке шығатын маусымда деректермен алмасады.", kk, ""},
		{"June after a day", "It opened on 15 June.", "Ол 15 маусымда ашылды.", kk, ""},
		{"month wrong zh", "It opened in June 2023.", "它于2023年7月开放。", zh, "check.number.month_missing"},
		{"month missing", "It opened in June 2023.", "Он открылся в 2023 году.", ru, "check.number.month_missing"},
		{"numeric date", "It entered into force on 15 March 2024.", "Вступило в силу 15.03.2024.", ru, ""},
		{"anniversary ru", "The 75th anniversary.", "75-летие.", ru, ""},
		{"anniversary kk", "The 75th anniversary.", "75 жылдығы.", kk, ""},
		{"anniversary zh", "The 75th anniversary.", "75周年。", zh, ""},
		{"decade zh", "In the 1990s trade grew.", "20世纪90年代，贸易增长。", zh, ""},
		{"century roman", "In the 21st century.", "В XXI веке.", ru, ""},
		{"spelled in target", "Trade with 5 countries.", "Торговля с пятью странами.", ru, ""},
		{"spelled in source", "Trade with five countries.", "Торговля с 5 странами.", ru, ""},
		{"chinese numeral", "The 14th Five-Year Plan.", "第十四个五年规划。", zh, ""},
		{"five countries zh", "The five Central Asian countries.", "中亚五国。", zh, ""},
		{"short year range", "In 2022-23 it grew.", "В 2022–2023 гг. он вырос.", ru, ""},
		{"extra number", "Trade grew.", "Торговля выросла на 5 %.", ru, "check.number.extra"},
		{"a million in words", "The metro now carries over a million passengers a day.", "Метро тәулігіне 1 миллионнан астам жолаушы тасымалдайды.", kk, ""},
		{"миллион alone", "The metro carries over 1 million passengers a day.", "Пассажиропоток метро превысил миллион человек в сутки.", ru, ""},
		{"number in a quoted name", "去年“双十一”期间订单量增长了四倍。", "Во время распродажи «11.11» число заказов выросло в четыре раза.", ru, ""},
		{"number in a quoted sentence", "He said trade would grow.", "Он сказал: «Торговля вырастет на 5 % в этом году».", ru, "check.number.extra"},
		{"footnotes and urls ignored", "See [the report](https://x.org/2023).[^1]", "См. [доклад](https://x.org/2023).[^1]", ru, ""},
		{"decimal vs thousands ru", "It weighs 1.5 tonnes.", "Он весит 1,5 тонны.", ru, ""},
	})
}

func TestWrongLanguage(t *testing.T) {
	t.Parallel()
	src := "China remains the largest trading partner of the region and its main investor."
	runCases(t, checks.CheckWrongLanguage, checks.Options{}, []checkCase{
		{"good kk", src, "Қытай өңірдің ең ірі сауда серіктесі және басты инвесторы болып қала береді.", kk, ""},
		{"russian as kk", src, "Китай остаётся крупнейшим торговым партнёром региона и его главным инвестором.", kk, "check.wrong_language.russian_in_kazakh"},
		{"kk without letters", src, "Кытай онирдин ен ири сауда серiктеси жане басты инвесторы болып кала береди.", kk, "check.wrong_language.kazakh_letters"},
		{"stripped word in short text", "And Kazakhstan.", "Жане Казакстан.", kk, "check.wrong_language.kazakh_letters"},
		{"good ru", src, "Китай остаётся крупнейшим торговым партнёром региона и его главным инвестором.", ru, ""},
		{"ru with kk name", "Akorda said.", "Как сообщили в Ақорда, визит состоится.", ru, ""},
		{"ukrainian", src, "Китай залишається найбільшим торговельним партнером регіону та його головним інвестором.", ru, "check.wrong_language.ukrainian"},
		{"kazakh as ru", src, "Қытай өңірдің ең ірі сауда серіктесі және басты инвесторы болып қала береді.", ru, "check.wrong_language.kazakh_in_russian"},
		{"ru with quoted kk company", "KTZ will buy 300 locomotives.", "«Қазақстан темір жолы» закупит 300 новых локомотивов.", ru, ""},
		{"homoglyph", src, "Китай остаётся крупнейшим торговым пaртнёром региона.", ru, "check.wrong_language.mixed_script"},
		{"kana", src, "中国仍是该地区最大の贸易伙伴。", zh, "check.wrong_language.kana"},
		{"katakana dot in name ok", "Max Weber wrote.", "马克斯・韦伯写道。", zh, ""},
		{"english clause", src, "中国仍是该地区最大的贸易伙伴，and its main investor in the region。", zh, "check.wrong_language.english_clause"},
		{"english title ok", "The Belt and Road Forum met.", "Belt and Road Forum 在北京举行。", zh, ""},
		{"russian as zh", src, "Китай остаётся крупнейшим торговым партнёром региона.", zh, "check.wrong_language.not_target"},
		{"latin as ru", src, "China remains the largest trading partner of the region.", ru, "check.wrong_language.not_target"},
		{"copy is not wrong language", src, src, ru, ""}, // the untranslated check reports copies
		{"english ok", "Китай растёт.", "China keeps growing and it remains the main investor.", en, ""},
		{"not english", "Китай растёт.", "Kitaj ostaetsja krupnejshim torgovym partnerom regiona.", en, "check.wrong_language.not_english"},
	})
}

// TestWrongLanguageEnglishHeadline: an English sentence with no function words is English when
// the dictionary knows its words; transliterated Russian is not.
func TestWrongLanguageEnglishHeadline(t *testing.T) {
	t.Parallel()
	sp := corpusSpeller(t)
	if sp == nil {
		t.Skip("Hunspell dictionaries not installed; skipped because TILMASH_TEST_SKIP_TOOLS=1")
	}
	runCases(t, checks.CheckWrongLanguage, checks.Options{Spell: sp}, []checkCase{
		{"headline english", "Рынок вырос.", "Kazakhstan's e-commerce market exceeded 3 trillion tenge last year.", en, ""},
		{"transliterated russian", "Китай растёт.", "Kitaj ostaetsja krupnejshim torgovym partnerom regiona.", en, "check.wrong_language.not_english"},
	})
}

func TestFindTerm(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text, term string
		lang       pipeline.Lang
		want       string // the matched text, "" for no match
	}{
		{"Шанхайской организации сотрудничества", "Шанхайская организация сотрудничества", ru, "Шанхайской организации сотрудничества"},
		{"в рамках инициативы «Пояс и путь» Китай", "инициатива «Пояс и путь»", ru, "инициативы «Пояс и путь»"},
		{"в рамках инициативы \"Пояс и путь\"", "инициатива «Пояс и путь»", ru, "инициативы \"Пояс и путь\""},
		{"цены на рынке", "рынок", ru, "рынке"},
		{"доля рынка", "рынок", ru, "рынка"},
		{"путём переговоров", "путь", ru, "путём"},
		// Stems whose last letters spell an ending, the genitive plural of nouns in -ка, the
		// plural of nouns in -анин, and the fleeting е of -лец.
		{"отмена визового режима", "режим", ru, "режима"},
		{"после подъёма цен", "подъём", ru, "подъёма"},
		{"объём поставок зерна", "поставка", ru, "поставок"},
		{"число сделок", "сделка", ru, "сделок"},
		{"число копеек", "копейка", ru, "копеек"},
		{"права граждан", "гражданин", ru, "граждан"},
		{"россияне выехали", "россиянин", ru, "россияне"},
		{"доля владельца", "владелец", ru, "владельца"},
		{"поставщик зерна", "поставка", ru, ""},
		// A neuter noun in -мя declines on -мен- and -мян; семей is семья's.
		{"закупка семян пшеницы", "семя", ru, "семян"},
		{"качество семени", "семя", ru, "семени"},
		{"подали более тысячи семей", "семя", ru, ""},
		{"в то же время", "время", ru, "время"},
		{"во времена СССР", "время", ru, "времена"},
		{"Центральной Азии", "Центральная Азия", ru, "Центральной Азии"},
		{"центральноазиатских", "Центральная Азия", ru, ""},
		{"Жібек жолының бойында", "Жібек жолы", kk, "Жібек жолының"},
		{"Жібек жолындағы", "Жібек жолы", kk, "Жібек жолындағы"},
		{"өзара ынтымақтастығы", "ынтымақтастық", kk, "ынтымақтастығы"},
		{"Еуразиялық экономикалық одаққа мүше", "Еуразиялық экономикалық одақ", kk, "Еуразиялық экономикалық одаққа"},
		{"жолдас", "жол", kk, ""},
		{"Central Asian economies", "economy", en, "economies"},
		{"China's initiatives", "initiative", en, "initiatives"},
		{"the Belt and Road’s projects", "Belt and Road", en, "Belt and Road"},
		{"China's role", "China", en, "China"},
		{"the countries' trade", "country", en, "countries"},
		{"the Belt-and-Road Initiative", "Belt and Road Initiative", en, "Belt-and-Road Initiative"},
		{"Central Asian states", "Central Asia", en, ""},
		{"中国与中亚五国", "中亚", zh, "中亚"},
		{"", "term", ru, ""},
		{"text", "", ru, ""},
	}
	for _, tt := range tests {
		s, e, ok := checks.FindTerm(tt.text, tt.term, tt.lang)
		got := ""
		if ok {
			got = tt.text[s:e]
		}
		if got != tt.want {
			t.Errorf("FindTerm(%q, %q, %s) = %q, want %q", tt.text, tt.term, tt.lang, got, tt.want)
		}
	}
}

func TestGlossary(t *testing.T) {
	t.Parallel()
	opts := checks.Options{Terms: []checks.Term{
		{Terms: map[pipeline.Lang]string{en: "Shanghai Cooperation Organisation", ru: "Шанхайская организация сотрудничества",
			kk: "Шанхай ынтымақтастық ұйымы", zh: "上海合作组织"},
			Forbidden: map[pipeline.Lang][]string{ru: {"Шанхайская организация по сотрудничеству"}, kk: {"Шанхай ынтымақтастығы ұйымы"}}},
		{Terms: map[pipeline.Lang]string{en: "Five-Year Plan", zh: "五年规划"}, Forbidden: map[pipeline.Lang][]string{zh: {"五年计划"}}},
		{Terms: map[pipeline.Lang]string{en: "Global Gateway"}, DoNotTranslate: true},
	}}
	src := "The Shanghai Cooperation Organisation met in Astana."
	runCases(t, checks.CheckGlossary, opts, []checkCase{
		{"inflected ru", src, "Саммит Шанхайской организации сотрудничества прошёл в Астане.", ru, ""},
		{"inflected kk", src, "Шанхай ынтымақтастық ұйымының саммиті Астанада өтті.", kk, ""},
		{"missing ru", src, "Саммит ШОС прошёл в Астане.", ru, "check.glossary.missing"},
		{"forbidden ru", src, "Саммит Шанхайской организации по сотрудничеству прошёл в Астане.", ru, "check.glossary.forbidden"},
		{"forbidden kk", src, "Шанхай ынтымақтастығы ұйымы Астанада жиналды.", kk, "check.glossary.forbidden"},
		{"zh", src, "上海合作组织在阿斯塔纳举行会议。", zh, ""},
		{"forbidden zh", "The 14th Five-Year Plan.", "第十四个五年计划。", zh, "check.glossary.forbidden"},
		{"term not in source", "Trade grew.", "Торговля выросла.", ru, ""},
		{"do not translate kept", "The Global Gateway strategy.", "Стратегия Global Gateway.", ru, ""},
		{"do not translate translated", "The Global Gateway strategy.", "Стратегия «Глобальные ворота».", ru, "check.glossary.keep_original"},
	})
	// A general noun of the termbase inside an English fixed phrase is no use of the term.
	timeTerm := checks.Options{Terms: []checks.Term{{Terms: map[pipeline.Lang]string{en: "time", ru: "время", kk: "уақыт", zh: "时间"}}}}
	runCases(t, checks.CheckGlossary, timeTerm, []checkCase{
		{"idiom ru", "The delegation could not reach the city in time.", "Делегация не смогла вовремя добраться до города.", ru, ""},
		{"idiom zh", "The trains now run on time.", "现在火车准时运行。", zh, ""},
		{"term ru", "The time needed to clear a truck has fallen.", "Срок оформления грузовика сократился.", ru, "check.glossary.missing"},
		{"term after idiom", "At times the time needed to clear a truck grows.", "Порой срок оформления растёт.", ru, "check.glossary.missing"},
	})
	// A noun term rendered by its Russian relative adjective; a source word rendered in another
	// of its senses (lexicon/senses.txt), where the sense needs its context; a synonym of the
	// term's own sense stays a finding.
	two := checks.Options{Terms: []checks.Term{
		{Terms: map[pipeline.Lang]string{en: "child", ru: "ребёнок", kk: "бала", zh: "儿童"}},
		{Terms: map[pipeline.Lang]string{en: "coal", ru: "уголь", kk: "көмір", zh: "煤炭"}},
		{Terms: map[pipeline.Lang]string{en: "loan", ru: "заём", kk: "қарыз", zh: "贷款"}},
		{Terms: map[pipeline.Lang]string{en: "seat", ru: "место", kk: "орын", zh: "席位"}},
		{Terms: map[pipeline.Lang]string{en: "time", ru: "время", kk: "уақыт", zh: "时间"}},
	}}
	runCases(t, checks.CheckGlossary, two, []checkCase{
		{"ru adjective", "The theatre staged a children's musical.", "Театр поставил детский мюзикл.", ru, ""},
		{"ru adjective of a fleeting vowel", "A new coal mine opened.", "Открылась новая угольная шахта.", ru, ""},
		{"zh short form", "Villagers no longer burn coal.", "村民不再烧煤。", zh, ""},
	})
	for _, tc := range []struct {
		name, src, tgt string
		sl             pipeline.Lang
		want           bool
	}{
		{"kk other sense in context", "Сыртқы қарыз өсті.", "External debt grew.", kk, false},
		{"kk other sense out of context", "Банк қарыз берді.", "The bank gave a debt.", kk, true},
		{"ru other sense", "Место встречи уже выбрано.", "The venue of the meeting has been chosen.", ru, false},
		{"zh time that shrinks", "随着口岸通关时间缩短，货运量两年内翻了一番。", "With clearance at the border speeded up, freight has doubled in two years.", zh, false},
		{"zh time", "口岸的通关时间是多少？", "What is the clearance at the border?", zh, true},
		{"kk deposit, not a seat", "Уран кен орнының 14-інде шетелдік серіктестер бар.", "Foreign partners work at 14 uranium deposits.", kk, false},
		{"kk seat", "Партия парламенттен 10 орын алды.", "The party got 10 votes in parliament.", kk, true},
		{"kk deposit said by its name", "«Теңізшевройл» 2024 жылы Теңіз кен орнында 29 миллион тонна мұнай өндірді.", "Tengizchevroil produced 29 million tonnes of oil at Tengiz in 2024.", kk, false},
		{"ru synonym of the sense", "Банк выдал заём.", "The bank issued a credit.", ru, true},
	} {
		got := containsID(findIDs(checks.CheckGlossary, tc.src, tc.tgt, tc.sl, en, two), "check.glossary.missing")
		if got != tc.want {
			t.Errorf("%s: missing reported %v, want %v", tc.name, got, tc.want)
		}
	}
	// Children of migrants are someone's offspring, 子女, not 儿童 "minors".
	for _, tc := range []struct {
		name, src, tgt string
		want           bool
	}{
		{"children of migrants", "Schools for the children of migrants are short of teachers.", "招收移民子女的学校缺少教师。", false},
		{"children as minors", "Schools for children are short of teachers.", "招收子女的学校缺少教师。", true},
	} {
		got := containsID(findIDs(checks.CheckGlossary, tc.src, tc.tgt, en, zh, two), "check.glossary.missing")
		if got != tc.want {
			t.Errorf("%s: missing reported %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestOmission(t *testing.T) {
	t.Parallel()
	src := "Uzbekistan has opened its economy since 2016, attracting new investors from China, Turkey and the Gulf. Its exports grew."
	runCases(t, checks.CheckOmission, checks.Options{}, []checkCase{
		{"opening phrase without its comma", "Since January, the yuan has accounted for more than half of Russia's trade settlements with Kyrgyzstan.",
			"С января на юань приходится больше половины расчётов России с Кыргызстаном.", ru, ""},
		{"complete", src, "С 2016 года Узбекистан открыл свою экономику, привлекая новых инвесторов из Китая, Турции и стран Персидского залива. Его экспорт вырос.", ru, ""},
		{"sentence lost", src, "С 2016 года Узбекистан открыл свою экономику, привлекая новых инвесторов из Китая.", ru, "check.omission.short"},
		{"name lost", "Kazakhstan, Kyrgyzstan and Uzbekistan signed the agreement on water with China in Astana.",
			"Казахстан и Узбекистан подписали соглашение о воде с Китаем в Астане.", ru, "check.omission.anchor"},
		{"names present", "Kazakhstan, Kyrgyzstan and Uzbekistan signed the agreement on water with China in Astana.",
			"Казахстан, Кыргызстан и Узбекистан подписали в Астане соглашение с Китаем о воде.", ru, ""},
		{"half lost", src, "С 2016 года Узбекистан открыл экономику.", ru, "check.omission.short"},
		{"short source skipped", "Trade grew.", "Рост.", ru, ""},
		{"zh complete", src, "自2016年以来，乌兹别克斯坦实行经济开放，吸引了来自中国、土耳其和海湾国家的新投资者。其出口有所增长。", zh, ""},
		{"zh clause lost", src, "自2016年以来，乌兹别克斯坦实行经济开放。其出口有所增长。", zh, "check.omission.anchor"},
	})
	// A Kazakh sentence that ends on a genitive or a -дағы word lost the noun it qualified.
	remit := "The fall in remittances from Russia hit households in the south of Kyrgyzstan hard."
	runCases(t, checks.CheckOmission, checks.Options{}, []checkCase{
		{"kk complete", remit, "Ресейден келетін ақша аударымдарының азаюы Қырғызстанның оңтүстігіндегі үй шаруашылықтарына ауыр соққы болды.", kk, ""},
		{"kk ends on -дегі", remit, "Ресейден келетін аударымдардың азаюы Қырғызстанның оңтүстігіндегі.", kk, "check.omission.clauses"},
		{"kk plural object at the end", "Local linguists recorded the features of the elders' speech in the village.",
			"Жергілікті тілтанушылар ауылдағы қарттардың сөйлеу ерекшеліктерін.", kk, "check.omission.clauses"},
		{"kk genitive without its noun", "The ministry has not yet explained why the tender was stopped.",
			"Министрлік тендердің әлі түсіндірмеді.", kk, "check.omission.short"},
		{"kk genitive with its noun", "The press secretary said the talks would be held behind closed doors.",
			"Баспасөз хатшысының айтқанындай, келіссөздер жабық форматта өтеді.", kk, ""},
		{"kk ends on a genitive", remit, "Ресейден келетін ақша аударымдарының азаюы Қырғызстанның оңтүстігіндегі отбасылардың.", kk, "check.omission.clauses"},
	})
}

// A name's regular adjective or demonym in the translation renders it (Asia → Asian,
// Казахстан → казахстанцы): no lost name, while a translation without any form of it lost it.
func TestOmissionNameDerivatives(t *testing.T) {
	t.Parallel()
	ruSrc := "Китайские банки кредитуют энергетические проекты во всех странах Центральной Азии."
	zhSrc := "越来越多的哈萨克斯坦留学生选择到中国的大学攻读工程专业。"
	for _, tc := range []struct {
		src, tgt string
		sl, tl   pipeline.Lang
		want     string
	}{
		{ruSrc, "Chinese banks lend to energy projects across the Central Asian states.", ru, en, ""},
		{ruSrc, "Chinese banks lend to energy projects across the region.", ru, en, "check.omission.anchor"},
		{zhSrc, "Всё больше студентов-казахстанцев выбирают инженерные специальности в вузах Китая.", zh, ru, ""},
		{zhSrc, "Всё больше иностранных студентов выбирают инженерные специальности в вузах Китая.", zh, ru, "check.omission.anchor"},
	} {
		got := findIDs(checks.CheckOmission, tc.src, tc.tgt, tc.sl, tc.tl, checks.Options{})
		if tc.want == "" && len(got) > 0 || tc.want != "" && !containsID(got, tc.want) {
			t.Errorf("want %q, got %v\n src: %s\n tgt: %s", tc.want, got, tc.src, tc.tgt)
		}
	}
}

// The comma Russian sets before the «чем» of a comparison opens no clause that English, Kazakh
// or Chinese punctuate; a translation that lost half the sentence is still reported.
func TestOmissionRussianComparison(t *testing.T) {
	t.Parallel()
	src := "Ремонт старого моста через реку Или обошёлся областному бюджету дороже, чем планировалось."
	for _, tc := range []struct {
		tgt  string
		want bool
	}{
		{"伊犁河老桥的维修让州预算多花了钱。", false},
		{"伊犁河老桥维修超出了预算。", true},
	} {
		got := findIDs(checks.CheckOmission, src, tc.tgt, ru, zh, checks.Options{})
		if (len(got) > 0) != tc.want {
			t.Errorf("%s: got %v, want a finding: %v", tc.tgt, got, tc.want)
		}
	}
}

func TestPunctuation(t *testing.T) {
	t.Parallel()
	runCases(t, checks.CheckPunctuation, checks.Options{}, []checkCase{
		{"zh good", "China, Kazakhstan and Russia: partners?", "中国、哈萨克斯坦和俄罗斯：伙伴？", zh, ""},
		{"zh half-width comma", "China, Kazakhstan.", "中国,哈萨克斯坦。", zh, "check.punctuation.halfwidth"},
		{"zh half-width stop", "Trade grew by 5%.", "贸易增长了5%.", zh, "check.punctuation.halfwidth"},
		{"zh decimal ok", "It reached 1.5 billion.", "达到15亿，增长1.5倍。", zh, ""},
		{"zh latin inside ok", "The C5+1 format, he said.", "他说，C5+1 format, 是重要机制。", zh, ""},
		{"zh straight quotes", "The \"safe city\" project.", "\"平安城市\"项目。", zh, "check.punctuation.zh_quotes"},
		{"ru guillemets ok", "The \"safe city\" project.", "Проект «Безопасный город».", ru, ""},
		{"ru nested quotes ok", "The \"safe city\" project.", "Проект «Программа „Безопасный город“».", ru, ""},
		{"ru straight quotes", "The \"safe city\" project.", "Проект \"Безопасный город\".", ru, "check.punctuation.guillemets"},
		{"kk english quotes", "The \"safe city\" project.", "“Қауіпсіз қала” жобасы.", kk, "check.punctuation.guillemets"},
		{"ru hyphen as dash", "China is a partner.", "Китай - партнёр.", ru, "check.punctuation.dash"},
		{"ru dash ok", "China is a partner.", "Китай — партнёр.", ru, ""},
		{"end mismatch", "Is China a partner?", "Китай — партнёр.", ru, "check.punctuation.end"},
		{"end missing", "China is a partner.", "Китай — партнёр", ru, "check.punctuation.end_missing"},
		{"end missing after a quote", "He said “yes.”", "Он сказал «да»", ru, "check.punctuation.end_missing"},
		{"end added", "China and Central Asia", "Китай и Центральная Азия.", ru, "check.punctuation.end_extra"},
		{"zh end added to a heading ok", "China and Central Asia", "中国与中亚。", zh, ""},
		{"end after footnote", "China is a partner.[^1]", "Китай — партнёр.[^1]", ru, ""},
		{"unbalanced", "China (PRC) grew.", "Китай (КНР вырос.", ru, "check.punctuation.unbalanced"},
		{"source unbalanced too", "1) China grew.", "1) Китай вырос.", ru, ""},
	})
}

func TestWhitespace(t *testing.T) {
	t.Parallel()
	runCases(t, checks.CheckWhitespace, checks.Options{}, []checkCase{
		{"good", "China grew.", "Китай вырос.", ru, ""},
		{"double", "China grew.", "Китай  вырос.", ru, "check.whitespace.double"},
		{"leading", "China grew.", " Китай вырос.", ru, "check.whitespace.leading"},
		{"trailing", "China grew.", "Китай вырос. ", ru, "check.whitespace.trailing"},
		{"trailing mirrors source", "China grew. ", "Китай вырос. ", ru, ""},
		{"before comma", "China, Russia.", "Китай , Россия.", ru, "check.whitespace.before_punctuation"},
		{"percent with space ok", "It is 45%.", "Это 45 %.", ru, ""},
		{"between han", "China grew.", "中国 增长了。", zh, "check.whitespace.between_han"},
		{"latin in zh ok", "The C5+1 format.", "C5+1 机制。", zh, ""},
	})
}

func TestRepeatedWord(t *testing.T) {
	t.Parallel()
	runCases(t, checks.CheckRepeatedWord, checks.Options{}, []checkCase{
		{"good", "x", "Китай вырос в в 2023 году.", ru, "check.repeated_word.word"},
		{"case", "x", "В в 2023 году.", ru, "check.repeated_word.word"},
		{"kk", "x", "Қытай Қытай өсті.", kk, "check.repeated_word.word"},
		{"en that that", "x", "He said that that policy failed.", en, ""},
		{"numbers ok", "x", "В 2023 2024 годах.", ru, ""},
		{"across comma ok", "x", "Китай, Китай и ещё раз Китай.", ru, ""},
		{"zh function char", "x", "中国的的经济。", zh, "check.repeated_word.word"},
		{"zh word", "x", "中国合作合作。", zh, "check.repeated_word.word"},
		{"zh reduplication ok", "x", "人人都常常说。", zh, ""},
		{"zh ok", "x", "一带一路倡议。", zh, ""},
	})
}

func TestMarkup(t *testing.T) {
	t.Parallel()
	runCases(t, checks.CheckMarkup, checks.Options{}, []checkCase{
		{"link kept", "See the [report](https://x.org/r).", "См. [доклад](https://x.org/r).", ru, ""},
		{"link lost", "See the [report](https://x.org/r).", "См. доклад.", ru, "check.markup.missing"},
		{"link changed", "See the [report](https://x.org/r).", "См. [доклад](https://x.org/q).", ru, "check.markup.missing"},
		{"html link kept", `See <a href="https://x.org">it</a>.`, `См. <a href="https://x.org">его</a>.`, ru, ""},
		{"html link as markdown", `See <a href="https://x.org">it</a>.`, `См. [его](https://x.org).`, ru, ""},
		{"emphasis lost", "It is *vital*.", "Это важно.", ru, "check.markup.missing"},
		{"em tag lost", "It is <em>vital</em>.", "Это важно.", ru, "check.markup.missing"},
		{"footnote lost", "It grew.[^1]", "Он вырос.", ru, "check.markup.missing"},
		{"superscript kept", "It grew.¹", "Он вырос.¹", ru, ""},
		{"unit power written out", "The flow is 12 km³ a year.", "Сток — 12 кубических километров в год.", ru, ""},
		{"footnote after a word lost", "The SCO² met.", "ШОС собралась.", ru, "check.markup.missing"},
		{"placeholder lost", "It grew by {1}.", "Он вырос.", ru, "check.markup.missing"},
		{"angle placeholder", "It grew by ⟨1⟩x⟨/1⟩.", "Он вырос на ⟨1⟩x⟨/1⟩.", ru, ""},
		{"extra footnote", "It grew.", "Он вырос.[^2]", ru, "check.markup.extra"},
		{"bare url", "See https://x.org/r.", "См. https://x.org/r.", zh, ""},
		{"snake case not emphasis", "Field my__var__x.", "Поле my__var__x.", ru, ""},
	})
}

func TestConsistency(t *testing.T) {
	t.Parallel()
	mem := map[string][]string{"Trade grew.": {"Торговля выросла.", " Торговля  выросла. "}}
	opts := checks.Options{OtherTranslations: func(s string) []string { return mem[s] }}
	runCases(t, checks.CheckConsistency, opts, []checkCase{
		{"same", "Trade  grew.", "Торговля выросла.", ru, ""},
		{"same but quotes and case", "Trade grew.", "торговля выросла!", ru, ""},
		{"different", "Trade grew.", "Товарооборот вырос.", ru, "check.consistency.differs"},
		{"no memory", "Other text.", "Другой текст.", ru, ""},
	})
	if got := findIDs(checks.CheckConsistency, "Trade grew.", "Товарооборот вырос.", en, ru, checks.Options{}); len(got) != 0 {
		t.Errorf("nil OtherTranslations must disable the check, got %v", got)
	}
}

func TestSpelling(t *testing.T) {
	t.Parallel()
	sp := corpusSpeller(t)
	if sp == nil {
		t.Skip("Hunspell dictionaries not installed; skipped because TILMASH_TEST_SKIP_TOOLS=1")
	}
	opts := checks.Options{Spell: sp}
	runCases(t, checks.CheckSpelling, opts, []checkCase{
		{"ru good", "China grew.", "Экономика Китая выросла благодаря экспорту.", ru, ""},
		{"ru typo", "China grew.", "Экономика Китая выросла благодоря экспорту.", ru, "check.spelling.unknown"},
		{"ru typo in loanword", "Exports grew.", "Экспорд вырос.", ru, ""}, // capitalised: taken for a name
		{"ru typo lower loanword", "The exports grew.", "Вырос экспорд.", ru, "check.spelling.unknown"},
		{"ru loanword", "The narrative of Sinophobia.", "Нарратив о синофобии.", ru, ""},
		{"ru compound adjective", "Kazakh-Chinese border.", "На казахстанско-китайской границе.", ru, ""},
		{"kk suffix chain", "Its economy.", "Қазақстан экономикасына инвестиция салынды.", kk, ""},
		{"kk typo", "Its economy.", "Қазақстан экономикасна инвестиция салынды.", kk, "check.spelling.unknown"},
		{"names skipped", "Tokayev said.", "Тоқаев мәлімдеді.", kk, ""},
		{"acronyms and numbers", "The SCO.", "ШОС-тың 20-дан астам мүшесі.", kk, ""},
		{"name with a particle", "Al-Farabi University.", "Университет имени аль-Фараби и соцсети.", ru, ""},
		{"kk loan stems", "The loan portfolio grew; most believers are Orthodox.", "Несие портфелі өсті; сенушілердің көбі православтар.", kk, ""},
		{"quoted name in another language", "KTZ will buy locomotives.", "Компания «Қазақстан темір жолы» закупит локомотивы.", ru, ""},
		{"units and brands with an inner capital", "2 billion kWh a year.", "Жылына 2 млрд кВт·сағ электр энергиясы.", kk, ""},
		{"zh not checked", "China.", "中国。", zh, ""},
		{"ru loanword of the source", "Drones guard the border.", "Границу охраняют дроны.", ru, ""},
		{"kk loanword of the source", "Спрос на пуэр в Алматы растёт.", "Алматыда пуэрге сұраныс өсіп келеді.", kk, ""},
		{"ru typo of a word of the source", "The summit opened in Astana.", "В Астане открылся самммит.", ru, "check.spelling.unknown"},
	})
}

// TestBadInput feeds texts that are empty, not UTF-8, huge or full of markup to every check:
// Check must return without panicking.
func TestBadInput(t *testing.T) {
	t.Parallel()
	inputs := []string{"", " ", "\xff\xfe\xfd", "[", "](", "<a href=", "{", "⟨", "**", "1,", "1 000,", ",5", "2023-13-45",
		"15.06.", "20世纪", "。。。", "\u0301\u0301", "ё", "X.", "1.2.3.4.5", "Қытай\xffкүші", "的的的"}
	long := []string{strings.Repeat("Китай растёт ", 3000), strings.Repeat("[^1]", 1000), strings.Repeat("中国", 5000)}
	opts := checks.Options{Terms: []checks.Term{{Terms: map[pipeline.Lang]string{en: "Belt and Road", ru: "«Пояс и путь»", zh: "一带一路"}}},
		OtherTranslations: func(string) []string { return []string{"x"} }, Spell: corpusSpeller(t)}
	for _, src := range inputs {
		for _, tgt := range inputs {
			for _, l := range []pipeline.Lang{ru, kk, zh, en, "xx"} {
				checks.Check(pipeline.CheckUnit{SourceLang: en, TargetLang: l, Source: src, Target: tgt}, opts)
			}
		}
	}
	for _, s := range long {
		for _, l := range []pipeline.Lang{ru, kk, zh} {
			checks.Check(pipeline.CheckUnit{SourceLang: en, TargetLang: l, Source: "China grows.", Target: s}, opts)
			checks.Check(pipeline.CheckUnit{SourceLang: en, TargetLang: l, Source: s, Target: "Китай растёт."}, opts)
		}
	}
	for _, s := range append(inputs, long...) {
		checks.FindTerm(s, s, ru)
		checks.FindTerm(s, "Китай", kk)
	}
}

func TestSeverityAndChecks(t *testing.T) {
	t.Parallel()
	errs := map[string]bool{checks.CheckUntranslated: true, checks.CheckNumber: true, checks.CheckWrongLanguage: true, checks.CheckGlossary: true, checks.CheckMarkup: true}
	for _, c := range checks.AllChecks {
		want := pipeline.SeverityWarning
		if errs[c] {
			want = pipeline.SeverityError
		}
		if got := checks.Severity(c); got != want {
			t.Errorf("Severity(%s) = %s, want %s", c, got, want)
		}
	}
	u := pipeline.CheckUnit{SourceLang: en, TargetLang: ru, Source: "Trade grew by 5%.", Target: "Торговля  выросла на 6 %."}
	all := checks.Check(u, checks.Options{})
	only := checks.Check(u, checks.Options{Checks: []string{checks.CheckNumber, "no_such_check"}})
	if len(all) < 2 || len(only) == 0 {
		t.Fatalf("all checks: %v; number only: %v", all, only)
	}
	for _, f := range only {
		if f.Check != checks.CheckNumber || f.Severity != pipeline.SeverityError || f.MessageID == "" || f.Data == nil {
			t.Errorf("unexpected finding %+v", f)
		}
	}
	empty := checks.Check(pipeline.CheckUnit{SourceLang: en, TargetLang: ru, Source: "Trade grew.", Target: ""}, checks.Options{})
	if len(empty) != 1 || empty[0].Check != checks.CheckUntranslated {
		t.Errorf("empty target: want one untranslated finding, got %v", empty)
	}
}

// TestTermMatcher is the terms panel's matching: the glossary check's, so that a short term
// inside a longer word ("UN" in "countries") or an English fixed phrase ("on time") is not listed
// and an inflected one ("инициативой") is; Chinese terms are found inside the text.
func TestTermMatcher(t *testing.T) {
	t.Parallel()
	terms := []string{"UN", "Belt and Road Initiative", "economy", "", "инициатива", "一带一路", "time"}
	for _, tc := range []struct {
		text string
		lang pipeline.Lang
		want []int
	}{
		{"Trade between the countries of Central Asia grew.", en, nil},
		{"The UN welcomed the Belt and Road Initiative.", en, []int{0, 1}},
		{"Their economies grew, said the UN’s envoy.", en, []int{0, 2}},
		{"The trains arrived on time; the time of the economy is now.", en, []int{2, 6}},
		{"The trains arrived on time.", en, nil},
		{"", en, nil},
	} {
		if got := checks.NewTermMatcher(terms, tc.lang).Find(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("Find(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
	if got := checks.NewTermMatcher(terms, ru).Find("Он назвал это инициативой Китая."); !slices.Equal(got, []int{4}) {
		t.Errorf("Russian: %v", got)
	}
	if got := checks.NewTermMatcher(terms, zh).Find("中国提出的一带一路倡议"); !slices.Equal(got, []int{5}) {
		t.Errorf("Chinese: %v", got)
	}
}

// TestOmissionNegation: a translation that lost the source's "not" reverses it at the same
// length; one that keeps the negation, or whose source only looks negative, is left alone.
func TestOmissionNegation(t *testing.T) {
	cases := []findingCase{
		{"The court acquitted the journalist but did not cancel the fine.", "Суд оправдал журналиста, но отменил штраф.", pipeline.English, pipeline.Russian, true},
		{"The court acquitted the journalist but did not cancel the fine.", "Суд оправдал журналиста, но не отменил штраф.", pipeline.English, pipeline.Russian, false},
		{"Министрлік тыйымды ұзартпады.", "该部延长了禁令。", pipeline.Kazakh, pipeline.Chinese, true},
		{"Министрлік тыйымды ұзартпады.", "The ministry did not extend the ban.", pipeline.Kazakh, pipeline.English, false},
		{"该部没有延长禁令。", "Министрлік тыйымды ұзартты.", pipeline.Chinese, pipeline.Kazakh, true},
		{"Ауруханада дәрігерлер жетіспейді.", "The hospital is short of doctors.", pipeline.Kazakh, pipeline.English, false},
		// 缺乏 "lack" is rendered by a negation or a word of lack; a translation with neither
		// turned the sentence around.
		{"专家指出，中亚各国普遍缺乏偿还大额外债的能力。", "Эксперты отмечают, что страны Центральной Азии, как правило, в состоянии погашать крупные внешние долги.", pipeline.Chinese, pipeline.Russian, true},
		{"专家指出，中亚各国普遍缺乏偿还大额外债的能力。", "Эксперты отмечают, что страны Центральной Азии, как правило, не в состоянии погашать крупные внешние долги.", pipeline.Chinese, pipeline.Russian, false},
		{"报告称，区域一体化的最大障碍是缺乏互信。", "Баяндамада өңірлік интеграцияның ең үлкен кедергісі – өзара сенімнің жоқтығы делінген.", pipeline.Chinese, pipeline.Kazakh, false},
		// A contrast ("X, not Y") and a lower bound say with a negative what another language says
		// without one; a compound in көп- is no negated verb.
		{"Почти все деньги уходят на потребление, а не на инвестиции.", "Nearly all of it is spent on consumption rather than invested.", pipeline.Russian, pipeline.English, false},
		{"Почти все деньги уходят на потребление, а не на инвестиции.", "Nearly all of it is spent on consumption and investment.", pipeline.Russian, pipeline.English, true},
		{"塔方希望发展冶炼加工，而不只是出口精矿。", "Tajikistan hopes to build up smelting instead of just exporting concentrate.", pipeline.Chinese, pipeline.English, false},
		{"Средняя загрузка гостиниц в высокий сезон не опускается ниже 85%.", "Hotels are at least 85% full during the high season.", pipeline.Russian, pipeline.English, false},
		{"Concrete projects are still not many.", "Нақты жобалар әлі саусақпен санарлық.", pipeline.English, pipeline.Kazakh, false},
		{"Concrete projects are still not many.", "Нақты жобалар әлі көп.", pipeline.English, pipeline.Kazakh, true},
		{"Шымкенттегі жаңа көпбейінді аурухананы түрік компаниялары салады.", "Turkish companies will build the new general hospital in Shymkent.", pipeline.Kazakh, pipeline.English, false},
		{"Not only prices but also wages rose.", "Выросли не только цены, но и зарплаты.", pipeline.English, pipeline.Russian, false},
		{"这不仅是价格问题，也是工资问题。", "This is a question of wages as well as prices.", pipeline.Chinese, pipeline.English, false},
		// Forms the markers' lists and suffixes must read: personal endings of жоқ, a verb stem
		// that ends in a negative syllable, a name, and 不公布 beside 不公 (injustice).
		{"We are not choosing between Moscow and Beijing.", "Біз Мәскеу мен Бейжің арасында таңдау жасап отырған жоқпыз.", pipeline.English, pipeline.Kazakh, false},
		{"Кәсіпорындардың саны екі есеге жуық көбейді.", "The number of companies almost doubled.", pipeline.Kazakh, pipeline.English, false},
		{"Кәсіпорындардың саны былтыр көбеймеді.", "The number of companies grew last year.", pipeline.Kazakh, pipeline.English, true},
		{"Семей полигонының зардаптары әлі де сезіледі.", "The legacy of the Semipalatinsk test site is still felt.", pipeline.Kazakh, pipeline.English, false},
		{"Власти не публикуют данных о доходах.", "当局不公布收入数据。", pipeline.Russian, pipeline.Chinese, false},
		{"Өзбекстан тарапы жобасын қолдайтынын мәлімдеді.", "Uzbekistan said it supported the project.", pipeline.Kazakh, pipeline.English, false},
		// Words that only look negative in a translation: «несмотря» (despite), орынбасар
		// (deputy), 无罪 (not guilty, "acquitted").
		{"Despite higher prices, demand did not fall.", "Несмотря на рост цен, спрос снизился.", pipeline.English, pipeline.Russian, true},
		{"The governor's deputies did not comment.", "Әкімнің орынбасарлары пікір білдірді.", pipeline.English, pipeline.Kazakh, true},
		{"Суд оправдал журналиста, но не отменил штраф.", "法院宣判该记者无罪，但撤销了罚款。", pipeline.Russian, pipeline.Chinese, true},
		{"许多教师抱怨，本地教材缺少日常对话。", "Многие преподаватели жалуются, что в местных учебниках мало бытовых диалогов.", pipeline.Chinese, pipeline.Russian, false},
		{"В сезон отели Бурабая заполнены не ниже чем на 85 %.", "Hotels in Burabay are at least 85% full in the high season.", pipeline.Russian, pipeline.English, false},
		// Bounds said with a negative in one language and without in another: 不到 "less
		// than", «не позднее» "by", and a negative rendered by a bound.
		{"每列火车在口岸停留的时间平均不到六小时。", "Each train now spends less than six hours at the border.", pipeline.Chinese, pipeline.English, false},
		{"Отчёт будет готов не позднее конца года.", "The report will be ready by the end of the year.", pipeline.Russian, pipeline.English, false},
		{"The share must not exceed five per cent.", "Доля составит не более пяти процентов.", pipeline.English, pipeline.Russian, false},
		{"这是哈萨克斯坦偷猎屡禁不止的主要原因。", "This is the main reason poaching in Kazakhstan persists despite repeated crackdowns.", pipeline.Chinese, pipeline.English, false},
		// "Has yet to" and "avoid" say a negative without one: әлі басталған жоқ, чтобы не
		// создавать.
		{"Жаңа терминалдың құрылысы әлі басталған жоқ.", "Construction of the new terminal has yet to begin.", pipeline.Kazakh, pipeline.English, false},
		{"Жаңа терминалдың құрылысы әлі басталған жоқ.", "Construction of the new terminal has begun.", pipeline.Kazakh, pipeline.English, true},
		{"Компании регистрируются как филиалы, чтобы не платить налог на прибыль.", "Companies register as branches to avoid paying profit tax.", pipeline.Russian, pipeline.English, false},
		// A б or п between vowels is a Kazakh stem's (табады "finds"), not the negative suffix;
		// 莫 names (莫斯科, 莫言), it rarely negates.
		{"Кооператив өнімін сату үшін жаңа нарық табады.", "The cooperative is finding a new market for its produce.", pipeline.Kazakh, pipeline.English, false},
		{"Кооператив өнімін сату үшін жаңа нарық таппады.", "The cooperative found a new market for its produce.", pipeline.Kazakh, pipeline.English, true},
		{"莫言的小说已被译成哈萨克语。", "Mo Yan's novels have been translated into Kazakh.", pipeline.Chinese, pipeline.English, false},
		{"纸质证书届时不再被接受。", "Бумажные сертификаты тогда перестанут принимать.", pipeline.Chinese, pipeline.Russian, false},
	}
	wantFinding(t, checks.CheckOmission, "check.omission.negation", cases)
}

// TestNumberProportions: a fraction or factor in words of another value than the source's was
// changed; the same value in other words, or a Chinese 倍 read either way, was not.
func TestNumberProportions(t *testing.T) {
	cases := []findingCase{
		{"Coal still generates about two thirds of Kazakhstan's electricity.", "Уголь по-прежнему даёт около трети электроэнергии Казахстана.", pipeline.English, pipeline.Russian, true},
		{"Coal still generates about two thirds of Kazakhstan's electricity.", "Уголь по-прежнему даёт около двух третей электроэнергии Казахстана.", pipeline.English, pipeline.Russian, false},
		{"Инвестиции выросли всемеро.", "Инвестиция бес есе өсті.", pipeline.Russian, pipeline.Kazakh, true},
		{"Инвестиции выросли всемеро.", "Investment grew sevenfold.", pipeline.Russian, pipeline.English, false},
		{"近五年来，游客人数增长了三倍。", "Over five years the number of visitors has quadrupled.", pipeline.Chinese, pipeline.English, false},
		{"过去十年，水域面积扩大了近三分之一。", "Over the decade the area grew by almost a quarter.", pipeline.Chinese, pipeline.English, true},
		{"The share fell by a third.", "Доля снизилась на 33 %.", pipeline.English, pipeline.Russian, false},
		// An ordinal in words: the rank changed, or kept in other words.
		{"Kazakhstan rose to fourth place in the overall standings.", "哈萨克斯坦升至奖牌榜总排名第六位。", pipeline.English, pipeline.Chinese, true},
		{"Kazakhstan rose to fourth place in the overall standings.", "哈萨克斯坦升至奖牌榜总排名第四位。", pipeline.English, pipeline.Chinese, false},
		{"Рождаемость снижается третий год подряд.", "The birth rate has fallen for the second year running.", pipeline.Russian, pipeline.English, true},
		{"Рождаемость снижается третий год подряд.", "Туу көрсеткіші қатарынан үшінші жыл төмендеп келеді.", pipeline.Russian, pipeline.Kazakh, false},
		{"Доля снизилась на треть.", "The share fell by a third.", pipeline.Russian, pipeline.English, false},
	}
	wantFinding(t, checks.CheckNumber, "check.number.extra", cases)
}

// TestNumberChangedCount: a spelled-out count of the source that the translation renders by
// another spelled-out count, with no number of the source's value, was changed; a count
// rendered in digits or by the same value in other words, or dropped with no other in its
// place, is not.
func TestNumberChangedCount(t *testing.T) {
	cases := []findingCase{
		{"Лёд на Иртыше встал на две недели позже обычного.", "The ice on the Irtysh formed three weeks later than usual.", pipeline.Russian, pipeline.English, true},
		{"Лёд на Иртыше встал на две недели позже обычного.", "The ice on the Irtysh formed two weeks later than usual.", pipeline.Russian, pipeline.English, false},
		{"Лёд на Иртыше встал на две недели позже обычного.", "The ice on the Irtysh formed 2 weeks later than usual.", pipeline.Russian, pipeline.English, false},
		{"哈萨克斯坦计划在五年内将温室面积扩大一倍。", "Kazakhstan plans to double its greenhouse area within three years.", pipeline.Chinese, pipeline.English, true},
		{"Baikonur will host six launches this year, two fewer than planned.", "В этом году с Байконура проведут шесть пусков — на два меньше, чем планировалось.", pipeline.English, pipeline.Russian, false},
		{"Baikonur will host six launches this year, two fewer than planned.", "В этом году с Байконура проведут восемь пусков — на два меньше, чем планировалось.", pipeline.English, pipeline.Russian, true},
		{"Only three of the eleven industrial parks have started operating.", "Из двенадцати индустриальных парков заработали лишь три.", pipeline.English, pipeline.Russian, true},
		{"Only three of the eleven industrial parks have started operating.", "Он бір индустриялық парктің тек үшеуі ғана жұмысын бастады.", pipeline.English, pipeline.Kazakh, false},
		{"Население Туркестанской области превысило два миллиона человек.", "The population of Turkestan region has passed three million.", pipeline.Russian, pipeline.English, true},
		{"Население Туркестанской области превысило два миллиона человек.", "The population of Turkestan region has passed two million.", pipeline.Russian, pipeline.English, false},
		{"Қытай мен Қазақстан арасындағы жолаушылар пойызы бес жылдық үзілістен кейін қайта жүре бастады.", "После трёхлетнего перерыва возобновилось пассажирское сообщение между Китаем и Казахстаном.", pipeline.Kazakh, pipeline.Russian, true},
		{"Қытай мен Қазақстан арасындағы жолаушылар пойызы бес жылдық үзілістен кейін қайта жүре бастады.", "После пятилетнего перерыва возобновилось пассажирское сообщение между Китаем и Казахстаном.", pipeline.Kazakh, pipeline.Russian, false},
	}
	wantFinding(t, checks.CheckNumber, "check.number.extra", cases)
}

// TestOmissionContent: a modifier or common noun of lexicon/content.txt that the translation
// renders by none of its words was left out; a rendering in another word of the concept, a
// compound that begins with it, or a capitalised word of a name in the source are no loss.
func TestOmissionContent(t *testing.T) {
	cases := []findingCase{
		{"Residents are gradually getting used to the new waste sorting rules.", "Жители постепенно привыкают к правилам сортировки мусора.", pipeline.English, pipeline.Russian, true},
		{"Residents are gradually getting used to the new waste sorting rules.", "Жители постепенно привыкают к новым правилам сортировки мусора.", pipeline.English, pipeline.Russian, false},
		{"Студенты выиграли две золотые и одну серебряную медаль.", "Студенттер екі алтын медаль жеңіп алды.", pipeline.Russian, pipeline.Kazakh, true},
		{"Қала әкімдігі барлық аулаларды жөндейді.", "The city hall will repair the courtyards.", pipeline.Kazakh, pipeline.English, true},
		{"Қала әкімдігі барлық аулаларды жөндейді.", "The city hall will repair every courtyard.", pipeline.Kazakh, pipeline.English, false},
		{"Wages in the oil and gas industry rose.", "Зарплаты в нефтегазовой отрасли выросли.", pipeline.English, pipeline.Russian, false},
		{"The delegation flew to New Delhi on Monday.", "Делегация в понедельник вылетела в Нью-Дели.", pipeline.English, pipeline.Russian, false},
		{"The museum's collection includes coins.", "В коллекцию музея входят монеты.", pipeline.English, pipeline.Russian, false},
		// A name of the built-in list dropped from a translation not much longer than usual;
		// kept as an adjective (Japanese), a Chinese abbreviation after 在 (在哈), or a Kazakh
		// common noun (астана "capital city") that is no name in the source.
		{"Сейчас в России работают граждане Узбекистана.", "Қазір Өзбекстан азаматтары жұмыс істейді.", pipeline.Russian, pipeline.Kazakh, true},
		{"Президент Жапонияның сыртқы істер министрін қабылдады.", "The president received the Japanese foreign minister.", pipeline.Kazakh, pipeline.English, false},
		{"Проверки прошли 43 китайских предприятия в Казахстане.", "在哈43家中资企业接受了检查。", pipeline.Russian, pipeline.Chinese, false},
		{"1997 жылы астана Алматыдан Ақмолаға көшірілді.", "In 1997 the capital was moved from Almaty to Akmola.", pipeline.Kazakh, pipeline.English, false},
		// English names of days are capitalised inside a sentence and still no names.
		{"The new pipeline will not pass through Kyrgyzstan, officials in Bishkek confirmed on Tuesday.", "比什凯克官员证实，新的管道不会经过吉尔吉斯斯坦。", pipeline.English, pipeline.Chinese, true},
		// Domain terms: a place in the river's course, a kind of goods, a kind of power.
		{"The World Bank is studying its impact downstream.", "Дүниежүзілік банк оның әсерін зерттеп жатыр.", pipeline.English, pipeline.Kazakh, true},
		{"The World Bank is studying its impact downstream.", "Всемирный банк изучает её последствия для стран ниже по течению.", pipeline.English, pipeline.Russian, false},
		{"Несмотря на санкции, транзит китайских товаров двойного назначения не прекратился.", "Despite sanctions, the transit of Chinese goods has not stopped.", pipeline.Russian, pipeline.English, true},
		{"中国企业承建的光伏和风电项目总装机容量超过500万千瓦。", "Суммарная мощность солнечных электростанций, построенных китайскими компаниями, превышает 5 ГВт.", pipeline.Chinese, pipeline.Russian, true},
		// A ban that the translation drops turns the bill around; a port of the list of names.
		{"Үкімет қытайлық инвесторларға жер сатуға тыйым салатын заң жобасын Мәжіліске енгізді.", "政府向马日利斯提交了一项向中国投资者出售土地的法案。", pipeline.Kazakh, pipeline.Chinese, true},
		{"Үкімет қытайлық инвесторларға жер сатуға тыйым салатын заң жобасын Мәжіліске енгізді.", "The government has submitted to the Mazhilis a bill banning the sale of land to Chinese investors.", pipeline.Kazakh, pipeline.English, false},
		{"Ақтау портының контейнерлік терминалын кеңейту жобасына Қытайдың Ляньюньган порты 20 млн доллар инвестиция салмақ.", "Китайский порт вложит 20 млн долларов в расширение контейнерного терминала порта Актау.", pipeline.Kazakh, pipeline.Russian, true},
		// "Only" restricts the claim; Kazakh тек is the word itself, not текше "cubic".
		{"Киберқауіпсіздік орталығы тек 300 шабуылдың алдын алды.", "The cybersecurity centre prevented 300 attacks.", pipeline.Kazakh, pipeline.English, true},
		{"Қазақстан жылына 10 миллиард текше метр газ экспорттай алады.", "Kazakhstan can export 10 billion cubic metres of gas a year.", pipeline.Kazakh, pipeline.English, false},
		// A per-year rate of the source: Kazakh жылына, Russian «в год».
		{"Құрғақ порт жылына 200 мың контейнер қабылдай алады.", "该无水港可接收多达20万个集装箱。", pipeline.Kazakh, pipeline.Chinese, true},
		// An English derivative of the word renders it: irrigated for irrigation.
		{"Орошение полей сократилось.", "Fewer fields are irrigated now.", pipeline.Russian, pipeline.English, false},
		// A free translation renders a word by a synonym its language uses: "another stretch" for
		// «новый участок», 合办 for бірлескен, ВИЭ for renewable energy sources; a brand kept in
		// Latin letters renders the name (China Southern).
		{"Страны готовят заявку на включение нового участка Шёлкового пути в список наследия.", "The countries are preparing a bid to have another stretch of the Silk Road put on the heritage list.", pipeline.Russian, pipeline.English, false},
		{"Страны готовят заявку на включение нового участка Шёлкового пути в список наследия.", "The countries are preparing a bid to have a stretch of the Silk Road put on the heritage list.", pipeline.Russian, pipeline.English, true},
		{"«Қазатомөнеркәсіп» қытайлық серіктестермен бірлескен зертхана ашпақ.", "哈原工计划与中方伙伴合办实验室。", pipeline.Kazakh, pipeline.Chinese, false},
		{"中国南方航空今年开通乌鲁木齐至突厥斯坦的直飞航线。", "China Southern в этом году открыла прямой рейс Урумчи — Туркестан.", pipeline.Chinese, pipeline.Russian, false},
		{"中国南方航空今年开通乌鲁木齐至突厥斯坦的直飞航线。", "Southern Airlines в этом году открыла прямой рейс из Урумчи в Туркестан с двумя рейсами в неделю.", pipeline.Chinese, pipeline.Russian, true},
		{"A documentary made jointly by Chinese and Kazakh broadcasters will air next spring.", "中哈电视台联合摄制的纪录片将于明年春季播出。", pipeline.English, pipeline.Chinese, false},
		// An ordinal and the regions of the list are content a translation keeps.
		{"Construction of the second string of the Beineu–Bozoi–Shymkent gas pipeline is due to be completed by 2027.", "Строительство газопровода Бейнеу — Бозой — Шымкент должно завершиться к 2027 году.", pipeline.English, pipeline.Russian, true},
		{"The first phase of the project will be launched in the second half of 2026.", "该项目一期将于2026年下半年投产。", pipeline.English, pipeline.Chinese, false},
		{"Арал дағдарысына байланысты Қарақалпақстанда 200 мыңға жуық тұрғын ауыз су тапшылығына тап болып отыр.", "Из-за кризиса Арала около 200 тыс. жителей испытывают нехватку питьевой воды.", pipeline.Kazakh, pipeline.Russian, true},
		// A country right before one of its places says whose place it is (中国新疆); 上合作 is
		// "on cooperation", no SCO; a Kazakh adjective of a name written as one word renders it.
		{"中国新疆是全球主要棉花产区之一，与中亚邻国在纺织机械和技术人员上合作日益密切。", "Xinjiang, one of the world's main cotton-growing regions, is working ever more closely with its Central Asian neighbours on textile machinery and technicians.", pipeline.Chinese, pipeline.English, false},
		{"在华中亚留学生人数已超过3.5万。", "Қытайда оқитын орталықазиялық студенттердің саны 35 мыңнан асты.", pipeline.Chinese, pipeline.Kazakh, false},
		{"Жаңа логистикалық орталық Қытайға жөнелтілетін жүктердің көлемін екі есе арттыруға мүмкіндік береді деп күтілуде.", "Ожидается, что новый логистический центр позволит вдвое увеличить объём грузов, которые будут отправляться по железной дороге.", pipeline.Kazakh, pipeline.Russian, true},
		// A government named by its capital renders its country, and the other way round, unless
		// the source names both.
		{"China will keep helping Tajikistan to strengthen its border controls.", "Пекин продолжит помогать Душанбе укреплять контроль на границе.", pipeline.English, pipeline.Russian, false},
		{"China will keep helping Tajikistan to strengthen its border controls.", "Пекин продолжит помогать укреплять контроль на границе.", pipeline.English, pipeline.Russian, true},
		{"中国驻哈萨克斯坦大使在阿斯塔纳举行的青年论坛上提议扩大两国学生交流。", "China's ambassador to Kazakhstan proposed expanding student exchanges between the two countries at a youth forum.", pipeline.Chinese, pipeline.English, true},
		// 两国 after the two countries' names is "both of them" (they, «стороны»), and 中哈两国 is one
		// phrase that "the two countries" renders.
		{"中国与塔吉克斯坦的税收协定签订已逾十年，但两国至今仍未就增值税问题达成一致。", "Налоговому соглашению между Китаем и Таджикистаном больше десяти лет, но по НДС стороны так и не договорились.", pipeline.Chinese, pipeline.Russian, false},
		{"中哈两国交通部门上月签署了公路运输协议。", "Last month the two countries' transport ministries signed a road transport agreement.", pipeline.Chinese, pipeline.English, false},
		{"中哈两国交通部门上月签署了公路运输协议。", "Last month the transport ministries signed a road transport agreement.", pipeline.Chinese, pipeline.English, true},
		// The head noun of a place's name goes with the name: "the Caspian", "calling at Kuryk".
		{"Каспий теңізінің деңгейі 2006 жылдан бері екі метрге жуық төмендеді.", "The Caspian has dropped by almost two metres since 2006.", pipeline.Kazakh, pipeline.English, false},
		{"Корабли, заходящие в порт Курык, вынуждены брать меньше груза.", "Ships calling at Kuryk have to carry lighter loads.", pipeline.Russian, pipeline.English, false},
		{"Корабли, заходящие в порт, вынуждены брать меньше груза из-за мелководья.", "Ships have to carry lighter loads because of the shallow water.", pipeline.Russian, pipeline.English, true},
		{"Эксперты предупреждают, что без модернизации каналов Узбекистан может столкнуться с дефицитом воды.", "Experts warn that Uzbekistan could face a water shortfall.", pipeline.Russian, pipeline.English, true},
		// 乌方 is "the Uzbek side"; 华 alone is in other words (华为, Huawei), China only after a
		// verb of place (在华, 访华).
		{"Казахстанская сторона просит Узбекистан сократить забор воды из Сырдарьи.", "哈方请求乌方减少从锡尔河的取水量。", pipeline.Russian, pipeline.Chinese, false},
		{"Казахстанская сторона просит Узбекистан сократить забор воды из Сырдарьи.", "哈方请求减少从锡尔河的取水量。", pipeline.Russian, pipeline.Chinese, true},
		{"哈萨克斯坦数字发展部与华为签署协议，为1万名公务员提供培训。", "Kazakhstan's digital development ministry has agreed with Huawei to train 10,000 civil servants.", pipeline.Chinese, pipeline.English, false},
		{"今年在华留学的哈萨克斯坦学生超过1.5万人。", "This year more than 15,000 Kazakh students are studying.", pipeline.Chinese, pipeline.English, true},
		{"冲突导致数十人受伤，中方企业随后暂停作业。", "The clash injured dozens of people, and the Chinese company then suspended operations.", pipeline.Chinese, pipeline.English, false},
		{"Оңтүстік Кореяда заңсыз жұмыс істейтін қазақстандықтардың саны 30 мыңға жетті.", "在韩国非法务工的哈萨克斯坦人已达3万人。", pipeline.Kazakh, pipeline.Chinese, false},
		// An agency's acronym names its organisation (UNDP, ПРООН for the UN's programme); a
		// deposit named by its field ("at Tengiz") keeps its ore; қосалқы бөлшектер are spare
		// parts, not retail.
		{"联合国开发计划署报告指出，咸海地区每年发生沙尘暴约90次。", "Dust storms hit the Aral region about 90 times a year, a UNDP report says.", pipeline.Chinese, pipeline.English, false},
		{"«Теңізшевройл» 2024 жылы Теңіз кен орнында 29 миллион тонна мұнай өндірді.", "Tengizchevroil produced 29 million tonnes of oil at Tengiz in 2024.", pipeline.Kazakh, pipeline.English, false},
		{"Сарапшылар қосалқы бөлшектер мен сервистік орталықтардың жетіспеушілігін айтады.", "Analysts point to a shortage of spare parts and service centres.", pipeline.Kazakh, pipeline.English, false},
		// A region named in source and translation says which country it is in.
		{"Kazakhstan plans to build a wind farm in the Zhambyl region by 2028.", "К 2028 году в Жамбылской области планируют построить ветряную электростанцию.", pipeline.English, pipeline.Russian, false},
		{"中国计划在新疆喀什地区建设一座大型物流中心。", "Қашғар аймағында ірі логистикалық орталық салу жоспарланып отыр.", pipeline.Chinese, pipeline.Kazakh, true},
		{"Kazakhstan plans to build a wind farm in the Zhambyl region by 2028.", "К 2028 году планируют построить ветряную электростанцию.", pipeline.English, pipeline.Russian, true},
		// A year relative to now named by its number.
		{"В этом году Казахстан планирует экспортировать в Китай больше пшеницы.", "Kazakhstan plans to export more wheat to China in 2025.", pipeline.Russian, pipeline.English, false},
		// A Chinese company's short name opens with 中 for China.
		{"Китайская COFCO построила в Кокшетау элеватор на 100 тыс. тонн и будет закупать там пшеницу.", "中粮集团在科克舍套建成了一座10万吨粮仓，并将在当地收购小麦。", pipeline.Russian, pipeline.Chinese, false},
		// A name of several words opens the sentence: its first word (алтын "gold") is the name's.
		{"Алтын Емел ұлттық паркінде құландар саны өсті.", "The number of kulans in Altyn-Emel National Park has grown.", pipeline.Kazakh, pipeline.English, false},
		{"В этом году Казахстан планирует экспортировать в Китай больше пшеницы.", "Kazakhstan plans to export more wheat to China.", pipeline.Russian, pipeline.English, true},
		// Two countries of the source named together in the translation.
		{"Лидеры Китая и Казахстана обменялись поздравительными посланиями по случаю годовщины установления дипломатических отношений.", "The leaders of the two countries exchanged messages of congratulation on the anniversary of diplomatic ties.", pipeline.Russian, pipeline.English, false},
		{"Лидеры Китая и Казахстана обменялись поздравительными посланиями по случаю годовщины установления дипломатических отношений.", "The leaders exchanged messages of congratulation on the anniversary of diplomatic ties.", pipeline.Russian, pipeline.English, true},
		// A weak concept (a phrase of time) counts only in a translation not longer than usual.
		{"По данным министерства, в прошлом году Казахстан поставил в Китай 9,7 млн тонн нефти.", "Kazakhstan sent 9.7 million tonnes of oil to China, the ministry says.", pipeline.Russian, pipeline.English, true},
		{"По данным министерства, в прошлом году Казахстан поставил в Китай 9,7 млн тонн нефти.", "According to the figures published by the ministry of energy of the republic, Kazakhstan supplied a total of 9.7 million tonnes of crude oil to China in 2023.", pipeline.Russian, pipeline.English, false},
	}
	wantFinding(t, checks.CheckOmission, "check.omission.anchor", cases)
}

// TestOmissionPair: an English or Russian translation that renders a pair of the source by one
// item, losing its conjunction, lost an item; a pair of names, a range "between … and …", a
// pair written as a compound, or two predicates joined by a comma are no loss.
func TestOmissionPair(t *testing.T) {
	cases := []findingCase{
		{"中国官方媒体去年与中亚各国媒体签署了20多项合作协议，内容涉及新闻交换和人员培训。", "Last year Chinese state media signed more than 20 cooperation agreements with media outlets in Central Asia, covering news exchange.", pipeline.Chinese, pipeline.English, true},
		{"中国官方媒体去年与中亚各国媒体签署了20多项合作协议，内容涉及新闻交换和人员培训。", "Last year Chinese state media signed more than 20 cooperation agreements with media outlets in Central Asia, covering news exchange and staff training.", pipeline.Chinese, pipeline.English, false},
		{"Около 1,5 млн граждан Узбекистана работают за рубежом, большинство — на стройках и в сфере услуг.", "About 1.5 million Uzbek citizens work abroad, most of them on construction sites.", pipeline.Russian, pipeline.English, true},
		{"The railway is expected to cost between $4.5 and $5 billion.", "Ожидается, что дорога обойдётся в 4,5–5 млрд долларов.", pipeline.English, pipeline.Russian, false},
		{"Wages in the oil and gas sector rose by fifteen per cent.", "Зарплаты в нефтегазовой отрасли выросли на пятнадцать процентов.", pipeline.English, pipeline.Russian, false},
		{"Trade and economic ties between the two countries grew.", "Торгово-экономические связи двух стран окрепли.", pipeline.English, pipeline.Russian, false},
		{"India and Japan are also seeking access to rare metals.", "Индия тоже стремится получить доступ к редким металлам.", pipeline.English, pipeline.Russian, false},
		{"Теңге 8 пайызға әлсіреді, алайда Ұлттық банк бағамды ұстап тұру үшін алтын және валюта резервтерін жұмсамады.", "Тенге ослаб на 8%, однако Нацбанк не стал тратить золотовалютные резервы на поддержку курса.", pipeline.Kazakh, pipeline.Russian, false},
	}
	wantFinding(t, checks.CheckOmission, "check.omission.items", cases)
}

// TestOmissionCounts: a count the source spells out and the translation renders by no number is
// reported, however little the length changed; counts rendered in digits, in other words or as
// part of a larger number are not, nor "the two sides" rendered without the number.
func TestOmissionCounts(t *testing.T) {
	cases := []findingCase{
		{"The ice now melts three weeks earlier than in the 1980s.", "Лёд теперь тает раньше, чем в 1980-х годах.", pipeline.English, pipeline.Russian, true},
		{"The ice now melts three weeks earlier than in the 1980s.", "Лёд теперь тает на три недели раньше, чем в 1980-х годах.", pipeline.English, pipeline.Russian, false},
		{"Биыл қалада он екі жаңа мектеп салынады.", "Twelve new schools will be built in the city this year.", pipeline.Kazakh, pipeline.English, false},
		{"Биыл қалада он екі жаңа мектеп салынады.", "В этом году в городе построят новые школы.", pipeline.Kazakh, pipeline.Russian, true},
		{"В детском саду будут заниматься более трёхсот детей.", "Балабақшаға үш жүзден астам бала барады.", pipeline.Russian, pipeline.Kazakh, false},
		{"In the end the two sides agreed on a timetable.", "В конце концов стороны договорились о графике.", pipeline.English, pipeline.Russian, false},
		{"今年该市将新建十二所学校和三家医院。", "Twelve new schools will be built in the city this year.", pipeline.Chinese, pipeline.English, true},
		{"The ministry did not extend the ban, which expired on 1 June.", "Министерство не продлило запрет, срок которого истёк в июне.", pipeline.English, pipeline.Russian, true},
		{"Snow cover has thinned in six of the last ten winters.", "Соңғы он қыстың алтауында қар жамылғысы жұқара түсті.", pipeline.English, pipeline.Kazakh, false},
	}
	for _, c := range cases {
		fs := checks.Check(pipeline.CheckUnit{SourceLang: c.sl, TargetLang: c.tl, Source: c.src, Target: c.tgt}, checks.Options{Checks: []string{checks.CheckOmission}})
		got := len(fs) > 0
		if got != c.want {
			t.Errorf("%q → %q: omission %v, want %v (%v)", c.src, c.tgt, got, c.want, fs)
		}
	}
}

// TestOmissionNames: a name of the source that no word of the translation renders, in its own
// spelling or transliterated, is reported; a name written in the other script, a Chinese name in
// the Russian system or a shorter local form is not.
func TestOmissionNames(t *testing.T) {
	sp := corpusSpeller(t)
	if sp == nil {
		t.Skip("TILMASH_TEST_SKIP_TOOLS=1: names are told by the dictionary")
	}
	cases := []struct {
		src, tgt string
		tl       pipeline.Lang
		want     bool
	}{
		{"The contract for the gas plant in Zhanaozen was signed by the deputy prime minister.", "Контракт на строительство газового завода подписал вице-премьер.", pipeline.Russian, true},
		{"The contract for the gas plant in Zhanaozen was signed by the deputy prime minister.", "Контракт на строительство газового завода в Жанаозене подписал вице-премьер.", pipeline.Russian, false},
		{"The contract for the gas plant in Zhanaozen was signed by the deputy prime minister.", "Жаңаөзендегі газ зауытына арналған келісімшартқа вице-премьер қол қойды.", pipeline.Kazakh, false},
		{"The delegation visited Uralsk before returning to Astana.", "Делегация Орал қаласында болып, Астанаға оралды.", pipeline.Kazakh, false},
		{"The initiative was launched by Xi Jinping at the General Assembly.", "Инициативу выдвинул Си Цзиньпин на Генеральной Ассамблее.", pipeline.Russian, false},
	}
	for _, c := range cases {
		fs := checks.Check(pipeline.CheckUnit{SourceLang: pipeline.English, TargetLang: c.tl, Source: c.src, Target: c.tgt},
			checks.Options{Checks: []string{checks.CheckOmission}, Spell: sp})
		if got := len(fs) > 0; got != c.want {
			t.Errorf("%q → %q: omission %v, want %v (%v)", c.src, c.tgt, got, c.want, fs)
		}
	}
}

// TestRepeatedPhrase: two or three words typed twice are reported like one word typed twice.
func TestRepeatedPhrase(t *testing.T) {
	for _, c := range []struct {
		tgt  string
		lang pipeline.Lang
		want bool
	}{
		{"Экспорт вырос в том числе в том числе за счёт угля.", pipeline.Russian, true},
		{"Exports rose in the in the first half.", pipeline.English, true},
		{"Экспорт екі жыл екі жыл бойы өсті.", pipeline.Kazakh, true},
		{"Prices rose again and again in the first half.", pipeline.English, false},
		{"В 2023 году в 2024 году цены росли.", pipeline.Russian, false},
		{"他们也也参加了会议。", pipeline.Chinese, true},
		{"代表团现在在北京访问。", pipeline.Chinese, false},
	} {
		fs := checks.Check(pipeline.CheckUnit{SourceLang: pipeline.English, TargetLang: c.lang, Source: "Exports rose.", Target: c.tgt},
			checks.Options{Checks: []string{checks.CheckRepeatedWord}})
		if got := len(fs) > 0; got != c.want {
			t.Errorf("%q: repeated %v, want %v (%v)", c.tgt, got, c.want, fs)
		}
	}
}

// TestNumberWordsScaled: a spelled-out number before a scale word has the scaled value, and the
// Russian teens are read whole (восемнадцать is 18, not 8).
func TestNumberWordsScaled(t *testing.T) {
	for _, c := range []struct {
		src, tgt string
		sl, tl   pipeline.Lang
	}{
		{"На строительство аэропорта потратят восемнадцать миллиардов тенге.", "机场建设将耗资180亿坚戈。", pipeline.Russian, pipeline.Chinese},
		{"Eighteen billion tenge will be spent on the airport.", "На аэропорт потратят 18 млрд тенге.", pipeline.English, pipeline.Russian},
		// A range writes its scale and its month once, after the second end.
		{"It will cost between $4.5 and $5 billion.", "预计耗资45亿至50亿美元。", pipeline.English, pipeline.Chinese},
		{"Строительство оценивается в 3–4 млрд долларов.", "建设费用估计为30亿至40亿美元。", pipeline.Russian, pipeline.Chinese},
		{"В январе — июне экспортировано 1,3 млн тонн.", "1至6月出口130万吨。", pipeline.Russian, pipeline.Chinese},
		{"It supplies more than 30 billion cubic metres.", "供应300多亿立方米。", pipeline.English, pipeline.Chinese},
		{"Уровень воды упал на полтора метра.", "水位下降了1.5米。", pipeline.Russian, pipeline.Chinese},
		{"Деңгейі бір жарым метрге төмендеді.", "The level fell by 1.5 metres.", pipeline.Kazakh, pipeline.English},
		{"Investment grew 1.5 times.", "投资增长了50%。", pipeline.English, pipeline.Chinese},
		{"Экспорт вырос в 3 раза.", "出口增长了两倍。", pipeline.Russian, pipeline.Chinese},
		{"Border trade is about 40% of the total.", "边境贸易约占总额的四成。", pipeline.English, pipeline.Chinese},
		{"Рост на 5,1%.", "增长百分之五点一。", pipeline.Russian, pipeline.Chinese},
		{"In the 1990s the economy shrank.", "上世纪90年代经济萎缩。", pipeline.English, pipeline.Chinese},
		{"The 2022/23 season.", "Сезон 2022/2023.", pipeline.English, pipeline.Russian},
		{"It generates 2.7 billion kWh a year.", "年发电量约为27亿千瓦时。", pipeline.English, pipeline.Chinese},
		// A unit another language writes in a smaller one.
		{"Сток Или — около 12 км³.", "伊犁河年径流量约为120亿立方米。", pipeline.Russian, pipeline.Chinese},
		{"The plant's capacity is 1,200 MW.", "该电站装机容量为120万千瓦。", pipeline.English, pipeline.Chinese},
		{"The plant's capacity is 1.2 GW.", "Мощность станции — 1200 МВт.", pipeline.English, pipeline.Russian},
		{"Platforms must remove illegal content within 24 hours.", "Платформы обязаны удалять незаконный контент в течение суток.", pipeline.English, pipeline.Russian},
		{"Заявку рассматривают в течение суток.", "The application is reviewed within 24 hours.", pipeline.Russian, pipeline.English},
		{"A consortium will build a 1 GW wind farm.", "一家联合体将建设100万千瓦风电场。", pipeline.English, pipeline.Chinese}, // 一家 is an article
		// A fraction answers its percentage.
		{"约占其外债的三分之一。", "Roughly 33% of its external debt.", pipeline.Chinese, pipeline.English},
		{"About 25% of oil output.", "Около четверти нефтедобычи.", pipeline.English, pipeline.Russian},
		{"About 25% of oil output.", "Мұнай өндірісінің шамамен төрттен бірі.", pipeline.English, pipeline.Kazakh},
		{"Two-thirds of exports.", "67% экспорта.", pipeline.English, pipeline.Russian},
		{"Three quarters of the land.", "75%的土地。", pipeline.English, pipeline.Chinese},
		{"Маусымның соңында қор өсті.", "At the end of June the reserves grew.", pipeline.Kazakh, pipeline.English},
		{"In the 2022/23 season exports grew.", "2022/23 маусымында экспорт өсті.", pipeline.English, pipeline.Kazakh},
	} {
		fs := checks.Check(pipeline.CheckUnit{SourceLang: c.sl, TargetLang: c.tl, Source: c.src, Target: c.tgt}, checks.Options{Checks: []string{checks.CheckNumber}})
		if len(fs) > 0 {
			t.Errorf("%q → %q: %v", c.src, c.tgt, fs)
		}
	}
}

// TestTermMatcherSuppletive: the terms panel finds a Russian term by the plural that is another
// word (ребёнок in «дети»), once.
func TestTermMatcherSuppletive(t *testing.T) {
	m := checks.NewTermMatcher([]string{"ребёнок", "школа"}, pipeline.Russian)
	got := m.Find("Дети пошли в школу, а детей встречали родители.")
	if len(got) != 2 || got[0] != 0 || got[1] != 1 {
		t.Errorf("Find = %v, want [0 1]", got)
	}
}

// TestOmissionClausesOtherSources: clauses a source sets off that the translation's language
// does not (a Chinese opening phrase, a Russian participle phrase) are not counted as lost.
func TestOmissionClausesOtherSources(t *testing.T) {
	for _, c := range []struct {
		src, tgt string
		sl, tl   pipeline.Lang
	}{
		{"近年来，随着旅游业的发展，越来越多的年轻人回到了家乡。", "Соңғы жылдары туризмнің дамуымен бірге туған жеріне оралатын жастар көбейді.", pipeline.Chinese, pipeline.Kazakh},
		{"由于资金不足，这所学校的翻修工作已经推迟了两年。", "Из-за нехватки средств ремонт школы откладывается уже два года.", pipeline.Chinese, pipeline.Russian},
		{"Выставка, открывшаяся в Астане в пятницу, продлится до конца месяца.", "周五在阿斯塔纳开幕的展览将持续到月底。", pipeline.Russian, pipeline.Chinese},
		{"The round table, originally scheduled for 14 May, has been postponed until autumn at the request of the Chinese participants.", "原定于5月14日举行的圆桌会议应中方与会者的要求推迟至秋季。", pipeline.English, pipeline.Chinese},
		{"The round table, originally scheduled for 14 May, has been postponed until autumn at the request of the Chinese participants.", "Круглый стол, первоначально назначенный на 14 мая, по просьбе китайских участников перенесён на осень.", pipeline.English, pipeline.Russian},
		{"Стипендии правительства КНР покрывают обучение, проживание в общежитии и медицинскую страховку, но не перелёт.", "Chinese government scholarships cover tuition, a room in a dormitory and medical insurance, but not the flight.", pipeline.Russian, pipeline.English},
		{"Building the nuclear plant will employ more than 15,000 people, many of them residents of Balkhash and the village of Ulken.", "核电站建设将吸纳逾1.5万人就业，其中许多是巴尔喀什市和乌尔肯镇的居民。", pipeline.English, pipeline.Chinese},
		{"阿拉木图将在2027年前新增400辆电动公交车，并改造50公里公交专用道。", "Almaty will add 400 electric buses and rebuild 50 km of bus lanes before 2027.", pipeline.Chinese, pipeline.English},
		{"阿克套港的集装箱吞吐量同比增长了一倍多，达到6.2万标箱。", "Контейнерооборот порта Актау за год вырос более чем вдвое и достиг 62 тыс. TEU.", pipeline.Chinese, pipeline.Russian},
	} {
		fs := checks.Check(pipeline.CheckUnit{SourceLang: c.sl, TargetLang: c.tl, Source: c.src, Target: c.tgt}, checks.Options{Checks: []string{checks.CheckOmission}})
		if len(fs) > 0 {
			t.Errorf("%q → %q: %v", c.src, c.tgt, fs)
		}
	}
}

// TestOmissionNegationLexical: "not … until" in a source says when, and a Russian word made
// with не- (неясно) negates in a translation.
func TestOmissionNegationLexical(t *testing.T) {
	for _, c := range []struct {
		src, tgt string
		tl       pipeline.Lang
	}{
		{"Unlike last year, the river did not freeze over until January.", "В отличие от прошлого года, река замёрзла только в январе.", pipeline.Russian},
		{"It is not yet clear how much damage the accident caused.", "Пока неясно, какой ущерб нанесла авария.", pipeline.Russian},
	} {
		fs := checks.Check(pipeline.CheckUnit{SourceLang: pipeline.English, TargetLang: c.tl, Source: c.src, Target: c.tgt}, checks.Options{Checks: []string{checks.CheckOmission}})
		if len(fs) > 0 {
			t.Errorf("%q → %q: %v", c.src, c.tgt, fs)
		}
	}
}

// TestOmissionNameInsideOrganisation: a place named inside an organisation's name (Bank of
// China, 上海合作组织, «Қазақстан темір жолы») is rendered with the organisation, often by its
// own name or initials, and is not required apart; a translation that drops the clause naming the
// place alone is still an omission.
func TestOmissionNameInsideOrganisation(t *testing.T) {
	wantFinding(t, checks.CheckOmission, "check.omission.anchor", []findingCase{
		{"Bank of China opened a branch in Astana to settle payments in yuan.", "ICBC открыл в Астане филиал для расчётов в юанях.", pipeline.English, pipeline.Russian, false},
		{"上海合作组织智库论坛将于明年在比什凯克举行。", "The SCO think-tank forum will be held in Bishkek next year.", pipeline.Chinese, pipeline.English, false},
		{"До 2029 года «Қазақстан темір жолы» закупит 300 локомотивов.", "By 2029 KTZ will buy 300 locomotives.", pipeline.Russian, pipeline.English, false},
		{"中国工商银行阿拉木图子银行的贷款余额去年增长了四成。", "The loan portfolio of ICBC's Almaty subsidiary grew by 40% last year.", pipeline.Chinese, pipeline.English, false},
		{"China Development Bank will lend the money to the Kyrgyz railway.", "Деньги кыргызской железной дороге одолжит ГБР.", pipeline.English, pipeline.Russian, false},
	})
	// The place named alone, with its clause dropped, is still an omission.
	fs := checks.Check(pipeline.CheckUnit{SourceLang: pipeline.English, TargetLang: pipeline.Russian,
		Source: "Bank of China opened a branch in Astana, and China will open a consulate there.",
		Target: "Bank of China открыл филиал в Астане."}, checks.Options{Checks: []string{checks.CheckOmission}})
	if len(fs) == 0 {
		t.Error("a dropped clause naming China was not reported")
	}
}

// TestOmissionNameInTwoWords: a name written as one word in the source and as two in the
// translation (Әмудария, Amu Darya) is rendered.
func TestOmissionNameInTwoWords(t *testing.T) {
	sp := corpusSpeller(t)
	if sp == nil {
		t.Skip("no dictionaries")
	}
	fs := checks.Check(pipeline.CheckUnit{SourceLang: pipeline.Kazakh, TargetLang: pipeline.English,
		Source: "Сырдария мен Әмудария Арал теңізін қоректендіреді.", Target: "The Syr Darya and the Amu Darya feed the Aral Sea."},
		checks.Options{Spell: sp, Checks: []string{checks.CheckOmission}})
	if len(fs) > 0 {
		t.Errorf("findings: %v", fs)
	}
}

// TestOmissionOpeningConnective: a Kazakh or Russian connective set off by a comma at the start
// (Бұдан бөлек, Кроме того,) is no clause a translation must keep as one.
func TestOmissionOpeningConnective(t *testing.T) {
	for _, c := range []struct {
		src string
		sl  pipeline.Lang
	}{
		{"Бұдан бөлек, тараптар көші-қон, білім беру және денсаулық сақтау мәселелерін де талқылады.", pipeline.Kazakh},
		{"Кроме того, стороны обсудили вопросы миграции, образования и здравоохранения.", pipeline.Russian},
	} {
		fs := checks.Check(pipeline.CheckUnit{SourceLang: c.sl, TargetLang: pipeline.English, Source: c.src,
			Target: "The sides also discussed migration, education and health."}, checks.Options{Checks: []string{checks.CheckOmission}})
		if len(fs) > 0 {
			t.Errorf("%q: %v", c.src, fs)
		}
	}
}

// findingCase is a unit and whether one check must report it with one message.
type findingCase struct {
	src, tgt string
	sl, tl   pipeline.Lang
	want     bool
}

// wantFinding runs check on each case and fails where the message's presence is not as wanted.
func wantFinding(t *testing.T, check, messageID string, cases []findingCase) {
	t.Helper()
	for _, c := range cases {
		fs := checks.Check(pipeline.CheckUnit{SourceLang: c.sl, TargetLang: c.tl, Source: c.src, Target: c.tgt}, checks.Options{Checks: []string{check}})
		got := false
		for _, f := range fs {
			got = got || f.MessageID == messageID
		}
		if got != c.want {
			t.Errorf("%q → %q: %s %v, want %v (%v)", c.src, c.tgt, messageID, got, c.want, fs)
		}
	}
}
