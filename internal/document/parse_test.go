package document

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

func TestParseSample(t *testing.T) {
	t.Parallel()
	doc := parseSample(t)
	const title = "PARTNERSHIP BETWEEN CHINA AND CENTRAL ASIAN COUNTRIES: NEW HORIZONS OF PARTY COOPERATION"
	if doc.Title != title {
		t.Errorf("title = %q, want %q", doc.Title, title)
	}
	if doc.Byline != "China Studies Center, Astana" {
		t.Errorf("byline = %q", doc.Byline)
	}
	counts := map[pipeline.BlockKind]int{}
	for i, b := range doc.Blocks {
		counts[b.Kind]++
		for _, crumb := range []string{"LATEST", "ARTICLES", "Home Central Asia"} {
			if strings.HasPrefix(b.Text, crumb) {
				t.Errorf("block %d is navigation: %q", i, b.Text)
			}
		}
		if b.Text != strings.TrimSpace(b.Text) || strings.Contains(b.Text, "  ") || strings.ContainsRune(b.Text, '\u00a0') {
			t.Errorf("block %d is not space-normalised: %q", i, b.Text)
		}
	}
	want := map[pipeline.BlockKind]int{pipeline.BlockTitle: 1, pipeline.BlockHeading: 2, pipeline.BlockParagraph: 23, pipeline.BlockByline: 1}
	for kind, n := range want {
		if counts[kind] != n {
			t.Errorf("%d blocks of kind %s, want %d", counts[kind], kind, n)
		}
	}
	if doc.Blocks[0].Kind != pipeline.BlockTitle || doc.Blocks[len(doc.Blocks)-1].Kind != pipeline.BlockByline {
		t.Errorf("title must come first and byline last, got %s … %s", doc.Blocks[0].Kind, doc.Blocks[len(doc.Blocks)-1].Kind)
	}
	if h := doc.Blocks[13]; h.Kind != pipeline.BlockHeading || h.Text != "Party Cooperation as a Strategic Tool of China’sForeign Policy" {
		t.Errorf("block 13 = %s %q, want the first heading", h.Kind, h.Text)
	}
}

type blockWant struct {
	kind pipeline.BlockKind
	text string
}

func TestParseText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		lang   pipeline.Lang
		text   string
		title  string
		byline string
		blocks []blockWant
	}{
		{
			name: "russian with breadcrumb trail",
			lang: pipeline.Russian,
			text: "ГЛАВНАЯ\nАНАЛИТИКА\n\nГлавная › Аналитика › Партнёрство Китая и Центральной Азии\n\n" +
				"Партнёрство Китая и Центральной Азии\n\n" +
				"В последние годы КНР укрепила позиции в регионе. Это важно.\n\n\u00a0\n\n" +
				"Партийное сотрудничество\n\n" +
				"КПК развивает связи с партиями региона, т.е. строит доверие.\n\n" +
				"Центр китайских исследований, Астана\n",
			title:  "Партнёрство Китая и Центральной Азии",
			byline: "Центр китайских исследований, Астана",
			blocks: []blockWant{
				{pipeline.BlockTitle, "Партнёрство Китая и Центральной Азии"},
				{pipeline.BlockParagraph, "В последние годы КНР укрепила позиции в регионе. Это важно."},
				{pipeline.BlockHeading, "Партийное сотрудничество"},
				{pipeline.BlockParagraph, "КПК развивает связи с партиями региона, т.е. строит доверие."},
				{pipeline.BlockByline, "Центр китайских исследований, Астана"},
			},
		},
		{
			name: "kazakh without crumbs, windows line endings, tabs and stray spaces",
			lang: pipeline.Kazakh,
			text: "\ufeffҚытай мен Орталық Азия:  жаңа кезең\r\n\r\n\tСоңғы жылдары  Қытай\tөңірдегі позициясын нығайтты.\r\n" +
				" \r\n\u00a0\r\nҚ.-Ж. Тоқаев ынтымақтастықтың маңызын атап өтті. \r\n\r\nҚытайтану орталығы, Астана\r\n",
			title:  "Қытай мен Орталық Азия: жаңа кезең",
			byline: "Қытайтану орталығы, Астана",
			blocks: []blockWant{
				{pipeline.BlockTitle, "Қытай мен Орталық Азия: жаңа кезең"},
				{pipeline.BlockParagraph, "Соңғы жылдары Қытай өңірдегі позициясын нығайтты."},
				{pipeline.BlockParagraph, "Қ.-Ж. Тоқаев ынтымақтастықтың маңызын атап өтті."},
				{pipeline.BlockByline, "Қытайтану орталығы, Астана"},
			},
		},
		{
			name: "chinese with navigation and repeated title",
			lang: pipeline.Chinese,
			text: "最新\n文章\n\n首页 中亚与中国 中国与中亚国家伙伴关系：政党合作新视野\n\n\u3000中国与中亚国家伙伴关系：政党合作新视野\n\n" +
				"近年来，中国在中亚的地位显著增强。政党合作是重要工具。\n\n" +
				"政党合作的战略意义\n\n" +
				"　　中国共产党与中亚国家政党积极发展关系。这种合作增进了互信！\n\n" +
				"中国研究中心，阿斯塔纳",
			title:  "中国与中亚国家伙伴关系：政党合作新视野",
			byline: "中国研究中心，阿斯塔纳",
			blocks: []blockWant{
				{pipeline.BlockTitle, "中国与中亚国家伙伴关系：政党合作新视野"},
				{pipeline.BlockParagraph, "近年来，中国在中亚的地位显著增强。政党合作是重要工具。"},
				{pipeline.BlockHeading, "政党合作的战略意义"},
				{pipeline.BlockParagraph, "中国共产党与中亚国家政党积极发展关系。这种合作增进了互信！"},
				{pipeline.BlockByline, "中国研究中心，阿斯塔纳"},
			},
		},
		{
			name: "english mixed-case title, quotes, lists and a By byline",
			lang: pipeline.English,
			text: "China and the Caspian Route\n\n" +
				"Trade across the Caspian grew fast in 2024.\n\n" +
				"> The route is now a priority,\n> officials said.\n\n" +
				"“We will build it together,” the minister said. “It will take years.”\n\n" +
				"“Connectivity is the future of the region.”\n\n" +
				"Three projects stand out:\n\n" +
				"- the port of Aktau;\n- the railway to Baku;\n1. a new ferry line.\n\n" +
				"The rest is uncertain.\n\n" +
				"By Aigerim Sultanova",
			title:  "China and the Caspian Route",
			byline: "By Aigerim Sultanova",
			blocks: []blockWant{
				{pipeline.BlockTitle, "China and the Caspian Route"},
				{pipeline.BlockParagraph, "Trade across the Caspian grew fast in 2024."},
				{pipeline.BlockQuote, "The route is now a priority, officials said."},
				{pipeline.BlockParagraph, "“We will build it together,” the minister said. “It will take years.”"},
				{pipeline.BlockQuote, "“Connectivity is the future of the region.”"},
				{pipeline.BlockParagraph, "Three projects stand out:"},
				{pipeline.BlockListItem, "the port of Aktau;"},
				{pipeline.BlockListItem, "the railway to Baku;"},
				{pipeline.BlockListItem, "1. a new ferry line."},
				{pipeline.BlockParagraph, "The rest is uncertain."},
				{pipeline.BlockByline, "By Aigerim Sultanova"},
			},
		},
		{
			name: "hard-wrapped PDF text without blank lines between paragraphs",
			lang: pipeline.English,
			text: "Water and Energy in Central Asia\n" +
				"The rivers of the region feed five countries, and their use has been\n" +
				"argued over since independence. Dams upstream and fields downstream\n" +
				"need the same water at different times of the year.\n" +
				"Cooperation has improved. A joint commission now meets every spring\n" +
				"and publishes its quotas for the season ahead, which farmers and\n" +
				"power stations plan around.\n" +
				"Author: Daniyar Kassymov\n",
			title:  "Water and Energy in Central Asia",
			byline: "Author: Daniyar Kassymov",
			blocks: []blockWant{
				{pipeline.BlockTitle, "Water and Energy in Central Asia"},
				{pipeline.BlockParagraph, "The rivers of the region feed five countries, and their use has been argued over since independence. Dams upstream and fields downstream need the same water at different times of the year."},
				{pipeline.BlockParagraph, "Cooperation has improved. A joint commission now meets every spring and publishes its quotas for the season ahead, which farmers and power stations plan around."},
				{pipeline.BlockByline, "Author: Daniyar Kassymov"},
			},
		},
		{
			name:  "title only inside the breadcrumb line",
			lang:  pipeline.English,
			text:  "LATEST\nANALYSIS\n\nHome Central Asia and China | A NEW ERA FOR THE SCO\n\nThe summit opened today in Astana.\n",
			title: "A NEW ERA FOR THE SCO",
			blocks: []blockWant{
				{pipeline.BlockTitle, "A NEW ERA FOR THE SCO"},
				{pipeline.BlockParagraph, "The summit opened today in Astana."},
			},
		},
		{
			name:   "byline under the title",
			lang:   pipeline.Russian,
			text:   "Новый этап\n\nАвтор: А. Иванов\n\n— Куда вы едете? — спросил журналист.\n— В Астану, — ответил министр.\n",
			title:  "Новый этап",
			byline: "Автор: А. Иванов",
			blocks: []blockWant{
				{pipeline.BlockTitle, "Новый этап"},
				{pipeline.BlockByline, "Автор: А. Иванов"},
				{pipeline.BlockParagraph, "— Куда вы едете? — спросил журналист."},
				{pipeline.BlockParagraph, "— В Астану, — ответил министр."},
			},
		},
		{
			name: "no title when the first line is a sentence, navigation still dropped",
			lang: pipeline.English,
			text: "NEWS\n\nThe summit opened today.\n\nLeaders met in Astana and agreed on a plan.",
			blocks: []blockWant{
				{pipeline.BlockParagraph, "The summit opened today."},
				{pipeline.BlockParagraph, "Leaders met in Astana and agreed on a plan."},
			},
		},
		{
			name:   "date line above the title and invisible characters",
			lang:   pipeline.English,
			text:   "12 March 2024\n\nA New Silk\u200b Road\n\nThe corridor opened\u00ad in spring.\n\nJohn Smith\nChina Studies Center, Astana\n",
			title:  "A New Silk Road",
			byline: "John Smith, China Studies Center, Astana",
			blocks: []blockWant{
				{pipeline.BlockTitle, "A New Silk Road"},
				{pipeline.BlockParagraph, "The corridor opened in spring."},
				{pipeline.BlockByline, "John Smith"},
				{pipeline.BlockByline, "China Studies Center, Astana"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, err := Parse(tt.text, pipeline.FormatText, tt.lang)
			if err != nil {
				t.Fatal(err)
			}
			assertDocument(t, doc, tt.title, tt.byline, tt.blocks)
		})
	}
}

