package document

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/tilmash/tilmash/pipeline"
)

// TestHTMLBylineOfLinkedNames: a byline box of several linked names takes them all, and a
// label glued to a linked name ("<span>Author:</span><a>…</a>") is parted from it, and is no
// link block.
func TestHTMLBylineOfLinkedNames(t *testing.T) {
	t.Parallel()
	text := "<p>Chinese banks lend to the region's companies mostly through syndicated loans, and only two of them keep branches of their own in Almaty.</p>" +
		"<p>Bankers name three reasons: the markets are small, the rules change often, and the banks fear secondary sanctions.</p>" +
		"<p>Analysts expect lending to grow with trade in yuan, but not the number of branches.</p>"
	for _, c := range []struct{ line, want string }{
		{`<div class="article-authors"><a class="article-authors__author" href="/authors/kravets">Olga Kravets</a>, <a class="article-authors__author" href="/authors/nurmanov">Aidar Nurmanov</a></div>`,
			"Olga Kravets, Aidar Nurmanov"},
		{`<div class="ArticleAuthor_author"><span class="ArticleAuthor_label">Автор:</span><a href="/kk/author/gulnar">Гүлнар Әбілқасымова</a></div>`,
			"Автор: Гүлнар Әбілқасымова"},
		{`<div class="hero__people"><span class="hero__people-label">Author:</span> <a href="/experts/rebecca-thorne" class="person-link">Rebecca Thorne</a></div>`,
			"Author: Rebecca Thorne"},
	} {
		page := `<html><head><title>Banks</title></head><body><main><h1>Banks</h1>` + c.line + text + `</main></body></html>`
		doc := readPage(t, page, pipeline.English)
		if doc.Byline != c.want {
			t.Errorf("%s: byline %q, want %q: %v", c.line, doc.Byline, c.want, kinds(doc))
		}
	}
}

// TestHTMLCreditBesideChartCaption: under a chart titled above it, the line that names the
// data's source is a credit, not a second caption.
func TestHTMLCreditBesideChartCaption(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Loans</title></head><body><article><h1>Loans</h1>
<p>Lending by Chinese banks to companies in the region grew by half in five years, most of it through syndicated loans for single projects.</p>
<div class="box-chart"><div class="box-chart__title">Loans of Chinese banks to the region, $ bn</div><div class="box-chart__img"><img src="/c.svg" alt=""></div><div class="box-chart__source">Source: bank reports</div></div>
<p>Analysts expect the growth to go on as long as trade in yuan grows with it, and the banks to keep away from retail.</p>
</article></body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc, "title: Loans",
		"paragraph: Lending by Chinese banks to companies in the region grew by half in five years, most of it through syndicated loans for single projects.",
		"caption: Loans of Chinese banks to the region, $ bn",
		"paragraph: Analysts expect the growth to go on as long as trade in yuan grows with it, and the banks to keep away from retail.")
}

// TestHTMLParagraphNamedAsTitle: inside the text, a paragraph named as a box's title heads the
// box; a single word so named ("Note") is a label and stays a paragraph.
func TestHTMLParagraphNamedAsTitle(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Passes</title></head><body><article><h1>Passes</h1>
<p>Traders cross the mountains to Kashgar every week to buy clothes and household goods for the markets of Bishkek and Osh, and students go the same way at the start of each term.</p>
<div class="ContextBlock-root"><p class="ContextBlock-title">What to know about the passes</p><ul><li>Torugart lies at about 3,750 metres.</li><li>Irkeshtam is nearer to Osh.</li></ul></div>
<div class="admonition note"><p class="admonition-title">Note</p><p>Both crossings close on Chinese public holidays.</p></div>
</article></body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc, "title: Passes",
		"paragraph: Traders cross the mountains to Kashgar every week to buy clothes and household goods for the markets of Bishkek and Osh, and students go the same way at the start of each term.",
		"heading: What to know about the passes",
		"list_item: Torugart lies at about 3,750 metres.",
		"list_item: Irkeshtam is nearer to Osh.",
		"paragraph: Note",
		"paragraph: Both crossings close on Chinese public holidays.")
}

// TestHTMLAccountNameInMetaLine: in a line of the date, the place and the account that posted
// the article, the account's name that links to its page signs the article, unless the line
// invites the reader to follow the account, which makes it a channel's name.
func TestHTMLAccountNameInMetaLine(t *testing.T) {
	t.Parallel()
	text := `<p>从阿拉木图向北驱车几个小时，草原上陆续出现一排排白色风机。这些风电场中，有不少是中国企业投资或承建的。</p>` +
		`<p>哈萨克斯坦风能资源丰富，但长期以来电力主要依靠煤电。</p><p>总体来看，新能源合作正在成为中哈合作的新亮点。</p>`
	for _, c := range []struct{ line, want string }{
		{`<div class="meta"><span>原创</span><span>2024-03-26 10:40</span><span class="name"><a href="/c/user/token/abc/">欧亚能源观察</a></span><span>·</span><span>新疆</span></div>`, "欧亚能源观察"},
		{`<div class="meta"><div class="info"><a class="n" href="/author/1">边疆文化观察</a><div class="src"><span>2024-07-21 18:06</span><span>内蒙古</span></div></div><div class="f">关注</div></div>`, ""},
	} {
		page := `<html><head><title>草原上的风车</title></head><body><div class="article"><h1>草原上的风车</h1>` + c.line + `<article>` + text + `</article></div></body></html>`
		doc := readPage(t, page, pipeline.Chinese)
		if doc.Byline != c.want {
			t.Errorf("%s: byline %q, want %q: %v", c.line, doc.Byline, c.want, kinds(doc))
		}
	}
}

// TestHTMLBylineHoldingTheMetaLine: a byline element whose text is the whole meta line, its
// pieces parted by wide spaces, gives the author's piece alone, without the date and the count
// of readers.
func TestHTMLBylineHoldingTheMetaLine(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>中亚粮食安全合作</title></head><body><div class="detail"><h1>中亚粮食安全合作</h1>
<p class="detail-author">作者：周海燕　　发布时间：2024-10-22　　浏览次数：815</p>
<p>粮食安全是上海合作组织成员国共同关心的问题。中亚国家既有粮食出口大国，也有高度依赖进口的国家，区域内合作潜力较大。</p>
<p>本文梳理了上合组织框架下粮食安全合作的进展。</p><p>并提出进一步深化合作的建议。</p></div></body></html>`
	doc := readPage(t, page, pipeline.Chinese)
	if doc.Byline != "作者：周海燕" {
		t.Errorf("byline %q: %v", doc.Byline, kinds(doc))
	}
}

// TestHTMLClosingChannelBox: the box after the text that invites the reader to the site's
// channel, with a button-like link to the messenger beside its line, is left out.
func TestHTMLClosingChannelBox(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Ет экспорты</title></head><body><div class="page"><h1>Ет экспорты</h1>
<div class="body"><p>Былтыр Қазақстан мен Қытай арасында бірнеше ет өңдеу кәсіпорнына экспорт рұқсатын беру туралы келісім жасалды.</p>
<p>Министрлік экспортты одан әрі кеңейтуді жоспарлап отыр.</p></div>
<div class="subscribe"><p>Жаңалықтарды бірінші болып оқығыңыз келсе, Telegram-арнамызға жазылыңыз</p><a href="https://t.me/site_kz">Жазылу</a></div>
</div></body></html>`
	doc := readPage(t, page, pipeline.Kazakh)
	wantBlocks(t, doc, "title: Ет экспорты",
		"paragraph: Былтыр Қазақстан мен Қытай арасында бірнеше ет өңдеу кәсіпорнына экспорт рұқсатын беру туралы келісім жасалды.",
		"paragraph: Министрлік экспортты одан әрі кеңейтуді жоспарлап отыр.")
}

