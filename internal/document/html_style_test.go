package document

import (
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// TestHTMLStyledBlocks: on a page without semantic markup, a block the page's styling sets off
// with a rule on its left is a quotation, a short bold line set larger than the text is a heading,
// a box that opens (<details>) is headed by its summary, and a quotation card's author box
// closes the quotation.
func TestHTMLStyledBlocks(t *testing.T) {
	t.Parallel()
	page := `<!DOCTYPE html><html><head><title>Wheat on the Steppe</title><style>
.x1{font-size:16px}.x2{font-size:22px;font-weight:700}.x3{border-left:4px solid #999;padding-left:10px}
</style></head><body><div class="x0"><h1>Wheat on the Steppe</h1>
<div class="x1">Kazakhstan sold more wheat to China this year than in any year before, and the trains that carry it east through Dostyk ran full from August to December.</div>
<div class="x2">What the farmers say</div>
<div class="x1">Farmers in the north welcome the demand but worry about the price of fuel and of new machines.</div>
<div class="x3">We sell everything we grow, and still the bank takes most of it.</div>
<div style="font-style:italic;margin-left:2em">The harvest is good only when the rain comes in June.</div>
<details><summary>How the quota works</summary><p>Each exporter receives a share of the annual quota in spring, set by the ministry.</p></details>
<div class="QuoteCard_card__1a2"><div class="QuoteCard_text__3b4">Exports are not the problem; the margin is.</div><div class="QuoteCard_author__5c6">Aidar Nurlanov, economist</div></div>
<div class="x1">The ministry expects the quota to grow again next year, if the harvest allows it.</div>
</div></body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc, "title: Wheat on the Steppe",
		"paragraph: Kazakhstan sold more wheat to China this year than in any year before, and the trains that carry it east through Dostyk ran full from August to December.",
		"heading: What the farmers say",
		"paragraph: Farmers in the north welcome the demand but worry about the price of fuel and of new machines.",
		"quote: We sell everything we grow, and still the bank takes most of it.",
		"quote: The harvest is good only when the rain comes in June.",
		"heading: How the quota works",
		"paragraph: Each exporter receives a share of the annual quota in spring, set by the ministry.",
		"quote: Exports are not the problem; the margin is. Aidar Nurlanov, economist",
		"paragraph: The ministry expects the quota to grow again next year, if the harvest allows it.")
}

// TestHTMLPostedByLine: a blog theme's line "posted DATE by NAME | N comments" gives the author
// and nothing else.
func TestHTMLPostedByLine(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Mines of the Pamir</title></head><body><div class="a1"><h1>Mines of the Pamir</h1>
<div class="c4">posted 14.05.2024 by <a href="/authors/ermek">Ermek Joldoshev</a> | 3 comments</div>
<p>Chinese companies hold licences for most of the gold deposits in the eastern Pamir, and the villages below them have begun to ask what they receive in return for the water and the roads.</p>
</div></body></html>`
	doc := readPage(t, page, pipeline.English)
	if doc.Byline != "Ermek Joldoshev" {
		t.Errorf("byline %q: %v", doc.Byline, kinds(doc))
	}
	for _, b := range doc.Blocks {
		if b.Kind == pipeline.BlockParagraph && b.Text != "Chinese companies hold licences for most of the gold deposits in the eastern Pamir, and the villages below them have begun to ask what they receive in return for the water and the roads." {
			t.Errorf("paragraph %q kept", b.Text)
		}
	}
}

// TestHTMLPullQuoteRepeatingTheText: a quotation that repeats a sentence of the article is the
// page's pull quote and is left out; a quotation of its own stays.
func TestHTMLPullQuoteRepeatingTheText(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Roads to Nowhere</title></head><body><article><h1>Roads to Nowhere</h1>
<p>Most of the projects were built with state guarantees. This means that if the toll income falls short, the budget repays the loan.</p>
<aside class="pullquote"><p>“If the toll income falls short, the budget repays the loan.”</p></aside>
<blockquote><p>We will not take another loan for a road nobody drives on.</p></blockquote>
<p>The ministry has promised to publish the contracts, but none has appeared so far this year.</p>
</article></body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc, "title: Roads to Nowhere",
		"paragraph: Most of the projects were built with state guarantees. This means that if the toll income falls short, the budget repays the loan.",
		"quote: We will not take another loan for a road nobody drives on.",
		"paragraph: The ministry has promised to publish the contracts, but none has appeared so far this year.")
}