func assertDocument(t *testing.T, doc pipeline.Document, title, byline string, want []blockWant) {
	t.Helper()
	if doc.Title != title {
		t.Errorf("title = %q, want %q", doc.Title, title)
	}
	if doc.Byline != byline {
		t.Errorf("byline = %q, want %q", doc.Byline, byline)
	}
	for i := range max(len(doc.Blocks), len(want)) {
		var got, w blockWant
		if i < len(doc.Blocks) {
			got = blockWant{doc.Blocks[i].Kind, doc.Blocks[i].Text}
		}
		if i < len(want) {
			w = want[i]
		}
		if got != w {
			t.Errorf("block %d = %s %q, want %s %q", i, got.kind, got.text, w.kind, w.text)
		}
	}
}

func TestParseRejectsBadInput(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		text      string
		format    pipeline.Format
		lang      pipeline.Lang
		messageID string
	}{
		{"empty", "", pipeline.FormatText, pipeline.English, "error.text_empty"},
		{"spaces and no-break spaces", " \n\u00a0\r\n\t\u200b", pipeline.FormatText, pipeline.English, "error.text_empty"},
		{"empty markdown", "\n\n", pipeline.FormatMarkdown, pipeline.Russian, "error.text_empty"},
		{"invalid UTF-8", "Title\n\nBody \xff\xfe text.", pipeline.FormatText, pipeline.English, "error.text_invalid_utf8"},
		{"title only", "A Title Without Body", pipeline.FormatText, pipeline.English, "error.text_no_body"},
		{"navigation and title only", "LATEST\nARTICLES\n\nHome › News › A Title\n\nA Title", pipeline.FormatText, pipeline.English, "error.text_no_body"},
		{"markdown heading only", "# Title\n\n## Section\n", pipeline.FormatMarkdown, pipeline.English, "error.text_no_body"},
		{"unknown format", "Title\n\nBody.", pipeline.Format("html"), pipeline.English, "error.format_unknown"},
		{"unknown language", "Title\n\nBody.", pipeline.FormatText, pipeline.Lang("de"), "error.lang_unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse(tt.text, tt.format, tt.lang)
			var perr *pipeline.Error
			if !errors.As(err, &perr) {
				t.Fatalf("error = %v, want *pipeline.Error", err)
			}
			if perr.Code != pipeline.CodeInvalid || perr.MessageID != tt.messageID {
				t.Errorf("error = %s %s, want invalid %s", perr.Code, perr.MessageID, tt.messageID)
			}
		})
	}
}

// TestParseTextCopiedFromAWebPage: a web page copied as text brings the site's furniture with
// the article (menus, share buttons, a list of other stories under "Related", a newsletter
// prompt, the footer's links and copyright); the article's own blocks stay.
func TestParseTextCopiedFromAWebPage(t *testing.T) {
	t.Parallel()
	p1 := "Kazakhstan exported more grain this year than ever before, officials said on Monday, as new rail links to China cut delivery times and traders in Kostanay and Petropavl found buyers across the border."
	p2 := "Most of it went to China and Central Asian neighbours by rail, and traders expect the trend to continue next year as the second track at Dostyk opens and the dry port at Khorgos adds capacity."
	page := "Skip to main content\nHome\nAnalysis\nEvents\nHome › Analysis › Trade\nGrain exports hit a record as rail links to China expand\nBy Aigerim Seitkali\nMarch 3, 2024 · 6 min read\nShare\n" +
		p1 + "\n" + p2 + "\nRelated\nChina's grain imports hit a record\nWheat prices fall in Central Asia\nSubscribe to our newsletter\n" +
		"© 2024 Central Asia Analysis. All rights reserved.\nPrivacy policy\nContact\n"
	doc := parsedText(t, page, pipeline.English)
	wantBlocks(t, doc, "title: Grain exports hit a record as rail links to China expand", "byline: By Aigerim Seitkali",
		"paragraph: "+p1, "paragraph: "+p2)
}

// TestParseTextParagraphPerLine: text copied from a web page gives each paragraph on one line,
// with no blank line between; short paragraphs that each end a sentence stay apart, while text
// wrapped at a width, whose lines stop mid-sentence, is joined.
func TestParseTextParagraphPerLine(t *testing.T) {
	t.Parallel()
	page := "Grain exports hit a record as rail links expand\n" +
		"Kazakhstan exported more grain this year than ever before, officials said on Monday.\n" +
		"Most of it went to China and Central Asian neighbours by rail this autumn.\n" +
		"\"We have never seen demand like this,\" said a trader in Kostanay.\n" +
		"Traders expect the trend to continue next year as the second track opens.\n"
	doc := parsedText(t, page, pipeline.English)
	wantBlocks(t, doc, "title: Grain exports hit a record as rail links expand",
		"paragraph: Kazakhstan exported more grain this year than ever before, officials said on Monday.",
		"paragraph: Most of it went to China and Central Asian neighbours by rail this autumn.",
		"paragraph: \"We have never seen demand like this,\" said a trader in Kostanay.",
		"paragraph: Traders expect the trend to continue next year as the second track opens.")
	wrapped := "Grain exports hit a record\n\nKazakhstan exported more grain this year than ever before,\nofficials said on Monday. Most of it went to China and\nCentral Asian neighbours by rail this autumn, traders said.\n"
	doc = parsedText(t, wrapped, pipeline.English)
	wantBlocks(t, doc, "title: Grain exports hit a record",
		"paragraph: Kazakhstan exported more grain this year than ever before, officials said on Monday. Most of it went to China and Central Asian neighbours by rail this autumn, traders said.")
}