// TestHTMLAuthorCardBesidePortrait: after the text, the author's picture with a box that gives
// the name on a line of its own and a sentence about the author is no caption and no text.
func TestHTMLAuthorCardBesidePortrait(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>The SCO</title></head><body><main><h1>The SCO</h1>
<div class="body"><p>The organisation was founded in 2001 to settle border questions, and two decades later it has ten members, including India, Pakistan and Iran, and a waiting room full of partners.</p>
<p>If that division of labour holds, it will simply matter less to the region where it began.</p></div>
<div class="card"><img src="/a.jpg" alt=""><div><p>Madina Ergasheva</p><p>Madina Ergasheva covers security in Central Asia. She is based in Tashkent.</p><a href="/authors/me">More from this author</a></div></div>
</main></body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc, "title: The SCO",
		"paragraph: The organisation was founded in 2001 to settle border questions, and two decades later it has ten members, including India, Pakistan and Iran, and a waiting room full of partners.",
		"paragraph: If that division of labour holds, it will simply matter less to the region where it began.")
}

// TestHTMLDownloadAndCiteBoxes: after the text, a box with a link to the article's file set
// alone and a box that tells how to cite the article leave nothing behind, their headings
// included.
func TestHTMLDownloadAndCiteBoxes(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>The Middle Corridor after the boom</title></head><body><main><h1>The Middle Corridor after the boom</h1>
<div class="body"><p>When the war closed the northern route across Russia, shippers looked for another way to move goods between China and Europe, and found the trans-Caspian route.</p>
<p>Volumes rose sharply in 2022, but from a low base.</p></div>
<div class="downloads"><h3>Downloads</h3><a href="/files/middle-corridor.pdf">Download PDF (1.2 MB)</a></div>
<div class="cite"><h3>Cite this</h3><p>Thorne, R. (2024), The Middle Corridor after the boom, Research paper, London: Institute of Continental Affairs.</p></div>
</main></body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc, "title: The Middle Corridor after the boom",
		"paragraph: When the war closed the northern route across Russia, shippers looked for another way to move goods between China and Europe, and found the trans-Caspian route.",
		"paragraph: Volumes rose sharply in 2022, but from a low base.")
}

// TestHTMLRevisionLineNamesNoAuthor: a wiki's line that records who created and who last
// modified the page names its editors, and gives the article no byline.
func TestHTMLRevisionLineNamesNoAuthor(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Briefing: the railway</title></head><body><div id="main"><h1>Briefing: the railway</h1>
<div class="page-metadata"><ul><li>Created by <span class="author"><a href="/display/~a.karimova">Aziza Karimova</a></span>, last modified by <span class="editor"><a href="/display/~t.reed">Thomas Reed</a></span> on <a href="/pages/diff">Apr 03, 2024</a></li></ul></div>
<div class="wiki-content"><p>For Uzbekistan the railway through Kyrgyzstan to China is a way out of a double dependence on its neighbours' routes.</p>
<p>The three governments signed an agreement on the project in June 2024 after more than twenty years of talks.</p>
<p>Our working assumption is that construction will start, but slowly.</p></div></div></body></html>`
	doc := readPage(t, page, pipeline.English)
	if doc.Byline != "" {
		t.Errorf("byline %q: %v", doc.Byline, kinds(doc))
	}
	wantBlocks(t, doc, "title: Briefing: the railway",
		"paragraph: For Uzbekistan the railway through Kyrgyzstan to China is a way out of a double dependence on its neighbours' routes.",
		"paragraph: The three governments signed an agreement on the project in June 2024 after more than twenty years of talks.",
		"paragraph: Our working assumption is that construction will start, but slowly.")
}

// TestHTMLRecordFields: a repository's record prints its fields as a small heading over a
// short value each; of them only the authors sign the article, and a field whose value is
// paragraphs (the abstract) is the text.
func TestHTMLRecordFields(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Students from Central Asia in Chinese universities</title></head><body><main>
<h2>Students from Central Asia in Chinese universities</h2>
<div class="row"><div class="col">
<div class="field"><h5>Files</h5><div class="files"><a href="/bitstreams/4f1c/download">Saidova_2023.pdf</a> (812.4 KB)</div></div>
<div class="field"><h5>Date</h5><span>2023</span></div>
<div class="field"><h5>Authors</h5><div class="body"><span>Saidova, Malika</span>; <span>Hartmann, Jonas</span></div></div>
<div class="field"><h5>Type</h5><span>Working Paper</span></div>
</div><div class="col">
<div class="field"><h5>Abstract</h5><div class="body"><p>The number of students from the five Central Asian countries enrolled at Chinese universities has grown roughly fivefold since 2010.</p><p>Most respondents chose China for its scholarships and for the value of the Chinese language at home.</p></div></div>
<div class="field"><h5>Citation</h5><span>Saidova, M. and Hartmann, J. (2023). Working Paper No. 14.</span></div>
<div class="field"><h5>Collections</h5><a href="/collections/2b7">Working Papers</a></div>
</div></div></main></body></html>`
	doc := readPage(t, page, pipeline.English)
	if doc.Byline != "Saidova, Malika; Hartmann, Jonas" {
		t.Errorf("byline %q: %v", doc.Byline, kinds(doc))
	}
	wantBlocks(t, doc, "title: Students from Central Asia in Chinese universities",
		"heading: Abstract",
		"paragraph: The number of students from the five Central Asian countries enrolled at Chinese universities has grown roughly fivefold since 2010.",
		"paragraph: Most respondents chose China for its scholarships and for the value of the Chinese language at home.",
		"byline: Saidova, Malika; Hartmann, Jonas")
}

// TestHTMLRowOfCellBoxes: short boxes set side by side inside the text (a match's teams and
// score) are one line, their cells parted as a table row's are.
func TestHTMLRowOfCellBoxes(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Волейбол</title></head><body><article><h1>Волейбол</h1>
<p>Мужская сборная Казахстана обыграла команду Таиланда со счётом 3:1 в четвертьфинале Азиатского кубка, проиграв только первую партию.</p>
<div class="widget"><div class="team">Казахстан</div><div class="score">3:1</div><div class="team">Таиланд</div></div>
<p>В полуфинале соперником Казахстана станет победитель пары Иран — Япония.</p>
</article></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc, "title: Волейбол",
		"paragraph: Мужская сборная Казахстана обыграла команду Таиланда со счётом 3:1 в четвертьфинале Азиатского кубка, проиграв только первую партию.",
		"paragraph: Казахстан; 3:1; Таиланд",
		"paragraph: В полуфинале соперником Казахстана станет победитель пары Иран — Япония.")
}