// TestHTMLHeadingOverRelatedLinks: a box of related stories with its own heading, set between
// two sections of the article, leaves nothing behind.
func TestHTMLHeadingOverRelatedLinks(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Drillers and Interpreters</title></head><body><article><h1>Drillers and Interpreters</h1>
<p>Most Chinese engineers on the site speak neither Russian nor Kazakh, so every meeting runs through an interpreter and takes twice as long.</p>
<div class="embed"><h2 class="section-head">On this topic</h2><ul><li><a href="/a/1.html">Oil towns wait for new jobs</a></li><li><a href="/a/2.html">Wages in the west rise again</a></li></ul></div>
<h3>A day without an interpreter</h3>
<p>"Not a day passes without one," says a foreman who has worked on the drilling site for ten years and still needs help with every instruction.</p>
</article></body></html>`
	doc := readPage(t, page, pipeline.English)
	for _, b := range doc.Blocks {
		if b.Text == "On this topic" {
			t.Errorf("the related stories' heading was kept: %v", kinds(doc))
		}
	}
}

// TestHTMLCircledNotesWithoutLinks: notes printed as paragraphs opening with ①, ② under the text,
// whose marks the text carries in <sup> linked to nothing, are the article's notes.
func TestHTMLCircledNotesWithoutLinks(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>粮食安全</title></head><body><div class="detail"><h1>粮食安全</h1>
<p>哈萨克斯坦是世界重要的小麦出口国，而塔吉克斯坦的粮食在相当程度上依赖进口。<sup>①</sup>气候变化使地区农业面临更大的不确定性。</p>
<p>各方在农业技术交流和农产品贸易便利化等方面开展了一系列合作。<sup>②</sup></p>
<p>注释</p><p>①　联合国粮农组织报告，2023年。</p><p>②　上海合作组织声明，2022年。</p>
</div></body></html>`
	doc := readPage(t, page, pipeline.Chinese)
	wantBlocks(t, doc, "title: 粮食安全",
		"paragraph: 哈萨克斯坦是世界重要的小麦出口国，而塔吉克斯坦的粮食在相当程度上依赖进口。气候变化使地区农业面临更大的不确定性。",
		"paragraph: 各方在农业技术交流和农产品贸易便利化等方面开展了一系列合作。",
		"footnote: 联合国粮农组织报告，2023年。", "footnote: 上海合作组织声明，2022年。")
}