// TestParseTextCopiedFromAPDF: what a PDF's text layer gives besides the words: a bullet on a
// line of its own, a compound of names hyphenated at a line's end, and in Chinese the spaces set
// between Chinese and Latin letters or digits, which another font set apart (a caption's label
// keeps the space after its number).
func TestParseTextCopiedFromAPDF(t *testing.T) {
	t.Parallel()
	en := "Border trade\n\nThe Khorgos dry port on the Kazakh-\nChinese border handled more containers than ever before, officials said.\n\n•\nstudent exchange programmes\n•\nnew rail links across the border\n"
	doc := parsedText(t, en, pipeline.English)
	wantBlocks(t, doc, "title: Border trade",
		"paragraph: The Khorgos dry port on the Kazakh-Chinese border handled more containers than ever before, officials said.",
		"list_item: student exchange programmes", "list_item: new rail links across the border")
	zh := "边境贸易\n\n据国际货币基金组织统计，2023 年乌兹别克斯坦经济增长了 6\n%。Global Gateway 战略是欧盟的回应。\n\n图 1 霍尔果斯无水港\n"
	doc = parsedText(t, zh, pipeline.Chinese)
	wantBlocks(t, doc, "title: 边境贸易", "paragraph: 据国际货币基金组织统计，2023年乌兹别克斯坦经济增长了6%。Global Gateway战略是欧盟的回应。",
		"caption: 图 1 霍尔果斯无水港")
}

// TestParseTextPDFPageFurniture: a table of contents and its label, a title page closed by its
// number ("– 1 –", "Page 1", "1/2"), a number beside the running title after a bar, and a note's
// mark at a paragraph's end that is no page number.
func TestParseTextPDFPageFurniture(t *testing.T) {
	t.Parallel()
	body := "Kazakhstan exported more grain this year than ever before, officials\nsaid on Monday, as new rail links to China cut delivery times and\ntraders found buyers across the border in Xinjiang and Gansu.1\n" +
		"Most of it went to China and Central Asian neighbours by rail, and\ntraders expect the trend to continue next year as the second track\nat Dostyk opens and the dry port at Khorgos adds capacity.\n"
	for _, number := range []string{"– # –", "Page #", "#/2", "Grain Review | #"} {
		page := func(n string) string { return strings.ReplaceAll(number, "#", n) }
		text := "Grain exports hit a record\n" + page("1") + "\nContents\nBackground.................... 2\nOutlook....................... 2\n" +
			body + "1 Customs statistics, 2024.\n" + page("2") + "\n"
		doc, err := Parse(text, pipeline.FormatText, pipeline.English)
		if err != nil {
			t.Fatal(err)
		}
		wantBlocks(t, doc, "title: Grain exports hit a record",
			"paragraph: Kazakhstan exported more grain this year than ever before, officials said on Monday, as new rail links to China cut delivery times and traders found buyers across the border in Xinjiang and Gansu.",
			"paragraph: Most of it went to China and Central Asian neighbours by rail, and traders expect the trend to continue next year as the second track at Dostyk opens and the dry port at Khorgos adds capacity.",
			"footnote: Customs statistics, 2024.")
	}
}

// TestParseTextPDFNoteMarkAfterSpace: a note's raised number that the copy set apart from the
// sentence by a space, at the line's end, is the note's mark.
func TestParseTextPDFNoteMarkAfterSpace(t *testing.T) {
	t.Parallel()
	text := "Экспорт зерна\n\nКазахстан в этом году экспортировал больше зерна, чем когда-либо,\nсообщили в понедельник чиновники министерства сельского хозяйства. 1\n\n" +
		"Большая часть ушла в Китай по железной дороге через Достык и Алтынколь,\nи трейдеры ждут продолжения роста в следующем году.\n\n1 Таможенная статистика КНР, 2024 год.\n\nСтраница 1 из 1\n"
	doc := parsedText(t, text, pipeline.Russian)
	wantBlocks(t, doc, "title: Экспорт зерна",
		"paragraph: Казахстан в этом году экспортировал больше зерна, чем когда-либо, сообщили в понедельник чиновники министерства сельского хозяйства.",
		"paragraph: Большая часть ушла в Китай по железной дороге через Достык и Алтынколь, и трейдеры ждут продолжения роста в следующем году.",
		"footnote: Таможенная статистика КНР, 2024 год.")
}

// TestParseTextPDFLoneHeader: a running header printed on the second page only (the first page
// opens with the title) is known by the institution or the series it names.
func TestParseTextPDFLoneHeader(t *testing.T) {
	t.Parallel()
	text := "Grain exports hit a record\n\nEnergy and water\n\nKazakhstan exported more grain this year than ever before, officials\nsaid on Monday, as new rail links to China cut delivery times and\ntraders found buyers across the border in Xinjiang and Gansu.\n\n– 1 –\n\n" +
		"Institute for Regional Studies\n\nMost of it went to China and Central Asian neighbours by rail, and\ntraders expect the trend to continue next year as the second track\nat Dostyk opens and the dry port at Khorgos adds capacity.\n\n– 2 –\n"
	doc := parsedText(t, text, pipeline.English)
	wantBlocks(t, doc, "title: Grain exports hit a record", "heading: Energy and water",
		"paragraph: Kazakhstan exported more grain this year than ever before, officials said on Monday, as new rail links to China cut delivery times and traders found buyers across the border in Xinjiang and Gansu.",
		"paragraph: Most of it went to China and Central Asian neighbours by rail, and traders expect the trend to continue next year as the second track at Dostyk opens and the dry port at Khorgos adds capacity.")
}

// TestParseTextPDFNoteNumberAlone: a note's number that the copy put on a line of its own, above
// the note's text, still opens the note.
func TestParseTextPDFNoteNumberAlone(t *testing.T) {
	t.Parallel()
	text := "Grain exports\n\nKazakhstan exported more grain this year than ever before, officials\nsaid on Monday, as new rail links to China cut delivery times.1 Most of it\nwent to China and Central Asian neighbours by rail this autumn.\n\n1\nCustoms statistics, 2024.\nPage 1\n"
	doc := parsedText(t, text, pipeline.English)
	wantBlocks(t, doc, "title: Grain exports",
		"paragraph: Kazakhstan exported more grain this year than ever before, officials said on Monday, as new rail links to China cut delivery times. Most of it went to China and Central Asian neighbours by rail this autumn.",
		"footnote: Customs statistics, 2024.")
}

// TestParseTextChineseBylineOverLines: a Chinese byline's second name on the line under it.
func TestParseTextChineseBylineOverLines(t *testing.T) {
	t.Parallel()
	text := "中国—中亚天然气管道的新变量\n作者：王晓明\n李娜\n\n中国—中亚天然气管道自2009年投产以来，已累计向中国输送天然气超过四千亿立方米。\n"
	doc := parsedText(t, text, pipeline.Chinese)
	wantBlocks(t, doc, "title: 中国—中亚天然气管道的新变量", "byline: 作者：王晓明 李娜",
		"paragraph: 中国—中亚天然气管道自2009年投产以来，已累计向中国输送天然气超过四千亿立方米。")
}