// TestHTMLChineseNewsControls: the text size control ("【字体：大 中 小】"), a line of bracketed
// furniture ("【纠错】 【责任编辑：…】") and a label over earlier posts linked one to a paragraph
// leave nothing behind.
func TestHTMLChineseNewsControls(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>铁路项目建设稳步推进</title></head><body><div class="main"><h1>铁路项目建设稳步推进</h1>
<div class="bar"><span class="fontsize">【字体：<em>大</em> <em>中</em> <em>小</em>】</span></div>
<div id="detail"><p>铁路项目吉尔吉斯斯坦段前期工作近日取得新进展，勘察设计团队已完成大部分线路的实地测量。</p>
<p>据介绍，该铁路全长约五百公里，建成后将成为连接中国与中亚的又一条重要通道。</p>
<p>【纠错】 【责任编辑：赵敏】</p>
<p>往期推荐</p><p><a href="/s/abc">里海港口的新变化</a></p><p><a href="/s/def">中欧班列十年回顾</a></p></div></div></body></html>`
	doc := readPage(t, page, pipeline.Chinese)
	wantBlocks(t, doc, "title: 铁路项目建设稳步推进",
		"paragraph: 铁路项目吉尔吉斯斯坦段前期工作近日取得新进展，勘察设计团队已完成大部分线路的实地测量。",
		"paragraph: 据介绍，该铁路全长约五百公里，建成后将成为连接中国与中亚的又一条重要通道。")
}

// TestHTMLToolbarUnderText: a row of reactions, counters and buttons under the text leaves
// nothing behind, its one-word buttons included.
func TestHTMLToolbarUnderText(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Через Каспий</title></head><body><div class="content"><h1>Через Каспий</h1>
<div class="body"><p>Полтора года назад мы впервые отправили контейнер из Сианя в Стамбул через Актау и Баку, и рассказываю, что получилось и сколько это стоило.</p>
<p>Сейчас мы укладываемся в 25–28 дней, но только если заранее бронируем место на пароме.</p></div>
<div class="content-footer"><div class="reactions"><span>👍 45</span><span>🔥 12</span></div><div class="comments">31 комментарий</div><div class="repost">Репост</div><div class="bookmark">В закладки</div></div>
</div></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc, "title: Через Каспий",
		"paragraph: Полтора года назад мы впервые отправили контейнер из Сианя в Стамбул через Актау и Баку, и рассказываю, что получилось и сколько это стоило.",
		"paragraph: Сейчас мы укладываемся в 25–28 дней, но только если заранее бронируем место на пароме.")
}

// TestHTMLAuthorsListedWithAffiliations: a byline box headed by a bare label ("Authors") is no
// biography, and its list of authors, each with an affiliation, gives their names.
func TestHTMLAuthorsListedWithAffiliations(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Water sharing in the Syr Darya basin</title></head><body><article><h1>Water sharing in the Syr Darya basin</h1>
<section class="item authors"><h2 class="label">Authors</h2><ul class="authors"><li><span class="name">Bakhtiyor Karimov</span><span class="affiliation">Tashkent State University</span></li><li><span class="name">Mette Olsen</span><span class="affiliation">University of Copenhagen</span></li></ul></section>
<p>Since 2018 the states of the basin have revived cooperation on water, and this article traces the new agreements on reservoir releases.</p>
<p>We find that the agreements remain short-term.</p><p>They depend on annual bargaining over energy.</p>
</article></body></html>`
	doc := readPage(t, page, pipeline.English)
	if doc.Byline != "Bakhtiyor Karimov, Mette Olsen" {
		t.Errorf("byline %q: %v", doc.Byline, kinds(doc))
	}
}

// TestHTMLLinesPartedByBreaks: in a post whose lines are parted by breaks, the short line under
// a picture is its caption; the date with an ordinal day above it is no text.
func TestHTMLLinesPartedByBreaks(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Поездка в Кашгар</title></head><body><div class="entry"><h3 class="entry-title">Поездка в Кашгар</h3>
<div class="entry-date">May. 12th, 2024 at 10:15 AM</div>
<div class="entry-content">Воскресный рынок в Кашгаре — один из самых больших в Центральной Азии. Торгуют здесь всем: от овец до телефонов.<br><br><img src="/a.jpg"><br>Ряды с тканями<br><br>На скотном рынке торг идёт громко и долго.</div>
</div></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc, "title: Поездка в Кашгар",
		"paragraph: Воскресный рынок в Кашгаре — один из самых больших в Центральной Азии. Торгуют здесь всем: от овец до телефонов.",
		"caption: Ряды с тканями",
		"paragraph: На скотном рынке торг идёт громко и долго.")
}

// TestHTMLQuotationSignedAfterItsParagraph: the words that sign a quotation after its
// paragraph, opening with a dash, stay with the quotation. A post of a social network embedded
// in the text (the network's own box) is the page's, not the article's.
func TestHTMLQuotationSignedAfterItsParagraph(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Uranium</title></head><body><article><h1>Uranium</h1>
<p>Kazakhstan produces more uranium than any other country, about 40 percent of the world's supply, and most of it went west for years.</p>
<blockquote><p>Output is up 10% year on year.</p>&mdash; Energy Desk, <a href="https://example.org/energy/1">May 2, 2024</a></blockquote>
<blockquote class="twitter-tweet"><p>Exports to China doubled.</p>&mdash; Trade Desk (@tradedesk) <a href="https://twitter.com/tradedesk/status/1">May 3, 2024</a></blockquote>
<p>The alternative route across the Caspian is slower.</p>
</article></body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc, "title: Uranium",
		"paragraph: Kazakhstan produces more uranium than any other country, about 40 percent of the world's supply, and most of it went west for years.",
		"quote: Output is up 10% year on year. — Energy Desk, May 2, 2024",
		"paragraph: The alternative route across the Caspian is slower.")
}

// TestHTMLPictureLoadedByScript: a picture that names its file only for a script
// ("data-original-src") is a picture all the same, and the line beside it its caption.
func TestHTMLPictureLoadedByScript(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>拉条子</title></head><body><article><h1>拉条子</h1>
<p>去年秋天，我在阿拉木图一家维吾尔餐馆打工，跟老板学会了做拉条子。</p>
<div class="image-package"><div class="image-container"><img data-original-src="//upload.example/a.jpg"></div><div class="image-caption">餐馆后厨</div></div>
<p>老板说，在哈萨克斯坦，拉条子和抓饭一样受欢迎。</p>
</article></body></html>`
	doc := readPage(t, page, pipeline.Chinese)
	wantBlocks(t, doc, "title: 拉条子",
		"paragraph: 去年秋天，我在阿拉木图一家维吾尔餐馆打工，跟老板学会了做拉条子。",
		"caption: 餐馆后厨",
		"paragraph: 老板说，在哈萨克斯坦，拉条子和抓饭一样受欢迎。")
}

// TestHTMLWireStoryFurniture: the byline's time with its zone ("9:21 AM GMT+5") is left out of
// it, and the licensing link with its words for screen readers is no text.
func TestHTMLWireStoryFurniture(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>New rail crossing</title></head><body><main><article><h1>New rail crossing</h1>
<div class="info-content__author-date"><address><span>By </span><a href="/authors/olzhas-a/" rel="author">Olzhas Aubakirov</a></address><time datetime="2024-05-12T09:21:00Z"><span>May 12, 2024</span><span>9:21 AM GMT+5</span><span>Updated 2 hours ago</span></time></div>
<div class="body"><div class="p">ASTANA, May 12 (Wire News) - Kazakhstan and China signed an agreement on Sunday to build a third railway border crossing, the ministry said.</div>
<div class="p">The crossing at Bakhty will handle up to 20 million tonnes of cargo a year.</div>
<div class="p">Construction is to start next year.</div>
<div class="purchase"><a href="/licensing">Purchase Licensing Rights</a>, opens new tab</div></div>
</article></main></body></html>`
	doc := readPage(t, page, pipeline.English)
	if doc.Byline != "By Olzhas Aubakirov" {
		t.Errorf("byline %q: %v", doc.Byline, kinds(doc))
	}
	for _, b := range doc.Blocks {
		if b.Text == "Purchase Licensing Rights, opens new tab" {
			t.Errorf("kept %v", b)
		}
	}
}

// TestHTMLAuthorDeclaredByThePage: a line under the lead that names only the author the page's
// metadata declares (JSON-LD) is the byline, however its box is named; a site that declares
// itself as the author names no one.
func TestHTMLAuthorDeclaredByThePage(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>The SCO</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","author":[{"@type":"Person","name":"Madina Ergasheva"}]}</script></head><body><main><h1>The SCO</h1>
<p class="x3">More members, less agreement: the organisation has grown into a club that struggles to decide anything.</p>
<div class="x7">Madina Ergasheva</div>
<p>The organisation was founded in 2001 to settle border questions, and two decades later it has ten members.</p>
<p>Expansion has brought prestige. It has not brought agreement.</p><p>It will matter less to the region where it began.</p>
</main></body></html>`
	doc := readPage(t, page, pipeline.English)
	if doc.Byline != "Madina Ergasheva" {
		t.Errorf("byline %q: %v", doc.Byline, kinds(doc))
	}
	for _, meta := range []string{
		`<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Horizon Asia"}}</script>`,
		`<meta property="article:author" content="新浪财经">`,
		`<meta property="article:author" content="https://www.facebook.com/horizon">`,
	} {
		raw, err := html.Parse(strings.NewReader("<html><head>" + meta + "</head><body></body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := declaredAuthors(raw); len(got) > 0 {
			t.Errorf("%s: declared %v", meta, got)
		}
	}
}