// TestHTMLHiddenIconsAndAuthorBox: what the page's styling hides is not read, a row of icon
// links with a share count is page chrome, and a box after the text that presents the author
// the byline named (a portrait, the name, a sentence about them) is not the article's, whatever
// the class names.
func TestHTMLHiddenIconsAndAuthorBox(t *testing.T) {
	t.Parallel()
	page := `<!DOCTYPE html><html><head><title>Dry Ports</title><style>.k9{display:none}</style></head><body>
<main class="css-a1"><article class="css-b2"><h1>Dry Ports</h1>
<p class="css-c3">By <a rel="author" href="/author/sb">Saule Bekova</a></p>
<div class="css-d4"><span>112 shares</span> <a href="https://t.me/share/url?u=x"><svg aria-hidden="true"></svg><span class="k9">Share on Telegram</span></a> <a href="https://www.facebook.com/sharer/sharer.php?u=x"><svg></svg></a></div>
<p>The dry port at Khorgos handled more containers this year than in the three years before it together.</p>
<p style="display:none">Subscribe to read the rest of this article.</p>
<p>Most of them went west by rail, to Europe and to the Caspian ports.</p>
<div class="css-e5"><img src="/a/sb.jpg" alt=""><div><h4><a href="/author/sb">Saule Bekova</a></h4><p>Saule Bekova is a senior fellow at the institute, where she works on transport.</p></div></div>
</article></main></body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc, "title: Dry Ports",
		"byline: By Saule Bekova",
		"paragraph: The dry port at Khorgos handled more containers this year than in the three years before it together.",
		"paragraph: Most of them went west by rail, to Europe and to the Caspian ports.")
}

// TestHTMLPageBuilderParts: a page builder's title marked up for assistive technology
// (role="heading"), an article split into parts of one markup around a picture part and a
// quotation card whose author stands beside the quotation, and notes marked with bare raised
// numbers, are read as one article with its caption, quotation and notes.
func TestHTMLPageBuilderParts(t *testing.T) {
	t.Parallel()
	page := `<!DOCTYPE html><html><head><title>Ili data</title></head><body><div class="canvas">
<div class="zone"><div role="heading" aria-level="1"><span>Ili data</span></div></div>
<div class="zone"><div class="rte"><div data-automation-id="textBox">
<p>Kazakhstan and China agreed to exchange daily flow readings from six gauging stations on the river.</p>
<p>The protocol says nothing about withdrawals from the canals on either side.<sup>1</sup></p>
</div></div></div>
<div class="zone"><figure><img src="/g.jpg" alt=""><figcaption>A gauging station on the lower Ili.</figcaption></figure></div>
<div class="zone"><div class="card"><blockquote><span>Daily data ends the argument about whose numbers are right.</span></blockquote><div class="speaker">— A member of the delegation</div></div></div>
<div class="zone"><div class="rte"><div data-automation-id="textBox">
<p>Analysts expect the working group to discuss water quality and sediment next year.</p>
<p><small><sup>1</sup> Annual totals are published for the prefecture, but not by canal.</small></p>
</div></div></div>
</div></body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc, "title: Ili data",
		"paragraph: Kazakhstan and China agreed to exchange daily flow readings from six gauging stations on the river.",
		"paragraph: The protocol says nothing about withdrawals from the canals on either side.",
		"caption: A gauging station on the lower Ili.",
		"quote: Daily data ends the argument about whose numbers are right. — A member of the delegation",
		"paragraph: Analysts expect the working group to discuss water quality and sediment next year.",
		"footnote: Annual totals are published for the prefecture, but not by canal.")
}

// TestHTMLLabelsAndAddressedNotes: a label set in a row beside the paragraph it labels is read
// with it, a DOI row is metadata, and notes linked with the page's own address before the
// fragment (as sites with a <base> element write them) are the article's notes.
func TestHTMLLabelsAndAddressedNotes(t *testing.T) {
	t.Parallel()
	page := `<!DOCTYPE html><html><head><base href="https://center.example/"><title>Gas lines</title></head><body>
<div class="content"><h1>Gas lines</h1>
<div class="row"><span class="rowtit">Keywords:</span><p class="kw"><a>gas;</a> <a>Turkmenistan;</a> <a>China</a></p></div>
<div class="row"><span class="rowtit">DOI:</span><p>10.16477/j.zylt.2024.03.006</p></div>
<p>Three lines of the pipeline carry about 55 billion cubic metres a year.<sup><a href="analysis/gas/#note1" id="ref1">[1]</a></sup></p>
<p>A fourth line has been discussed for a decade and is still not built.</p>
<div class="notes"><p id="note1"><a href="analysis/gas/#ref1">[1]</a> Estimate from national statistics for 2023.</p></div>
</div></body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc, "title: Gas lines",
		"paragraph: Keywords: gas; Turkmenistan; China",
		"paragraph: Three lines of the pipeline carry about 55 billion cubic metres a year.",
		"paragraph: A fourth line has been discussed for a decade and is still not built.",
		"footnote: Estimate from national statistics for 2023.")
}

// TestHTMLBylineLabelBeforeAuthorLink: a byline's label set before the link to the author's
// page ("Автор: <a rel=author>…</a>") stays with the name.
func TestHTMLBylineLabelBeforeAuthorLink(t *testing.T) {
	t.Parallel()
	page := `<!DOCTYPE html><html><head><title>Зерно</title></head><body><main><article><h1>Зерно</h1>
<p>Казахстан в этом году продал Китаю больше пшеницы, чем в любой год до этого, и поезда шли полными.</p>
<p>Фермеры севера рады спросу, но опасаются роста цен на топливо и технику.</p>
<div class="css-1x">Автор: <a rel="author" href="/author/as">Айгерим Султанова</a></div>
</article></main></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc, "title: Зерно",
		"paragraph: Казахстан в этом году продал Китаю больше пшеницы, чем в любой год до этого, и поезда шли полными.",
		"paragraph: Фермеры севера рады спросу, но опасаются роста цен на топливо и технику.",
		"byline: Автор: Айгерим Султанова")
}