// TestParseTextSourceNote: in a copy of a PDF, the line that gives the source of a chart's data
// is the figure's caption; in text copied from a web page the same label credits the agency, and
// goes.
func TestParseTextSourceNote(t *testing.T) {
	t.Parallel()
	body := "Kazakhstan exported more grain this year than ever before, officials\nsaid on Monday, as new rail links to China cut delivery times.\n\nSource: national statistics agencies; author's calculations.\n\n"
	doc := parsedText(t, "Grain exports\n\n"+body+"Page 1\n", pipeline.English)
	wantBlocks(t, doc, "title: Grain exports",
		"paragraph: Kazakhstan exported more grain this year than ever before, officials said on Monday, as new rail links to China cut delivery times.",
		"caption: Source: national statistics agencies; author's calculations.")
	doc = parsedText(t, "Grain exports\n\n"+strings.Replace(body, "national statistics agencies; author's calculations.", "Reuters", 1), pipeline.English)
	wantBlocks(t, doc, "title: Grain exports",
		"paragraph: Kazakhstan exported more grain this year than ever before, officials said on Monday, as new rail links to China cut delivery times.")
}

// TestParseTextDatelineAndContentsWithoutNumbers: a dateline under the authors is no text, nor is
// a table of contents whose page numbers the copy lost.
func TestParseTextDatelineAndContentsWithoutNumbers(t *testing.T) {
	t.Parallel()
	text := "Индустриальные парки Узбекистана\nАвторы: Д. Р. Каримова, А. В. Лебедев\nТашкент, 3 марта 2025 г.\nОглавление\nМасштаб присутствия....................................\nМотивы инвесторов......................................\n\n" +
		"За последние семь лет китайские компании стали крупнейшими резидентами свободных экономических зон Узбекистана.\n"
	doc := parsedText(t, text, pipeline.Russian)
	wantBlocks(t, doc, "title: Индустриальные парки Узбекистана", "byline: Авторы: Д. Р. Каримова, А. В. Лебедев",
		"paragraph: За последние семь лет китайские компании стали крупнейшими резидентами свободных экономических зон Узбекистана.")
}

// TestParseTextRunInNumberedList: a numbered list that a copy ran into one line is read as its
// items; numbers that do not go up by one stay in their line.
func TestParseTextRunInNumberedList(t *testing.T) {
	t.Parallel()
	text := "Мотивы инвесторов\n\nОпрошенные менеджеры назвали три причины, по которым они выбрали Узбекистан.\n\n1. дешёвая электроэнергия и газ; 2. растущий внутренний рынок; 3. беспошлинный доступ на рынки ЕАЭС.\n"
	doc := parsedText(t, text, pipeline.Russian)
	wantBlocks(t, doc, "title: Мотивы инвесторов", "paragraph: Опрошенные менеджеры назвали три причины, по которым они выбрали Узбекистан.",
		"list_item: 1. дешёвая электроэнергия и газ;", "list_item: 2. растущий внутренний рынок;", "list_item: 3. беспошлинный доступ на рынки ЕАЭС.")
}

// TestParseTextLastPageOfOneNote: the last page of a copy may hold nothing but a note before its
// number.
func TestParseTextLastPageOfOneNote(t *testing.T) {
	t.Parallel()
	text := "Grain exports\n\nKazakhstan exported more grain this year than ever before, officials\nsaid on Monday, as new rail links to China cut delivery times.1 Most of it\nwent to China and Central Asian neighbours by rail this autumn, traders\nsaid, and more will follow once the second track at Dostyk opens.2\n" +
		"1 Customs statistics, 2024.\n1\n2 Interviews with traders, Kostanay, 2024.\n2\n"
	doc := parsedText(t, text, pipeline.English)
	wantBlocks(t, doc, "title: Grain exports",
		"paragraph: Kazakhstan exported more grain this year than ever before, officials said on Monday, as new rail links to China cut delivery times. Most of it went to China and Central Asian neighbours by rail this autumn, traders said, and more will follow once the second track at Dostyk opens.",
		"footnote: Customs statistics, 2024.", "footnote: Interviews with traders, Kostanay, 2024.")
}

// TestParseTextPageWordsOverNoteNumbers: where notes' numbers on lines of their own go up as
// page numbers do, the lines that say they are page numbers ("Page 1") are the pages' ends.
func TestParseTextPageWordsOverNoteNumbers(t *testing.T) {
	t.Parallel()
	text := "Transit declarations\n\nA container that leaves Xi'an for the Caspian crosses at least\ntwo customs territories before it reaches a port, and the shipper\nfiles one declaration for the whole journey.1\n1\nCustoms code of the Eurasian Economic Union.\nPage 1\n" +
		"Kazakhstan and China began exchanging export and transit data\nelectronically at Khorgos in the spring, and the share of containers\nheld for a code mismatch fell in the following months.2\n2\nMonitoring reports of the border service, 2024.\nPage 2\n"
	doc := parsedText(t, text, pipeline.English)
	wantBlocks(t, doc, "title: Transit declarations",
		"paragraph: A container that leaves Xi'an for the Caspian crosses at least two customs territories before it reaches a port, and the shipper files one declaration for the whole journey.",
		"paragraph: Kazakhstan and China began exchanging export and transit data electronically at Khorgos in the spring, and the share of containers held for a code mismatch fell in the following months.",
		"footnote: Customs code of the Eurasian Economic Union.", "footnote: Monitoring reports of the border service, 2024.")
}

// TestParseTextGenreOverTitle: a genre's name alone over a longer line ("Аналитический доклад",
// what is left of a masthead the running header repeats) is no title.
func TestParseTextGenreOverTitle(t *testing.T) {
	t.Parallel()
	text := "Аналитический доклад\nШколы перешли на пятидневку: что изменится для учеников\n\nС этого учебного года все школы города перешли на пятидневную учебную неделю.\n"
	doc := parsedText(t, text, pipeline.Russian)
	wantBlocks(t, doc, "title: Школы перешли на пятидневку: что изменится для учеников",
		"paragraph: С этого учебного года все школы города перешли на пятидневную учебную неделю.")
}

// TestParseTextStandfirstAboveAuthors: a summary set between the title and the authors' names is
// no title; the block above it is.
func TestParseTextStandfirstAboveAuthors(t *testing.T) {
	t.Parallel()
	text := "Caspian Research Centre — Occasional Papers\nThe Quiet Return of the Night Train\nSleeper services are back on three cross-border routes. Who\nis riding them, and why?\nRuth Abernethy\n\n" +
		"The first thing you notice on the night train is the silence, and the second is how full it is.\n"
	doc := parsedText(t, text, pipeline.English)
	if doc.Title != "The Quiet Return of the Night Train" {
		t.Errorf("title %q", doc.Title)
	}
}