// TestHTMLMetaLineWrittenAsOneText: under the title, a line of labelled pieces written as one
// text and parted by wide spaces gives the author's piece as the byline, without the source,
// the date and the count of clicks.
func TestHTMLMetaLineWrittenAsOneText(t *testing.T) {
	t.Parallel()
	page := "<html><head><title>中亚数字经济</title></head><body><div class=\"detail\"><h1>中亚数字经济</h1>" +
		"<div class=\"detail-info\">作者：王建国 刘芳&nbsp;&nbsp;&nbsp;&nbsp;来源：《欧亚经济》2024年第2期&nbsp;&nbsp;&nbsp;&nbsp;时间：2024-04-15&nbsp;&nbsp;&nbsp;&nbsp;点击：1203</div>" +
		"<div class=\"detail-content\"><p>近年来，中亚国家加快推进数字化转型，数字经济规模不断扩大。</p><p>哈萨克斯坦是中亚数字化程度最高的国家。</p>" +
		"<p>乌兹别克斯坦近年来大力发展信息技术园区。</p></div></div></body></html>"
	doc := readPage(t, page, pipeline.Chinese)
	if doc.Byline != "作者：王建国 刘芳" {
		t.Errorf("byline %q: %v", doc.Byline, kinds(doc))
	}
}

// TestHTMLLabelledNameInPostFooter: a blog's footer line under the text, outside the text's box,
// that opens with a byline's label gives the label and the name, without the time after them.
func TestHTMLLabelledNameInPostFooter(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Поездка на Иссык-Куль</title></head><body><div class="post"><h2 class="post-title">Поездка на Иссык-Куль</h2><div class="post-body">
<p>В июле мы проехали вокруг Иссык-Куля за четыре дня. Дорога хорошая, но на южном берегу почти нет заправок.</p>
<p>Лучше всего нам понравилось ущелье Джеты-Огуз с красными скалами.</p>
<p>На северном берегу слишком много туристов в августе.</p></div>
<div class="post-footer">Автор: <span class="fn">Марина К.</span> в <a href="/2024/07/post.html">14:05</a></div></div></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	if doc.Byline != "Автор: Марина К." {
		t.Errorf("byline %q: %v", doc.Byline, kinds(doc))
	}
}

// TestHTMLKeyPointsAndPoll: a block named as a heading right above a list heads it even before
// the text ("Главное" over the key points); a poll whose options were controls, gone with them,
// leaves nothing behind.
func TestHTMLKeyPointsAndPoll(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Тарифы вырастут</title></head><body><article><h1>Тарифы вырастут</h1>
<div class="summary"><div class="summary__title">Главное</div><ul><li>Тарифы вырастут в среднем на 9%.</li><li>Льготы сохранятся.</li></ul></div>
<p>С 1 июля тарифы на коммунальные услуги в Алматы вырастут в среднем на 9%, сообщили в городском акимате.</p>
<div class="poll"><div class="poll__title">Опрос</div><div class="poll__question">Как вы относитесь к повышению тарифов?</div><ul><li><label>Понимаю</label></li><li><label>Против</label></li></ul><div>Голосовать</div><div>Проголосовали 1 204 человека</div></div>
<p>В акимате пообещали, что льготы сохранятся.</p>
</article></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc, "title: Тарифы вырастут",
		"heading: Главное",
		"list_item: Тарифы вырастут в среднем на 9%.",
		"list_item: Льготы сохранятся.",
		"paragraph: С 1 июля тарифы на коммунальные услуги в Алматы вырастут в среднем на 9%, сообщили в городском акимате.",
		"paragraph: В акимате пообещали, что льготы сохранятся.")
}

// TestHTMLLabelInsideTitle: a label the title opens with in an element of its own, which the
// page's <title> leaves out, is no part of the title.
func TestHTMLLabelInsideTitle(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Ауыл мектептеріне жаңа мұғалімдер келеді | Білім порталы</title></head><body><div class="post">
<h1 class="post-title"><span class="post-title__label">Жаңалық</span> Ауыл мектептеріне жаңа мұғалімдер келеді</h1>
<p>Биыл екі мыңнан астам жас маман ауыл мектептеріне жұмысқа барады.</p><p>Бағдарлама жас мамандарға жәрдемақы береді.</p></div></body></html>`
	doc := readPage(t, page, pipeline.Kazakh)
	wantBlocks(t, doc, "title: Ауыл мектептеріне жаңа мұғалімдер келеді",
		"paragraph: Биыл екі мыңнан астам жас маман ауыл мектептеріне жұмысқа барады.",
		"paragraph: Бағдарлама жас мамандарға жәрдемақы береді.")
}

// TestHTMLMenuCellOfLayoutTable: in a table that lays out the page, a cell of links parted by
// breaks is the site's menu.
func TestHTMLMenuCellOfLayoutTable(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>В районе открылась новая школа</title></head><body><table><tr>
<td><a href="/">Главная</a><br><a href="/news">Новости</a><br><a href="/docs">Документы</a></td>
<td><h1>В районе открылась новая школа</h1><p>В селе Кызылжар открылась новая школа на 300 мест, и в церемонии приняли участие аким района и жители села.</p>
<p>Строительство велось в течение двух лет.</p></td></tr></table></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc, "title: В районе открылась новая школа",
		"paragraph: В селе Кызылжар открылась новая школа на 300 мест, и в церемонии приняли участие аким района и жители села.",
		"paragraph: Строительство велось в течение двух лет.")
}

// TestHTMLBareGallery: a box of pictures whose only words are its label, counter and buttons
// leaves nothing behind.
func TestHTMLBareGallery(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Делегацияны қабылдады</title></head><body><div class="news"><h1>Делегацияны қабылдады</h1>
<div class="text"><p>Ақордада Мемлекет басшысы Қытай Халық Республикасының сауда министрін қабылдады.</p><p>Кездесуде сауда мәселелері талқыланды.</p></div>
<div class="gallery"><div class="gallery__title">Фотогалерея</div><div class="slides"><div><img src="/1.jpg" alt=""></div><div><img src="/2.jpg" alt=""></div></div><div class="counter">1 / 2</div><div class="nav"><span>Алдыңғы</span><span>Келесі</span></div></div>
</div></body></html>`
	doc := readPage(t, page, pipeline.Kazakh)
	wantBlocks(t, doc, "title: Делегацияны қабылдады",
		"paragraph: Ақордада Мемлекет басшысы Қытай Халық Республикасының сауда министрін қабылдады.",
		"paragraph: Кездесуде сауда мәселелері талқыланды.")
}

// TestHTMLLineBreakBetweenChineseCharacters: a line break of the source or a <br> between two
// Chinese characters is no space, as browsers render it; between words it is one.
func TestHTMLLineBreakBetweenChineseCharacters(t *testing.T) {
	t.Parallel()
	page := "<html><head><title>中亚物流</title></head><body><article><h1>中亚物流</h1>" +
		"<p>今年一季度，中欧班列数量\n同比增长两成以上。</p><p>运量增长主要有两个原因。<br>一是海运价格波动较大。</p>" +
		"<p>Freight rose\nby a fifth.</p></article></body></html>"
	doc := readPage(t, page, pipeline.Chinese)
	wantBlocks(t, doc, "title: 中亚物流",
		"paragraph: 今年一季度，中欧班列数量同比增长两成以上。",
		"paragraph: 运量增长主要有两个原因。一是海运价格波动较大。",
		"paragraph: Freight rose by a fifth.")
}

// TestHTMLSideColumnInMain: inside <main>, the grid column beside the text's column, with
// little paragraph text of its own (a sidebar's widgets), is left out.
func TestHTMLSideColumnInMain(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Новый терминал в Актау</title></head><body><main><div class="row">
<div class="col-8"><h1>Новый терминал в Актау</h1>
<p>В морском порту Актау открылся новый контейнерный терминал мощностью 240 тысяч контейнеров в год, сообщили в компании-операторе.</p>
<p>Терминал построен в рамках развития Транскаспийского маршрута.</p></div>
<div class="col-4"><div class="widget"><h3>Наша рассылка</h3><p>Раз в неделю присылаем главные новости региона.</p><div>Ваш e-mail</div></div>
<div class="widget"><h3>Мнение</h3><a href="/op/1"><span class="opinion__author">Айдар Ахметов</span> <span>Почему транзит — это не нефть</span></a></div></div>
</div></main></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc, "title: Новый терминал в Актау",
		"paragraph: В морском порту Актау открылся новый контейнерный терминал мощностью 240 тысяч контейнеров в год, сообщили в компании-операторе.",
		"paragraph: Терминал построен в рамках развития Транскаспийского маршрута.")
}