// TestHTMLAuthorCardAndGalleryCounter: the author's name linked under the title beside a
// portrait and a date is the byline when the page's data names that author; a gallery's counter
// is no caption; a separator left after a dropped date goes with the date.
func TestHTMLAuthorCardAndGalleryCounter(t *testing.T) {
	t.Parallel()
	page := `<!DOCTYPE html><html><head><title>Рынки</title><script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"Даниил Харпер"}}</script></head><body>
<main><article><header><h1>Рынки</h1>
<div class="c1"><img src="/a.jpg" alt="Даниил Харпер"><div><a class="c2" href="/people/dh">Даниил Харпер</a><time>12 ноября 2023 г.</time></div></div></header>
<p>Пограничные рынки снова открылись после трёх лет, и торговцы вернулись со своими товарами.</p>
<figure><div><img src="/1.jpg" alt=""><span>1 из 6</span></div><figcaption>Рынок у пункта пропуска.</figcaption></figure>
<p>Покупателей пока меньше, чем до пандемии, но их становится больше каждую неделю.</p>
</article></main></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc, "title: Рынки",
		"paragraph: Пограничные рынки снова открылись после трёх лет, и торговцы вернулись со своими товарами.",
		"caption: Рынок у пункта пропуска.",
		"paragraph: Покупателей пока меньше, чем до пандемии, но их становится больше каждую неделю.",
		"byline: Даниил Харпер")
}

func TestHTMLSeparatorAfterDroppedDate(t *testing.T) {
	t.Parallel()
	page := `<!DOCTYPE html><html><head><title>Рынки</title></head><body><main><article><h1>Рынки</h1>
<div class="c3"><span>Автор: <a href="/people/dh">Даниил Харпер</a></span><span> · </span><time>12 ноября 2023 г.</time></div>
<p>Пограничные рынки снова открылись после трёх лет, и торговцы вернулись со своими товарами.</p>
<p>Покупателей пока меньше, чем до пандемии, но их становится больше каждую неделю.</p>
</article></main></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc, "title: Рынки",
		"byline: Автор: Даниил Харпер",
		"paragraph: Пограничные рынки снова открылись после трёх лет, и торговцы вернулись со своими товарами.",
		"paragraph: Покупателей пока меньше, чем до пандемии, но их становится больше каждую неделю.")
}

// TestHTMLTypedListAndCentredCaption: a list typed line by line between line breaks ("– …;")
// is a list, dialogue dashes are not; a short line centred in boxes of its own under a block
// that holds only a picture is its caption.
func TestHTMLTypedListAndCentredCaption(t *testing.T) {
	t.Parallel()
	page := `<!DOCTYPE html><html><head><title>Лён</title></head><body><div class="news"><h1>Лён</h1>
<div class="news-text">
Лён в области сеют давно, но почти всё семя уходило на экспорт без переработки.<br><br>
Потребовались:<br>
– регистрация предприятия в китайской таможенной системе;<br>
– лабораторные испытания каждой партии;<br>
– этикетка на китайском языке.<br><br>
– Мы справились, – сказал директор.<br><br>
</div>
<div class="ph" style="text-align:center"><img src="/l.jpg" alt=""></div>
<div class="nm"><div style="text-align:center">Поле масличного льна в Актогайском районе</div></div>
<p>В акимате рассчитывают, что опыт цеха переймут и другие переработчики области.</p>
</div></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc, "title: Лён",
		"paragraph: Лён в области сеют давно, но почти всё семя уходило на экспорт без переработки.",
		"paragraph: Потребовались:",
		"list_item: регистрация предприятия в китайской таможенной системе;",
		"list_item: лабораторные испытания каждой партии;",
		"list_item: этикетка на китайском языке.",
		"paragraph: – Мы справились, – сказал директор.",
		"caption: Поле масличного льна в Актогайском районе",
		"paragraph: В акимате рассчитывают, что опыт цеха переймут и другие переработчики области.")
}