// parsedText reads text as plain text in lang, failing the test on an error.
func parsedText(t *testing.T, text string, lang pipeline.Lang) pipeline.Document {
	t.Helper()
	doc, err := Parse(text, pipeline.FormatText, lang)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestParseTextPDFNoteNumberAfter: a note's number that the copy put after the note's text, as
// the page's last line, still makes it a note.
func TestParseTextPDFNoteNumberAfter(t *testing.T) {
	t.Parallel()
	text := "Grain exports\n\nKazakhstan exported more grain this year than ever before, officials\nsaid on Monday, as new rail links to China cut delivery times.1 Most of it\nwent to China and Central Asian neighbours by rail this autumn.2\nCustoms statistics, 2024.\n1\nInterviews with traders, 2024.\n2\n1/1\n"
	doc := parsedText(t, text, pipeline.English)
	wantBlocks(t, doc, "title: Grain exports",
		"paragraph: Kazakhstan exported more grain this year than ever before, officials said on Monday, as new rail links to China cut delivery times. Most of it went to China and Central Asian neighbours by rail this autumn.",
		"footnote: Customs statistics, 2024.", "footnote: Interviews with traders, 2024.")
}

// TestParseTextPDFNoteOverLinesBeforeNumber: on pages numbered beside the running title
// ("Review | 1"), a note set over two lines with its number under it is one note, and a number
// left at the foot of each page is the note's, not a running footer; the running title at the
// top of a later page is the page's.
func TestParseTextPDFNoteOverLinesBeforeNumber(t *testing.T) {
	t.Parallel()
	text := "Grain exports by rail\n" +
		"Kazakhstan exported more grain this year than ever before, officials\nsaid on Monday, as new rail links to China cut delivery times.1\n" +
		"Customs statistics compiled by the ministry from the declarations of all exporters,\nupdated in March 2024.\n1\n" +
		"Steppe Policy Review | 1\nSteppe Policy Review\n" +
		"Traders expect the rail share to grow again next year, when a second\ntrack opens at the border crossing.2\n" +
		"Interviews with grain traders in Kostanay and Petropavl by the authors in the\nautumn of 2024.\n2\n" +
		"Steppe Policy Review | 2\n"
	doc := parsedText(t, text, pipeline.English)
	wantBlocks(t, doc, "title: Grain exports by rail",
		// Nothing tells whether the paragraph goes on over the page: it is read as going on.
		"paragraph: Kazakhstan exported more grain this year than ever before, officials said on Monday, as new rail links to China cut delivery times. Traders expect the rail share to grow again next year, when a second track opens at the border crossing.",
		"footnote: Customs statistics compiled by the ministry from the declarations of all exporters, updated in March 2024.",
		"footnote: Interviews with grain traders in Kostanay and Petropavl by the authors in the autumn of 2024.")
}

// TestParseTextPDFLeadCaption: in a copy of a PDF, a short sentence right under the byline,
// with the text under it, is the caption of the picture that opens the article; a line that
// ends with a picture's credit is a caption wherever it stands.
func TestParseTextPDFLeadCaption(t *testing.T) {
	t.Parallel()
	text := "Herders Count the Cost of a Dry Winter\n" +
		"By Aigerim Sadykova\n" +
		"Sheep at a winter pasture near Balkhash.\n\n" +
		"Herders in the Balkhash district say they lost more animals this\nwinter than in any year since the drought of 2012, and the\nregional government has promised to compensate them.\n" +
		"Fodder prices doubled between November and February as snow cut\nthe roads to the northern farms for weeks at a time.\n\n" +
		"Bales of hay at the district depot in March. Photo: Ruslan Ibraev\n\n" +
		"The ministry says it will build two more depots before next winter,\nbut herders want the money paid out first.\n" +
		"Page 1\n"
	doc := parsedText(t, text, pipeline.English)
	wantBlocks(t, doc, "title: Herders Count the Cost of a Dry Winter", "byline: By Aigerim Sadykova",
		"caption: Sheep at a winter pasture near Balkhash.",
		"paragraph: Herders in the Balkhash district say they lost more animals this winter than in any year since the drought of 2012, and the regional government has promised to compensate them.",
		"paragraph: Fodder prices doubled between November and February as snow cut the roads to the northern farms for weeks at a time.",
		"caption: Bales of hay at the district depot in March. Photo: Ruslan Ibraev",
		"paragraph: The ministry says it will build two more depots before next winter, but herders want the money paid out first.")
}

// TestParseTextPDFChineseTitleOverLines: a Chinese title set large breaks where its line is
// full, inside a word; a short title stays whole over the byline under it.
func TestParseTextPDFChineseTitleOverLines(t *testing.T) {
	t.Parallel()
	text := "霍尔果斯口岸冷链货物通关时间缩短至两小时以\n内\n作者：李明\n" +
		"今年以来，霍尔果斯口岸推行冷链货物“提前申报、抵达验放”模式，果蔬和肉类的平均通关时间由原来的\n六小时缩短至两小时以内。\n" +
		"第 1 页\n"
	doc := parsedText(t, text, pipeline.Chinese)
	wantBlocks(t, doc, "title: 霍尔果斯口岸冷链货物通关时间缩短至两小时以内", "byline: 作者：李明",
		"paragraph: 今年以来，霍尔果斯口岸推行冷链货物“提前申报、抵达验放”模式，果蔬和肉类的平均通关时间由原来的六小时缩短至两小时以内。")
	doc = parsedText(t, "边境小城的冷链仓库\n未来的风险\n"+strings.Repeat("口岸的冷库容量不足，旺季时货物常常排队等候入库。", 3)+"\n第 1 页\n", pipeline.Chinese)
	if doc.Blocks[0].Text != "边境小城的冷链仓库" {
		t.Errorf("title %q", doc.Blocks[0].Text)
	}
	// Set larger, over two short lines above the authors (a report's research group).
	doc = parsedText(t, "边境口岸冷链物流发展\n情况调研报告\n课题组负责人：王海燕\n"+strings.Repeat("口岸的冷库容量不足，旺季时货物常常排队等候入库。", 3)+"\n第 1 页\n", pipeline.Chinese)
	if doc.Blocks[0].Text != "边境口岸冷链物流发展情况调研报告" || doc.Blocks[1].Kind != pipeline.BlockByline {
		t.Errorf("blocks %v", doc.Blocks[:2])
	}
}

// TestParseTextPDFRunningHeaderOverTwoLines: a running header set over two lines is left out
// whole on every page, the first page's too, where the title follows it.
func TestParseTextPDFRunningHeaderOverTwoLines(t *testing.T) {
	t.Parallel()
	body := "Мужская сборная Казахстана обыграла команду Таиланда со счётом\n3:1 в четвертьфинале и впервые за десять лет вышла в полуфинал\nАзиатского кубка, где встретится с командой Китая.\n"
	// A title page, then the text.
	text := "Институт стратегических исследований ·\nАналитический доклад\nСборная Казахстана\nпо волейболу\nвышла в полуфинал\nАзиатского кубка\n1\n" +
		"Институт стратегических исследований ·\nАналитический доклад\nДмитрий Ли\n" + body + body + "2\n" +
		"Институт стратегических исследований ·\nАналитический доклад\n" + body + body + "3\n"
	doc := parsedText(t, text, pipeline.Russian)
	if doc.Blocks[0].Kind != pipeline.BlockTitle || doc.Blocks[0].Text != "Сборная Казахстана по волейболу вышла в полуфинал Азиатского кубка" ||
		doc.Blocks[1].Kind != pipeline.BlockByline {
		t.Fatalf("blocks %v", doc.Blocks)
	}
	for _, b := range doc.Blocks {
		if strings.Contains(b.Text, "Аналитический доклад") || strings.Contains(b.Text, "Институт стратегических") {
			t.Errorf("the running header is in %s: %q", b.Kind, b.Text)
		}
	}
}

// TestParseTextPDFQuestionHeading: a short question on a line of its own between a sentence's
// end and a paragraph of several lines heads a section; a question that is speech does not.
func TestParseTextPDFQuestionHeading(t *testing.T) {
	t.Parallel()
	text := "Паромы на Каспии\n" +
		"Очереди грузовиков в порту Курык за год стали вдвое короче, но\nперевозчики по-прежнему ждут парома по три-четыре дня.\n" +
		"Почему паромов не хватает?\n" +
		"Флот из восьми судов не успевает за ростом перевозок, а новые\nпаромы, заказанные в 2023 году, будут готовы не раньше 2026 года.\n" +
		"– Когда придёт следующий?\n" +
		"Этот вопрос водители задают диспетчерам каждое утро, и ответа\nу диспетчеров обычно нет.\n" +
		"Стр. 1\n"
	doc := parsedText(t, text, pipeline.Russian)
	var kinds []string
	for _, b := range doc.Blocks {
		kinds = append(kinds, string(b.Kind)+": "+b.Text)
	}
	if !slices.Contains(kinds, "heading: Почему паромов не хватает?") || slices.Contains(kinds, "heading: – Когда придёт следующий?") {
		t.Errorf("blocks:\n%s", strings.Join(kinds, "\n"))
	}
}

// TestParseTextPDFPullQuote: a sentence or two in the first person set apart between two
// paragraphs of a PDF copy is a quotation the page displayed; a short line of analysis is not.
func TestParseTextPDFPullQuote(t *testing.T) {
	t.Parallel()
	para := "Transit through the Caspian ports grew again last year, but the ferries\nstill sail only when the weather allows, and a storm can close the port\nfor a week at a time in winter.\n"
	text := "Caspian Ferries\n" + para + "We do not need cheap ferries. We need ferries that come on time.\n" + para +
		"The ports handled more grain than oil.\n" + para + "Page 1\n"
	doc := parsedText(t, text, pipeline.English)
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, string(b.Kind)+": "+b.Text)
	}
	if !slices.Contains(got, "quote: We do not need cheap ferries. We need ferries that come on time.") ||
		slices.Contains(got, "quote: The ports handled more grain than oil.") {
		t.Errorf("blocks:\n%s", strings.Join(got, "\n"))
	}
}