// TestHTMLChinesePaperHead: under a Chinese paper's title, the subtitle that opens with "——" is
// no byline, and the line of the paper's reporters ("本报记者　王明　李华") is.
func TestHTMLChinesePaperHead(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>丝路上的“钢铁驼队”--人民网</title></head><body><div class="txt">
<h1>丝路上的“钢铁驼队”</h1><h4 class="sub">——中欧班列十年发展观察</h4>
<div class="c">本报记者　王明　李华</div>
<div class="zw"><p>五月的霍尔果斯口岸，一列列满载货物的中欧班列缓缓驶出国门。</p>
<p>十年来，中欧班列累计开行超过8万列，通达欧洲25个国家。</p><p>班列的货物种类也越来越多。</p></div></div></body></html>`
	doc := readPage(t, page, pipeline.Chinese)
	wantBlocks(t, doc, "title: 丝路上的“钢铁驼队”",
		"paragraph: ——中欧班列十年发展观察",
		"byline: 本报记者 王明 李华",
		"paragraph: 五月的霍尔果斯口岸，一列列满载货物的中欧班列缓缓驶出国门。",
		"paragraph: 十年来，中欧班列累计开行超过8万列，通达欧洲25个国家。",
		"paragraph: 班列的货物种类也越来越多。")
}

// TestBylinePrefixesOfInterviewsAndPapers: the interviewer's line and a Chinese paper's
// reporters open a byline; a sentence that opens with the same word does not, nor one whose
// prefix is followed by a number, a word in lower case or a month.
func TestBylinePrefixesOfInterviewsAndPapers(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"Беседовала Мария Ким":                                 true,
		"Interview by Sara Lind":                               true,
		"Сұхбаттасқан Әсел Нұрова":                             true,
		"本报记者　王明　李华":                                           true,
		"记者 孙建华":                                               true,
		"记者从相关方面获悉，项目进展顺利。":                                    false,
		"By Aigerim Seitkali":                                  true,
		"Автор: Марат Жунусов":                                 true,
		"By 2030, the corridor will carry ten million tonnes.": false,
		"By contrast, Uzbekistan grew faster":                  false,
		"By March, exports had fallen":                         false,
		"Автор идеи проекта считает иначе":                     false,
	} {
		if got := hasBylinePrefix(s); got != want {
			t.Errorf("hasBylinePrefix(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestHTMLCiteBoxWithYearAfterTitle: a reference to the article written in the Russian way, the
// year after the title ("Иванова А. Название // Центр. 2024."), is the cite box's, not text.
func TestHTMLCiteBoxWithYearAfterTitle(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Водные споры в Ферганской долине</title></head><body><article><h1>Водные споры в Ферганской долине</h1>
<p>Ферганская долина разделена между тремя государствами, и почти вся её вода приходит из Кыргызстана, где стоят главные водохранилища.</p>
<p>В 2022 году стороны договорились о совместном графике попусков.</p>
<div class="cite"><div class="cite-title">Для цитирования</div><p>Иванова А. Водные споры в Ферганской долине // Центр исследований. 2024. 15 мая.</p></div>
</article></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc, "title: Водные споры в Ферганской долине",
		"paragraph: Ферганская долина разделена между тремя государствами, и почти вся её вода приходит из Кыргызстана, где стоят главные водохранилища.",
		"paragraph: В 2022 году стороны договорились о совместном графике попусков.")
}

// TestHTMLCiteBoxByItsLabel: a box under the text headed "How to cite" is the page's, whatever
// its reference says.
func TestHTMLCiteBoxByItsLabel(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Water in the Fergana Valley</title></head><body><article><h1>Water in the Fergana Valley</h1>
<p>The valley is divided between three states, and almost all of its water comes from Kyrgyzstan, where the main reservoirs stand.</p>
<p>In 2022 the three agreed on a joint schedule of releases.</p>
<section class="box"><h3>How to cite</h3><p>Ivanova, A. (2024). Water disputes in the Fergana Valley. Research Centre.</p></section>
</article></body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc, "title: Water in the Fergana Valley",
		"paragraph: The valley is divided between three states, and almost all of its water comes from Kyrgyzstan, where the main reservoirs stand.",
		"paragraph: In 2022 the three agreed on a joint schedule of releases.")
}

// TestHTMLAboutTheAuthorBox: a box under the text headed "Об авторе" is the page's, its
// biography included.
func TestHTMLAboutTheAuthorBox(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Водные споры</title></head><body><article><h1>Водные споры</h1>
<p>Ферганская долина разделена между тремя государствами, и почти вся её вода приходит из Кыргызстана, где стоят главные водохранилища.</p>
<p>В 2022 году стороны договорились о совместном графике попусков.</p>
<div class="box"><h4>Об авторе</h4><p>Анна Иванова — старший научный сотрудник центра, специалист по водным ресурсам региона.</p></div>
</article></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc, "title: Водные споры",
		"paragraph: Ферганская долина разделена между тремя государствами, и почти вся её вода приходит из Кыргызстана, где стоят главные водохранилища.",
		"paragraph: В 2022 году стороны договорились о совместном графике попусков.")
}

// TestHTMLCommentsBoxByItsCount: a box under the text headed by the count of its comments holds
// readers' comments, however it is named.
func TestHTMLCommentsBoxByItsCount(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Поездка на Иссык-Куль</title></head><body><article><h1>Поездка на Иссык-Куль</h1>
<p>В июле мы проехали вокруг Иссык-Куля за четыре дня, и дорога оказалась хорошей, но на южном берегу почти нет заправок.</p>
<p>Лучше всего нам понравилось ущелье Джеты-Огуз.</p>
<div class="c9"><h4>3 комментария</h4><div class="c1"><b>Олег</b><p>Спасибо, очень полезно! А где вы ночевали?</p></div><div class="c1"><b>Марина</b><p>В гостевых домах, они есть почти в каждом селе.</p></div></div>
</article></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc, "title: Поездка на Иссык-Куль",
		"paragraph: В июле мы проехали вокруг Иссык-Куля за четыре дня, и дорога оказалась хорошей, но на южном берегу почти нет заправок.",
		"paragraph: Лучше всего нам понравилось ущелье Джеты-Огуз.")
}

// TestHTMLChineseLineBreaks: a line break of the page's source between two Chinese characters,
// after an element that closes on one too, is dropped.
func TestHTMLChineseLineBreaks(t *testing.T) {
	t.Parallel()
	page := "<html><body><article><h1>中欧班列</h1><p>十年来，中欧班列累计开行超过8万列，\n通达欧洲25个国家。</p>" +
		"<p>班列的<b>货物</b>\n种类也越来越多。</p></article></body></html>"
	doc := readPage(t, page, pipeline.Chinese)
	wantBlocks(t, doc, "title: 中欧班列", "paragraph: 十年来，中欧班列累计开行超过8万列，通达欧洲25个国家。",
		"paragraph: 班列的货物种类也越来越多。")
}

// TestHTMLTableOfNumbers: the rows of a table of numbers are data, not counters of the page.
func TestHTMLTableOfNumbers(t *testing.T) {
	t.Parallel()
	page := "<html><body><article><h1>Corridor plans</h1><p>Trade grew fast over the last two years, the ministry says.</p>" +
		"<table><thead><tr><th>Year</th><th>Trade, $bn</th></tr></thead><tbody><tr><td>2023</td><td>41</td></tr><tr><td>2024</td><td>45</td></tr></tbody></table>" +
		"<p>The route crosses Kazakhstan, the Caspian Sea, Azerbaijan and Georgia today.</p></article></body></html>"
	wantBlocks(t, readPage(t, page, pipeline.English), "title: Corridor plans",
		"paragraph: Trade grew fast over the last two years, the ministry says.", "paragraph: Year; Trade, $bn",
		"paragraph: 2023; 41", "paragraph: 2024; 45", "paragraph: The route crosses Kazakhstan, the Caspian Sea, Azerbaijan and Georgia today.")
}

// TestHTMLParagraphPartedByDoubleBreak: two line breaks in a row inside a <p> part it in two, as
// the page shows it; a single break stays inside its paragraph.
func TestHTMLParagraphPartedByDoubleBreak(t *testing.T) {
	t.Parallel()
	page := "<html><body><article><h1>Grain exports</h1><p>Kazakhstan exported more grain this year than ever before, officials said.<br> <br />" +
		"Most of it went to <b>China</b> by rail.<br><br></p><p>The figures are preliminary.<br>Final data will follow in March.</p></article></body></html>"
	wantBlocks(t, readPage(t, page, pipeline.English), "title: Grain exports",
		"paragraph: Kazakhstan exported more grain this year than ever before, officials said.",
		"paragraph: Most of it went to China by rail.", "paragraph: The figures are preliminary. Final data will follow in March.")
}

// TestHTMLNotesOfGenerators: the notes of an article as the common generators and editors print
// them (Pandoc, kramdown, Hugo, markdown-it, Word's and LibreOffice's HTML, Google Docs,
// MediaWiki, WordPress's footnotes block, Substack, docutils old and new) and as authors type
// them by hand (a raised number or [1] in the text, numbered lines under a label) are read as
// one note, and the paragraph that refers to it stays whole.
func TestHTMLNotesOfGenerators(t *testing.T) {
	t.Parallel()
	shapes := map[string][2]string{
		"pandoc": {`<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>`,
			`<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr /><ol><li id="fn1"><p>Customs data for 2023.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>`},
		"kramdown": {`<sup id="fnref:1" role="doc-noteref"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup>`,
			`<div class="footnotes" role="doc-endnotes"><ol><li id="fn:1" role="doc-endnote"><p>Customs data for 2023. <a href="#fnref:1" class="reversefootnote" role="doc-backlink">&#8617;</a></p></li></ol></div>`},
		"hugo": {`<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`,
			`<div class="footnotes" role="doc-endnotes"><hr><ol><li id="fn:1"><p>Customs data for 2023.&#160;<a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p></li></ol></div>`},
		"markdownit": {`<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>`,
			`<hr class="footnotes-sep"><section class="footnotes"><ol class="footnotes-list"><li id="fn1" class="footnote-item"><p>Customs data for 2023. <a href="#fnref1" class="footnote-backref">↩︎</a></p></li></ol></section>`},
		"word": {`<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><span class=MsoFootnoteReference>[1]</span></span></span></a>`,
			`<div style='mso-element:footnote-list'><br clear=all><hr align=left size=1 width="33%"><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference><span class=MsoFootnoteReference>[1]</span></span></a> Customs data for 2023.</p></div></div>`},
		"gdocs": {`<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>`,
			`<hr class="c5"><div><p class="c3"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span class="c2">&nbsp;Customs data for 2023.</span></p></div>`},
		"libreoffice": {`<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a>`,
			`<div id="sdfootnote1"><p class="sdfootnote-western"><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>Customs data for 2023.</p></div>`},
		"mediawiki": {`<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup>`,
			`<h2>References</h2><ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span> <span class="reference-text">Customs data for 2023.</span></li></ol>`},
		"gutenberg": {`<sup data-fn="a1b2" class="fn"><a href="#a1b2" id="a1b2-link">1</a></sup>`,
			`<ol class="wp-block-footnotes"><li id="a1b2">Customs data for 2023. <a href="#a1b2-link" aria-label="Jump to footnote reference 1">↩︎</a></li></ol>`},
		"substack": {`<a class="footnote-anchor" data-component-name="FootnoteAnchorToDOM" id="footnote-anchor-1" href="#footnote-1" target="_self">1</a>`,
			`<div class="footnote" data-component-name="FootnoteToDOM"><a id="footnote-1" href="#footnote-anchor-1" class="footnote-number" contenteditable="false" target="_self">1</a><div class="footnote-content"><p>Customs data for 2023.</p></div></div>`},
		"sphinx": {`<a class="footnote-reference brackets" href="#id2" id="id1">1</a>`,
			`<dl class="footnote brackets"><dt class="label" id="id2"><span class="brackets"><a class="fn-backref" href="#id1">1</a></span></dt><dd><p>Customs data for 2023.</p></dd></dl>`},
		"sphinx5": {`<a class="footnote-reference brackets" href="#id2" id="id1" role="doc-noteref"><span class="fn-bracket">[</span>1<span class="fn-bracket">]</span></a>`,
			`<aside class="footnote-list brackets"><aside class="footnote brackets" id="id2" role="doc-footnote"><span class="label"><span class="fn-bracket">[</span><a role="doc-backlink" href="#id1">1</a><span class="fn-bracket">]</span></span><p>Customs data for 2023.</p></aside></aside>`},
		"plainsup": {`<sup>1</sup>`,
			`<p>Notes</p><p>1. Customs data for 2023.</p>`},
		"bracket": {`[1]`,
			`<h3>Notes</h3><p>[1] Customs data for 2023.</p>`},
	}
	for name, s := range shapes {
		page := "<html><head><title>Grain exports</title></head><body><article><h1>Grain exports</h1><p>Kazakhstan exported more grain this year than ever before, officials said." + s[0] +
			"</p><p>Most of it went to China and Central Asian neighbours by rail this autumn.</p>" + s[1] + "</article></body></html>"
		doc := readPage(t, page, pipeline.English)
		got := strings.Join(kinds(doc), "\n")
		want := strings.Join([]string{"title: Grain exports", "paragraph: Kazakhstan exported more grain this year than ever before, officials said.",
			"paragraph: Most of it went to China and Central Asian neighbours by rail this autumn.", "footnote: Customs data for 2023."}, "\n")
		if got != want {
			t.Errorf("%s:\n%s", name, got)
		}
		if refs := strings.Count(doc.Blocks[1].Text, "<x"); refs != 1 {
			t.Errorf("%s: %d references in %q", name, refs, doc.Blocks[1].Text)
		}
	}
}

// TestHTMLCaptionsOfGenerators: a picture's caption as the common site builders and editors
// print it (HTML5, WordPress old and new, Ghost, Substack, Drupal, Blogger, MediaWiki old and
// new, Squarespace, Bootstrap, Joomla, Word's HTML, a centred line, a labelled line under the
// picture) is one caption block, a credit in its own element left out.
func TestHTMLCaptionsOfGenerators(t *testing.T) {
	t.Parallel()
	const c = "Trucks queue at the Khorgos crossing in May."
	shapes := map[string]string{
		"figure":      `<figure><img src="/a.jpg" alt=""><figcaption>` + c + `</figcaption></figure>`,
		"wpclassic":   `<div id="attachment_12" style="width: 610px" class="wp-caption aligncenter"><img class="size-full wp-image-12" src="/a.jpg" width="600" height="400"><p id="caption-attachment-12" class="wp-caption-text">` + c + `</p></div>`,
		"gutenberg":   `<figure class="wp-block-image size-large"><img src="/a.jpg" alt=""/><figcaption class="wp-element-caption">` + c + `</figcaption></figure>`,
		"ghost":       `<figure class="kg-card kg-image-card kg-card-hascaption"><img src="/a.jpg" class="kg-image" alt="" loading="lazy"><figcaption><span style="white-space: pre-wrap;">` + c + `</span></figcaption></figure>`,
		"substack":    `<div class="captioned-image-container"><figure><a class="image-link image2" target="_blank" href="/a.jpg"><div class="image2-inset"><picture><source type="image/webp" srcset="/a.webp"><img src="/a.jpg" width="1456" height="971"></picture></div></a><figcaption class="image-caption">` + c + `</figcaption></figure></div>`,
		"drupal":      `<figure role="group" class="caption caption-img align-center"><img src="/a.jpg" alt=""><figcaption>` + c + `</figcaption></figure>`,
		"blogger":     `<table align="center" cellpadding="0" cellspacing="0" class="tr-caption-container"><tbody><tr><td style="text-align: center;"><a href="/a.jpg"><img border="0" src="/a.jpg" width="400"></a></td></tr><tr><td class="tr-caption" style="text-align: center;">` + c + `</td></tr></tbody></table>`,
		"wikiold":     `<div class="thumb tright"><div class="thumbinner" style="width:222px;"><a href="/wiki/File:A.jpg" class="image"><img src="/a.jpg" width="220"></a><div class="thumbcaption"><div class="magnify"><a href="/wiki/File:A.jpg" class="internal" title="Enlarge"></a></div>` + c + `</div></div></div>`,
		"wikinew":     `<figure class="mw-default-size" typeof="mw:File/Thumb"><a href="/wiki/File:A.jpg" class="mw-file-description"><img src="/a.jpg" class="mw-file-element" width="250"></a><figcaption>` + c + `</figcaption></figure>`,
		"squarespace": `<figure class="sqs-block-image-figure intrinsic"><div class="image-block-wrapper"><img src="/a.jpg" alt=""></div><figcaption class="image-caption-wrapper"><div class="image-caption"><p>` + c + `</p></div></figcaption></figure>`,
		"bootstrap":   `<figure class="figure"><img src="/a.jpg" class="figure-img img-fluid rounded" alt=""><figcaption class="figure-caption text-center">` + c + `</figcaption></figure>`,
		"joomla":      `<figure class="pull-center item-image"><img src="/a.jpg" alt="" itemprop="image"><figcaption class="caption">` + c + `</figcaption></figure>`,
		"msocaption":  `<p class=MsoNormal><img width=600 height=400 src="a_files/image001.jpg"></p><p class=MsoCaption>` + c + `</p>`,
		"centred":     `<p style="text-align:center"><img src="/a.jpg"></p><p style="text-align:center">` + c + `</p>`,
		"credit":      `<figure><img src="/a.jpg" alt=""><figcaption>` + c + ` <span class="credit">Photo: Reuters</span></figcaption></figure>`,
		"figurenum":   `<p><img src="/a.jpg"></p><p>Figure 1. ` + c + `</p>`,
	}
	for name, s := range shapes {
		page := "<html><head><title>Grain exports</title></head><body><article><h1>Grain exports</h1><p>Kazakhstan exported more grain this year than ever before, officials said.</p>" +
			s + "<p>Most of it went to China and Central Asian neighbours by rail this autumn.</p></article></body></html>"
		got := kinds(readPage(t, page, pipeline.English))
		if len(got) != 4 || got[2] != "caption: "+c && got[2] != "caption: Figure 1. "+c {
			t.Errorf("%s: %q", name, got)
		}
	}
}