// TestParseTextPDFNoteNumberApart: a note's number set apart from its text by a blank line at
// the page's foot still makes it a note.
func TestParseTextPDFNoteNumberApart(t *testing.T) {
	t.Parallel()
	text := "Grain exports\n\nKazakhstan exported more grain this year than ever before, officials\nsaid on Monday, as new rail links to China cut delivery times.1\n\n1\n\nCustoms statistics, 2024.\n\n1/2\n\n" +
		"Most of it went to China and Central Asian neighbours by rail, and\ntraders expect the share to grow again next year.2\n\n2\n\nInterviews with traders, Kostanay, 2024.\n\n2/2\n"
	doc := parsedText(t, text, pipeline.English)
	wantBlocks(t, doc, "title: Grain exports",
		// (The paragraph goes on over the page, as nothing shows it does not.)
		"paragraph: Kazakhstan exported more grain this year than ever before, officials said on Monday, as new rail links to China cut delivery times. Most of it went to China and Central Asian neighbours by rail, and traders expect the share to grow again next year.",
		"footnote: Customs statistics, 2024.", "footnote: Interviews with traders, Kostanay, 2024.")
}

// TestParseTextListRunIntoOneLine: a list whose items a copy ran into one line, each after its
// bullet, is an item per bullet, and the text after the list's last sentence is a paragraph.
func TestParseTextListRunIntoOneLine(t *testing.T) {
	t.Parallel()
	text := "Apple exports\n\nGrowers name three problems:\n• too few cold stores; • long queues at the border; • costly packaging. The district plans a new store next year. It will hold five thousand tonnes.\n"
	doc := parsedText(t, text, pipeline.English)
	wantBlocks(t, doc, "title: Apple exports", "paragraph: Growers name three problems:",
		"list_item: too few cold stores;", "list_item: long queues at the border;", "list_item: costly packaging.",
		"paragraph: The district plans a new store next year. It will hold five thousand tonnes.")

	// A full stop inside the last item's sentence (an abbreviation, initials) ends nothing.
	text = "Apple exports\n\nGrowers name three problems:\n• too few cold stores; • long queues at the border; • costly packaging, says Dr. A. Sadykova of the growers' union. The district plans a new store.\n"
	doc = parsedText(t, text, pipeline.English)
	wantBlocks(t, doc, "title: Apple exports", "paragraph: Growers name three problems:",
		"list_item: too few cold stores;", "list_item: long queues at the border;",
		"list_item: costly packaging, says Dr. A. Sadykova of the growers' union.",
		"paragraph: The district plans a new store.")
}

// TestParseTextChineseSectionNumbers: a Chinese section's number keeps the space before its
// title, where the spaces a PDF puts between Chinese and digits go.
func TestParseTextChineseSectionNumbers(t *testing.T) {
	t.Parallel()
	text := "节水农业合作\n\n2.1 技术示范\n\n自 2015 年起，中国有关高校和企业先后在哈萨克斯坦建立了多个农业技术示范园，推广膜下滴灌等技术。\n"
	doc := parsedText(t, text, pipeline.Chinese)
	wantBlocks(t, doc, "title: 节水农业合作", "heading: 2.1 技术示范",
		"paragraph: 自2015年起，中国有关高校和企业先后在哈萨克斯坦建立了多个农业技术示范园，推广膜下滴灌等技术。")
}

// TestParseTextPDFSectionNumberNoMark: the last part of a section's number ("2.1") is no
// reference mark of note 1, while a mark after a year that ends a sentence is.
func TestParseTextPDFSectionNumberNoMark(t *testing.T) {
	t.Parallel()
	body := "Irrigation in the region still relies on open canals that lose much of\nthe water they carry before it reaches the fields, the survey found.1\n"
	text := "Water Saving in Central Asia\n\n2.1 Field trials\n\n" + body + "Drip systems cut the water used per hectare by a third in the trials\nheld between 2019 and 2023.2\n\n1 Survey of farms, 2023.\n2 Ministry data.\n\nPage 1\n"
	doc := parsedText(t, text, pipeline.English)
	wantBlocks(t, doc, "title: Water Saving in Central Asia", "heading: 2.1 Field trials",
		"paragraph: Irrigation in the region still relies on open canals that lose much of the water they carry before it reaches the fields, the survey found. Drip systems cut the water used per hectare by a third in the trials held between 2019 and 2023.",
		"footnote: Survey of farms, 2023.", "footnote: Ministry data.")
}

// TestParseTextNameWithPostUnderTitle: a name and, after a comma, a post in words under the
// title signs the article.
func TestParseTextNameWithPostUnderTitle(t *testing.T) {
	t.Parallel()
	text := "Ертіс суы: ортақ өзенді басқарудың жаңа кезеңі\nЕрболат Жақыпов, ЕСТО жетекші сарапшысы\n" +
		"Ертіс өзені – Қазақстанның шығыс және орталық өңірлері үшін негізгі су\nкөзі. Өзеннің бастауы Қытай аумағында орналасқандықтан, оның болашағы\nекі елдің келісіміне тікелей байланысты.\n"
	doc := parsedText(t, text, pipeline.Kazakh)
	if len(doc.Blocks) < 2 || doc.Blocks[1].Kind != pipeline.BlockByline || doc.Blocks[1].Text != "Ерболат Жақыпов, ЕСТО жетекші сарапшысы" {
		t.Errorf("blocks %v", doc.Blocks)
	}
}

// TestParseTextCapsTitleOverLines: a paper's title in capitals over three lines under the
// line of its genre goes on down to the authors; a heading in capitals over the text does not
// join it.
func TestParseTextCapsTitleOverLines(t *testing.T) {
	t.Parallel()
	text := "Научная статья\nКАЗАХСТАНСКИЕ СТУДЕНТЫ В КИТАЕ:\nМАСШТАБЫ, МОТИВЫ И ТРАЕКТОРИИ\nВОЗВРАЩЕНИЯ\n" +
		"Жанар Болатовна Оспанова, кандидат социологических наук, доцент\n\n" +
		"Число казахстанских студентов в вузах Китая за восемь лет выросло почти\nвдвое, а структура выбираемых специальностей сместилась к инженерным.\n"
	doc := parsedText(t, text, pipeline.Russian)
	if doc.Blocks[0].Text != "КАЗАХСТАНСКИЕ СТУДЕНТЫ В КИТАЕ: МАСШТАБЫ, МОТИВЫ И ТРАЕКТОРИИ ВОЗВРАЩЕНИЯ" || doc.Blocks[1].Kind != pipeline.BlockByline {
		t.Errorf("blocks %v", doc.Blocks)
	}
	// "Центральной" names no centre: the line is the title's, not a masthead.
	doc = parsedText(t, "ТРУДОВАЯ МИГРАЦИЯ ИЗ ЦЕНТРАЛЬНОЙ АЗИИ\nВ КИТАЙ: НИША ИЛИ НОВОЕ НАПРАВЛЕНИЕ?\n\nД. Р. Касымов, ведущий эксперт\n\n"+
		"Число граждан стран Центральной Азии, работающих в Китае, остается небольшим\nпо сравнению с миграцией в Россию, но быстро растет.\n", pipeline.Russian)
	if doc.Blocks[0].Text != "ТРУДОВАЯ МИГРАЦИЯ ИЗ ЦЕНТРАЛЬНОЙ АЗИИ В КИТАЙ: НИША ИЛИ НОВОЕ НАПРАВЛЕНИЕ?" {
		t.Errorf("blocks %v", doc.Blocks)
	}
	doc = parsedText(t, "СТУДЕНТЫ В КИТАЕ\nВВЕДЕНИЕ\nЧисло казахстанских студентов в вузах Китая за восемь лет выросло почти\nвдвое, а структура специальностей сместилась к инженерным.\n", pipeline.Russian)
	for _, b := range doc.Blocks {
		if strings.Contains(b.Text, "КИТАЕ ВВЕДЕНИЕ") {
			t.Errorf("the heading joined the title: %v", doc.Blocks)
		}
	}
}