// TestHTMLTextBoxSaidToHaveNoShareButtons: a class that says what a box lacks ("no-share")
// names no furniture: the text in it is the article's.
func TestHTMLTextBoxSaidToHaveNoShareButtons(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Қытайда оқу</title></head><body><div class="row"><div class="jeg_main_content col-md-8"><div class="jeg_inner_content">
<div class="entry-header"><h1 class="jeg_post_title">Қытайда оқу</h1>
<div class="jeg_meta_container"><div class="jeg_meta_author"><span class="meta_text">Жазған:</span> <a href="/author/ardak/">Ардақ Нұрланқызы</a></div>
<div class="jeg_meta_date"><a href="/2024/09/03/">03.09.2024</a></div></div></div>
<div class="jeg_share_top_container"><div class="jeg_share_button"><span class="sharetext">БӨЛІСУ</span><a href="http://www.facebook.com/sharer.php?u=">Facebook</a></div></div>
<div class="entry-content no-share"><div class="content-inner">
<p>Бұрын шетелде оқығысы келетін жастардың көбі Ресейді немесе Түркияны таңдайтын. Қазір Қытай да сұранысқа ие бағыттардың біріне айналды.</p>
<p>Мұның бірнеше себебі бар. Біріншіден, Қытай үкіметі шетелдік студенттерге жыл сайын көптеген грант бөледі.</p>
</div></div>
</div></div>
<div class="jeg_sidebar col-md-4"><div class="widget"><h3>Көп оқылған</h3><ul><li><a href="/a">Астанада жаңа мектеп ашылды</a></li></ul></div></div></div></body></html>`
	doc := readPage(t, page, pipeline.Kazakh)
	wantBlocks(t, doc, "title: Қытайда оқу",
		"paragraph: Бұрын шетелде оқығысы келетін жастардың көбі Ресейді немесе Түркияны таңдайтын. Қазір Қытай да сұранысқа ие бағыттардың біріне айналды.",
		"paragraph: Мұның бірнеше себебі бар. Біріншіден, Қытай үкіметі шетелдік студенттерге жыл сайын көптеген грант бөледі.",
		"byline: Жазған: Ардақ Нұрланқызы")
}

// TestHTMLArticleHeaderAboveTheText: a theme prints the article's <header> (its title, standfirst
// and picture) above the text's container; the header that says what the page's <title> says is
// the article's head, not the site's banner.
func TestHTMLArticleHeaderAboveTheText(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Tajik workers look east – Steppe Dispatch</title></head><body>
<header class="site-header"><a href="/">Steppe Dispatch</a><nav><a href="/news">News</a></nav></header>
<div class="featured-image-beside"><header class="entry-header"><h1 class="entry-title">Tajik workers look east</h1>
<div class="newspack-post-subtitle">Jobs at Chinese-run plants pay less than Russian building sites, but they keep families together.</div>
<div class="newspack-reading-time">5 min read</div></header>
<figure class="post-thumbnail"><img src="/cement.jpg" alt=""><figcaption><span class="image-caption">Workers leave a shift at a cement plant.</span></figcaption></figure></div>
<div id="primary" class="content-area"><div class="entry-content">
<p>Every spring for eleven years, Jamshed Safarov took the train to Moscow to work on building sites. Last year he stayed home.</p>
<p>He now drives a loader at a Chinese-owned cement plant an hour from his village.</p>
</div></div></body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc, "title: Tajik workers look east",
		"paragraph: Jobs at Chinese-run plants pay less than Russian building sites, but they keep families together.",
		"caption: Workers leave a shift at a cement plant.",
		"paragraph: Every spring for eleven years, Jamshed Safarov took the train to Moscow to work on building sites. Last year he stayed home.",
		"paragraph: He now drives a loader at a Chinese-owned cement plant an hour from his village.")
}

// TestHTMLTitleLineAfterBreadcrumbs: in a table-laid page, the line named as the title under the
// breadcrumb trail, a question, is the title, and the lead between it and the text is the
// article's.
func TestHTMLTitleLineAfterBreadcrumbs(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Іле суы азайса, Балқаш не болады? :: Айқын жол - республикалық газет</title></head><body><table><tr>
<td class="left_col"><div class="left_block"><a href="/kk/ekologiya/">Экология</a><br><a href="/kk/auyl/">Ауыл</a></div></td>
<td class="center_col"><div class="path"><a href="/">Басты бет</a> &raquo; <a href="/kk/ekologiya/">Экология</a></div>
<div class="news_title">Іле суы азайса, Балқаш не болады?</div>
<div class="news_info">12.07.2024 09:15 | Қаралды: 1240</div>
<div class="news_anons"><i>Іле өзенінің суы соңғы жылдары құбылмалы бола бастады.</i></div>
<div class="news_text"><p>Іле — Балқаш көліне құятын ең ірі өзен. Көлге келетін судың төрттен үш бөлігі осы өзен арқылы жетеді.</p>
<p>Соңғы жылдары Шыңжаңда суармалы егістік алқаптары едәуір кеңейді.</p></div></td></tr></table></body></html>`
	doc := readPage(t, page, pipeline.Kazakh)
	wantBlocks(t, doc, "title: Іле суы азайса, Балқаш не болады?",
		"paragraph: Іле өзенінің суы соңғы жылдары құбылмалы бола бастады.",
		"paragraph: Іле — Балқаш көліне құятын ең ірі өзен. Көлге келетін судың төрттен үш бөлігі осы өзен арқылы жетеді.",
		"paragraph: Соңғы жылдары Шыңжаңда суармалы егістік алқаптары едәуір кеңейді.")
}