// TestParseTextPDFPageNumbersOverNoteNumbers: bare page numbers (45, 46) and notes' numbers on
// lines of their own (1, 2) make chains as long; the one that closes the text is the pages'.
func TestParseTextPDFPageNumbersOverNoteNumbers(t *testing.T) {
	t.Parallel()
	para := "Қытай тілін оқитын студенттердің саны соңғы он жылда екі есеге жуық\nөсті, бірақ оқулықтар мен оқытушылар әлі де жетіспейді деп санайды\nсарапшылар.1\n"
	text := "Қытай тілін оқыту\n\n" + para + para + "\n1\nБұл үрдіс 2013 жылдан кейін айқын байқалды.\n\n45\n" +
		"Студенттердің көбі қытай тілін болашақта жұмысқа орналасумен\nбайланыстырады, ал оқытушылар оқу құралдарының аздығын айтады.2\n" + para +
		"\n2\nСауалнаманың толық нәтижелері авторларда.\n\n46\n"
	doc := parsedText(t, text, pipeline.Kazakh)
	var notes []string
	for _, b := range doc.Blocks {
		if b.Kind == pipeline.BlockFootnote {
			notes = append(notes, b.Text)
		}
		if b.Text == "45" || b.Text == "46" || strings.HasPrefix(b.Text, "45 ") {
			t.Errorf("a page number is in %s: %q", b.Kind, b.Text)
		}
	}
	if len(notes) != 2 {
		t.Errorf("notes %q; blocks %v", notes, doc.Blocks)
	}
}

// TestParseTextPDFRaisedNoteNumberPlainMark: a note whose number the copy kept raised ("¹ …")
// while the text's mark came out plain ("артты.1") is still the note of that mark.
func TestParseTextPDFRaisedNoteNumberPlainMark(t *testing.T) {
	t.Parallel()
	text := "Ертіс суы\n\nСоңғы жиырма жылда өзеннің жоғарғы ағысында суды ауыл шаруашылығы мен\nөнеркәсіп қажеттеріне бұру көлемі едәуір артты.1 Қытай тарапы салған\nканал арқылы жылына бір миллиард текше метрден астам су жіберіледі.\n" +
		"¹ Жоғарғы ағыстағы су алу көлемі туралы ресми деректер жарияланбайды.\n1-бет\n"
	doc := parsedText(t, text, pipeline.Kazakh)
	wantBlocks(t, doc, "title: Ертіс суы",
		"paragraph: Соңғы жиырма жылда өзеннің жоғарғы ағысында суды ауыл шаруашылығы мен өнеркәсіп қажеттеріне бұру көлемі едәуір артты. Қытай тарапы салған канал арқылы жылына бір миллиард текше метрден астам су жіберіледі.",
		"footnote: Жоғарғы ағыстағы су алу көлемі туралы ресми деректер жарияланбайды.")
}

// TestParseTextDashItemsAfterColon: en dashes that open lines after a line ending with a colon
// are a list's bullets, however full that line is.
func TestParseTextDashItemsAfterColon(t *testing.T) {
	t.Parallel()
	text := "Wind power\n\nChinese investors enter the Kazakh wind market in three ways, of which the\nthird is by far the most common among the projects built since 2020:\n" +
		"– financing a project in full and keeping the plant;\n– a joint venture with a local company;\n– building the plant as an EPC contractor.\nThe last form is the most widespread, as most turbines come from China.\n"
	doc := parsedText(t, text, pipeline.English)
	wantBlocks(t, doc, "title: Wind power",
		"paragraph: Chinese investors enter the Kazakh wind market in three ways, of which the third is by far the most common among the projects built since 2020:",
		"list_item: financing a project in full and keeping the plant;", "list_item: a joint venture with a local company;",
		"list_item: building the plant as an EPC contractor.", "paragraph: The last form is the most widespread, as most turbines come from China.")
}

// TestParseTextTitleOverThreeLines: a title over three lines above its authors, the first
// ending with a colon, is read whole.
func TestParseTextTitleOverThreeLines(t *testing.T) {
	t.Parallel()
	text := "WP/25/07\nPaying in Yuan on the Steppe:\nRenminbi Invoicing in Kazakhstan's\nTrade with China\nPrepared by Dana Akhmetova and Li Wenjun\n\n" +
		"Since 2022 a growing share of Kazakhstan's imports from China has been invoiced\nand settled in renminbi rather than in US dollars, customs data show.\n"
	doc := parsedText(t, text, pipeline.English)
	if doc.Blocks[0].Text != "Paying in Yuan on the Steppe: Renminbi Invoicing in Kazakhstan's Trade with China" {
		t.Errorf("blocks %v", doc.Blocks)
	}
}

// TestParseTextSectionNumberAfterBullets: a numbered line under a bulleted list heads the
// section that follows; the bulleted list does not make it an item.
func TestParseTextSectionNumberAfterBullets(t *testing.T) {
	t.Parallel()
	text := "Новая железная дорога\n\nОсновные выводы\n\n● Линия сократит путь грузов из Синьцзяна в Ферганскую долину.\n● Главные риски связаны с горным рельефом.\n\n" +
		"1. Проект и его история\n\nИдея железной дороги, которая соединила бы Кашгар с Ферганской долиной,\nобсуждается с 1990-х годов, но до недавнего времени не выходила за рамки\nтехнико-экономических обоснований.\n"
	doc := parsedText(t, text, pipeline.Russian)
	var kinds []string
	for _, b := range doc.Blocks {
		kinds = append(kinds, string(b.Kind)+": "+b.Text)
	}
	if !slices.Contains(kinds, "heading: 1. Проект и его история") {
		t.Errorf("blocks:\n%s", strings.Join(kinds, "\n"))
	}
}

// TestParseTextChineseReportShapes: a Chinese title over three short lines, the first ending
// with a colon; a figure's caption and its source on lines of their own; items numbered with a
// full-width point.
func TestParseTextChineseReportShapes(t *testing.T) {
	t.Parallel()
	text := "跨境电商与中欧班列：\n中国—中亚物流通道的\n新动能\n执笔人：王晓东\n\n" +
		"2020年以来，中欧班列开行数量保持较快增长，其中经中亚方向的西通道\n承担了相当大的份额。\n" +
		"图1 2019—2024年经霍尔果斯口岸进出境中欧班列数量（列）\n资料来源：根据口岸管理部门公开数据整理。\n\n" +
		"1．推动与哈萨克斯坦等国海关开展数据互认；\n2．支持企业在中亚主要城市建设海外仓。\n\n第 1 页\n"
	doc := parsedText(t, text, pipeline.Chinese)
	wantBlocks(t, doc, "title: 跨境电商与中欧班列：中国—中亚物流通道的新动能", "byline: 执笔人：王晓东",
		"paragraph: 2020年以来，中欧班列开行数量保持较快增长，其中经中亚方向的西通道承担了相当大的份额。",
		"caption: 图1 2019—2024年经霍尔果斯口岸进出境中欧班列数量（列）", "caption: 资料来源：根据口岸管理部门公开数据整理。",
		"list_item: 1．推动与哈萨克斯坦等国海关开展数据互认；", "list_item: 2．支持企业在中亚主要城市建设海外仓。")
}

// TestParseTextPDFCaptionWithoutStopOverHeading: a heading-like line between a paragraph's end
// and the next heading is a caption set without a full stop.
func TestParseTextPDFCaptionWithoutStopOverHeading(t *testing.T) {
	t.Parallel()
	para := "Жүн бағасы соңғы екі жылда екі есеге жуық өсті, бірақ шаруалар ақшаны\nфабрикалардан айлап күтеді, ал жүнді жуатын орын облыста жоқ.\n"
	text := "Жетісудағы жүн саудасы\n\n" + para + "Сарқан ауданындағы қырқым алаңы\nҚытай фабрикалары не алады?\n" + para + "1-бет\n"
	doc := parsedText(t, text, pipeline.Kazakh)
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, string(b.Kind)+": "+b.Text)
	}
	if !slices.Contains(got, "caption: Сарқан ауданындағы қырқым алаңы") || !slices.Contains(got, "heading: Қытай фабрикалары не алады?") {
		t.Errorf("blocks:\n%s", strings.Join(got, "\n"))
	}
}

// TestParseTextPDFLeadCaptionAfterStandfirst: the opening picture's caption under the byline
// is one with a summary between the title and the byline too.
func TestParseTextPDFLeadCaptionAfterStandfirst(t *testing.T) {
	t.Parallel()
	text := "China's electric buses arrive in Tashkent\nThe city bought hundreds of buses in two years. Charging them is proving\nharder than buying them.\nBy Timur Yusupov and Anna Kovacs\n" +
		"New electric buses wait for a charging slot at a depot on the edge of\nTashkent.\n\n" +
		"TASHKENT — The buses are quiet, clean and, on most mornings, late. Since\n2022 the city has added several hundred of them to its fleet of diesel\nbuses, most bought with a loan.\nPage 1\n"
	doc := parsedText(t, text, pipeline.English)
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, string(b.Kind)+": "+b.Text)
	}
	if !slices.Contains(got, "caption: New electric buses wait for a charging slot at a depot on the edge of Tashkent.") {
		t.Errorf("blocks:\n%s", strings.Join(got, "\n"))
	}
}

// TestParseTextBylineShapes: Chinese bylines in brackets, after an outlet's reporter and after
// the editor's label, and a name with a post under a summary, sign the article.
func TestParseTextBylineShapes(t *testing.T) {
	t.Parallel()
	zh := "中亚国家的多元外交\n\n%s\n\n独立三十多年来，中亚国家普遍奉行所谓“多元平衡”外交，与俄罗斯保持同盟关系，同时发展与中国的全面战略伙伴关系。\n"
	for _, by := range []string{"【文/观察者网专栏作者 陈立新】", "澎湃新闻记者 王海燕", "编辑｜陈默"} {
		doc := parsedText(t, strings.Replace(zh, "%s", by, 1), pipeline.Chinese)
		if len(doc.Blocks) < 2 || doc.Blocks[1].Kind != pipeline.BlockByline {
			t.Errorf("%s: blocks %v", by, doc.Blocks)
		}
	}
	en := "Swaps for Glaciers\n\nDebt-for-nature swaps could pay for glacier monitoring, but only if creditors agree.\n\nHannah West, Senior Fellow, Energy and Climate Program\n\n" +
		"Central Asia's glaciers have lost a quarter of their mass since the 1960s, and the\nmonitoring stations that measure the loss are old and few.\n"
	doc := parsedText(t, en, pipeline.English)
	if len(doc.Blocks) < 3 || doc.Blocks[2].Kind != pipeline.BlockByline {
		t.Errorf("blocks %v", doc.Blocks)
	}
}

// TestParseTextQuestionHeadingOverOneLineParagraphs: in a copy that kept each paragraph on one
// line, a short question between two long lines heads the section.
func TestParseTextQuestionHeadingOverOneLineParagraphs(t *testing.T) {
	t.Parallel()
	para := "Гранттар тек оқу ақысын ғана емес, жатақхана мен ай сайынғы шәкіртақыны да қамтиды, сондықтан Қытайда оқуға ниет білдірген жастар жыл сайын көбейіп келеді деп санайды сарапшылар."
	text := "Қытай гранттары\n\n" + para + "\nБейжіңнің мақсаты не?\n" + para + "\n"
	doc := parsedText(t, text, pipeline.Kazakh)
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, string(b.Kind)+": "+b.Text)
	}
	if !slices.Contains(got, "heading: Бейжіңнің мақсаты не?") {
		t.Errorf("blocks:\n%s", strings.Join(got, "\n"))
	}
}

// TestParseTextListEndsWithFullStop: the text after a list whose items end with semicolons,
// the last with a full stop, is a paragraph again, whether the list was set a line an item or
// run into one line.
func TestParseTextListEndsWithFullStop(t *testing.T) {
	t.Parallel()
	lines := "Water sharing\n\nThree steps are within reach:\n1. real-time data from the border gauges;\n2. a joint drought protocol;\n3. a shared study of the lake.\nNone of these would settle the question of shares, but each would help in a dry year.\n"
	runIn := "Water sharing\n\nThree steps are within reach:\n\n1. real-time data from the border gauges; 2. a joint drought protocol; 3. a shared study of the lake. None of these would settle the question of shares.\n"
	for name, text := range map[string]string{"a line an item": lines, "run into one line": runIn} {
		doc := parsedText(t, text, pipeline.English)
		last := doc.Blocks[len(doc.Blocks)-1]
		if last.Kind != pipeline.BlockParagraph || !strings.HasPrefix(last.Text, "None of these") {
			t.Errorf("%s: blocks %v", name, doc.Blocks)
		}
	}
}

// TestParseTextExplicitBylineInHead: a line that names its author explicitly signs the article
// wherever it stands before the text, after a caption too; a running header that names a
// research centre on a later page is the page's.
func TestParseTextExplicitBylineInHead(t *testing.T) {
	t.Parallel()
	text := "Қамбаш көліндегі балық аулау\n\nБалықшылар маусымды ерте бастады.\nЖазған: Дәурен Мұхамеджанов\n\n" +
		"Қамбаш көлінде балық аулау маусымы биыл ерте басталды, өйткені мұз наурыздың басында еріп кетті.\n"
	doc := parsedText(t, text, pipeline.Kazakh)
	wantBlocks(t, doc, "title: Қамбаш көліндегі балық аулау", "paragraph: Балықшылар маусымды ерте бастады.",
		"byline: Жазған: Дәурен Мұхамеджанов",
		"paragraph: Қамбаш көлінде балық аулау маусымы биыл ерте басталды, өйткені мұз наурыздың басында еріп кетті.")
}

// TestParseTextTitleOverNames: a title broken over two lines above the author's name, its second
// line a word that could be a menu's.
func TestParseTextTitleOverNames(t *testing.T) {
	t.Parallel()
	text := "What Khorgos Taught Me About Dry\nPorts\nSerik Amanov\nI spent six years moving containers through Khorgos before I moved\nto a desk job, and people outside the business still ask me about it.\n"
	doc := parsedText(t, text, pipeline.English)
	if doc.Title != "What Khorgos Taught Me About Dry Ports" || doc.Byline != "Serik Amanov" {
		t.Errorf("title %q, byline %q", doc.Title, doc.Byline)
	}
}

// TestParseTextPDFLoneCaptionLine: in a copy of a PDF, a single line of one short sentence
// between two paragraphs of several lines is a picture's caption; a labelled line is not.
func TestParseTextPDFLoneCaptionLine(t *testing.T) {
	t.Parallel()
	text := "Grain exports\n\nKazakhstan exported more grain this year than ever before, officials\nsaid on Monday, as new rail links to China cut delivery times for\ntraders in Kostanay.\n" +
		"Freight trains at the Altynkol station in March 2024.\nMost of it went to China and Central Asian neighbours by rail, and\ntraders expect the trend to continue next year as the second track\nopens.\nPage 1\n"
	doc := parsedText(t, text, pipeline.English)
	wantBlocks(t, doc, "title: Grain exports",
		"paragraph: Kazakhstan exported more grain this year than ever before, officials said on Monday, as new rail links to China cut delivery times for traders in Kostanay.",
		"caption: Freight trains at the Altynkol station in March 2024.",
		"paragraph: Most of it went to China and Central Asian neighbours by rail, and traders expect the trend to continue next year as the second track opens.")
}