// TestHTMLCreditInItsOwnElementUnderCaption: a picture's credit set in an element of its own
// inside the caption's box is no part of the caption; an illustrative photo's label credits it.
func TestHTMLCreditInItsOwnElementUnderCaption(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Достык</title></head><body><article><h1>Достык</h1>
<p>Пропускная способность перехода выросла вдвое за два года, но очереди остаются.</p>
<div class="b-material-img"><div class="b-material-img__img"><img src="/d.jpg" alt=""></div>
<div class="b-material-img__info"><div class="b-material-img__text">Перегрузка контейнеров на станции Достык.</div><div class="b-material-img__author">Фото: iStock</div></div></div>
<figure><img src="/x.jpg" alt=""><figcaption>Иллюстративное фото: ЦентрАзия Аналитика</figcaption></figure>
<p>Железнодорожники обещают сократить простои к концу года.</p></article></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc, "title: Достык",
		"paragraph: Пропускная способность перехода выросла вдвое за два года, но очереди остаются.",
		"caption: Перегрузка контейнеров на станции Достык.",
		"paragraph: Железнодорожники обещают сократить простои к концу года.")
}

// TestHTMLTwoAuthorsBeforeTheDate: a meta line that opens with a byline of two authors and goes
// on with the date gives both names, without the date.
func TestHTMLTwoAuthorsBeforeTheDate(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Tajik workers look east</title></head><body><article><h1 class="entry-title">Tajik workers look east</h1>
<div class="entry-meta"><span class="byline"><span class="author-prefix">By</span> <span class="author vcard"><a href="/author/frahimov/">Farrukh Rahimov</a></span> and <span class="author vcard"><a href="/author/lbennett/">Laura Bennett</a></span></span>
<span class="posted-on"><a href="/2024/05/02/x/" rel="bookmark"><time datetime="2024-05-02">May 2, 2024</time><time class="updated" datetime="2024-05-03">May 3, 2024</time></a></span></div>
<p>Every spring for eleven years, Jamshed Safarov took the train to Moscow to work on building sites. Last year he stayed home.</p>
<p>He now drives a loader at a Chinese-owned cement plant an hour from his village.</p></article></body></html>`
	doc := readPage(t, page, pipeline.English)
	if doc.Byline != "By Farrukh Rahimov and Laura Bennett" {
		t.Errorf("byline %q: %v", doc.Byline, kinds(doc))
	}
}

// TestHTMLChineseSignatureInBrackets: a Chinese paper signs an article at its end in brackets
// under the label itself ("（作者：…，系…）"): the byline; a bracketed affiliation stays a note.
func TestHTMLChineseSignatureInBrackets(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>中亚留学生在华学习情况</title></head><body><div class="u-mainText"><h1>中亚留学生在华学习情况</h1>
<p>近年来，来华学习的中亚留学生人数持续增长，哈萨克斯坦学生占比最高。</p>
<p>各高校纷纷开设面向中亚学生的预科课程，帮助他们提高汉语水平。</p>
<p>（作者：王海东，系天津某高校国际教育学院教授）</p></div></body></html>`
	doc := readPage(t, page, pipeline.Chinese)
	if doc.Byline != "（作者：王海东，系天津某高校国际教育学院教授）" {
		t.Errorf("byline %q: %v", doc.Byline, kinds(doc))
	}
	if isBylineText("（作者单位：天津某高校国际教育学院）") {
		t.Error("a bracketed affiliation read as a byline")
	}
}

// TestHTMLTableLayoutUnderSiteName: a page laid out in tables prints the site's name in <h1>;
// the line styled as the entry's title that the <title> names is the title, and what stands
// before it is the site's. Notes run into one paragraph after their label are notes, and a name
// with the author's degree after a comma at the end signs the text.
func TestHTMLTableLayoutUnderSiteName(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Ли Бо и Суяб - Статьи - Клуб «Суяб»</title></head><body>` +
		`<table><tr><td><h1 class="site-name">Клуб «Суяб»</h1><div class="site-slogan">История Чуйской долины</div></td></tr>` +
		`<tr><td class="navBar"><a href="/">Главная</a> | <a href="/publ/">Статьи</a></td></tr></table>` +
		`<table><tr><td class="leftColumn"><b>Категории</b></td><td class="centerColumn">` +
		`<div class="eTitle">Ли Бо и Суяб</div><table class="eBlock"><tr><td class="eText">` +
		`<p>Каждое лето к городищу Ак-Бешим подъезжают автобусы с туристами и гидами с флажками, и почти все они китайские.[1]</p>` +
		`<p>Для китайского читателя Ли Бо — то же, что Пушкин для русского, и его стихи учат в школе наизусть.[2]</p>` +
		`<p style="text-align: right;"><i>Айгуль Садыкова, кандидат исторических наук</i></p>` +
		`<p><span style="font-size:9pt;"><b>Примечания:</b><br>1. Оценка по данным туроператоров.<br>2. Пример — маршруты по местам поэтов.</span></p>` +
		`</td></tr></table></td></tr></table></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc, "title: Ли Бо и Суяб",
		"paragraph: Каждое лето к городищу Ак-Бешим подъезжают автобусы с туристами и гидами с флажками, и почти все они китайские.",
		"paragraph: Для китайского читателя Ли Бо — то же, что Пушкин для русского, и его стихи учат в школе наизусть.",
		"byline: Айгуль Садыкова, кандидат исторических наук",
		"footnote: Оценка по данным туроператоров.", "footnote: Пример — маршруты по местам поэтов.")
}

// TestHTMLQuoteStyleClassOnTheTextBox: a theme's class that chooses how the quotations inside
// the text are set ("blockquote-style-2") makes no quotation of the text's box.
func TestHTMLQuoteStyleClassOnTheTextBox(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Жылыжайлар</title></head><body><article><h1>Жылыжайлар</h1><div class="post-entry blockquote-style-2">` +
		`<p>Түркістан облысы — Қазақстандағы жылыжай шаруашылығының басты орталығы.</p><h2>Қиындықтар да бар</h2>` +
		`<p>Шаруалар бұл технологияның да өз кемшіліктері бар екенін айтады.</p>` +
		`<blockquote class="wp-block-quote"><p>Қытай нарығы үлкен, бірақ бізді ешкім күтіп отырған жоқ.</p></blockquote></div></article></body></html>`
	doc := readPage(t, page, pipeline.Kazakh)
	wantBlocks(t, doc, "title: Жылыжайлар", "paragraph: Түркістан облысы — Қазақстандағы жылыжай шаруашылығының басты орталығы.",
		"heading: Қиындықтар да бар", "paragraph: Шаруалар бұл технологияның да өз кемшіліктері бар екенін айтады.",
		"quote: Қытай нарығы үлкен, бірақ бізді ешкім күтіп отырған жоқ.")
}

// TestHTMLItalicSentenceUnderPicture: a sentence in italics in the paragraph under a paragraph
// that holds only a picture is its caption.
func TestHTMLItalicSentenceUnderPicture(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Customs</title></head><body><article><h1>Customs</h1>` +
		`<p>Kazakhstan's customs service moved to a single electronic platform at the end of the 2010s, and traders file online.</p>` +
		`<p><img src="/khorgos.jpg" alt="Customs terminal"></p>` +
		`<p style="text-align: center;"><em>The road terminal on the Kazakh side of the Khorgos crossing.</em></p>` +
		`<p>Both systems are modern on paper, and in practice the link between them depends on advance information.</p></article></body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc, "title: Customs",
		"paragraph: Kazakhstan's customs service moved to a single electronic platform at the end of the 2010s, and traders file online.",
		"caption: The road terminal on the Kazakh side of the Khorgos crossing.",
		"paragraph: Both systems are modern on paper, and in practice the link between them depends on advance information.")
}
