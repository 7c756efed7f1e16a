package document

import (
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// readPage reads a web page the way ingest does: through its Markdown.
func readPage(t *testing.T, page string, lang pipeline.Lang) pipeline.Document {
	t.Helper()
	md, err := HTMLToMarkdown(page)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ParseMarkdownMarkup(md, lang)
	if err != nil {
		t.Fatalf("%v\n%s", err, md)
	}
	return doc
}

// TestPageCreditsAndNoticesLeftOut: the credits, notices and dated labels sites print around
// an article, in the four languages, are not read as its text, while a paragraph that merely
// mentions such words stays.
func TestPageCreditsAndNoticesLeftOut(t *testing.T) {
	t.Parallel()
	body := "<p>The river terminal opened in May and already handles most of the grain that leaves the region by water.</p>" +
		"<p>Updated figures from the port authority show a third more barges than a year ago.</p>"
	for _, furniture := range []string{
		"<p>Last modified on Mon 4 Mar 2024 09.12 GMT</p>",
		"<p>(обновлено: 15:02 04.07.2024)</p>",
		"<p>Мәтіннен қате тапсаңыз, оны белгілеп, Ctrl+Enter пернелерін басыңыз.</p>",
		"<p>【责任编辑：王丽】</p>",
		"<p>2024-04-08 07:10:36　来源: 新华日报</p>",
		"<p>《 东方日报 》（ 2024年01月22日 第 07 版）</p>",
		"<p>Редактор: Павел Грачёв</p>",
		"<p>Фото: облыс әкімдігінің баспасөз қызметі</p>",
		"<p>特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。</p>",
		"<p>Поделиться</p>",
		"<p>© 2024 Prairie Dispatch. All rights reserved.</p>",
		"<p>Мнение редакции может не совпадать с мнением автора.</p>",
		"<p>При полном или частичном использовании материалов ссылка на портал обязательна.</p>",
		"<p>Хотите сообщить новость? Пишите нам в Telegram</p>",
		"<p><strong>Материалы по теме:</strong></p>",
		"<p>Оцените статью</p>",
		"<p>转载请注明出处。</p>",
		"<p>Рейтинг: 4.5 Голосов: 12</p>",
		"<p>展开全文</p>",
		"<p>登录后发表评论</p>",
		"<p>海量资讯、精准解读，尽在某某财经APP</p>",
		"<p>Показать полностью</p>",
		"<p>ТАҒЫ ОҚЫҢЫЗ</p>",
		"<p>Суреттер: Астана әкімдігі</p>",
		"<p>Жаңалықтарды Telegram арнамыздан оқыңыз</p>",
		"<p>Версия для печати</p>",
		"<p>Мы используем файлы cookie, чтобы сайт работал лучше</p>",
		"<p>Реклама. ООО «Ромашка», ИНН 7700000000</p>",
		"<p>Сілтемені көшіру</p>",
		"<p>Get the latest news delivered to your inbox</p>",
		"<p>版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议</p>",
		"<p>分享到微信朋友圈</p>",
		"<p>技术支持：某某网络科技有限公司</p>",
		"<p>京ICP备12345678号-1</p>",
		"<p>下一篇：中亚五国旅游签证新政策</p>",
		"<p>初审：孙七 复审：周八 终审：吴九</p>",
		"<p>点击排行</p>",
		"<p>Skip to main content</p>",
		"<p>You might also like</p>",
		"<p>Продолжение после рекламы</p>",
		"<p>Редакция рекомендует</p>",
		"<p>Қатені хабарлау</p>",
		"<p>Бас редактор: Ерлан Әлиев</p>",
		"<p>Данное сообщение (материал) создано и (или) распространено иностранным средством массовой информации, выполняющим функции иностранного агента.</p>",
	} {
		page := "<html><head><title>River Terminal</title></head><body><article><h1>River Terminal</h1>" +
			body + furniture + "</article></body></html>"
		doc := readPage(t, page, pipeline.English)
		wantBlocks(t, doc,
			"title: River Terminal",
			"paragraph: The river terminal opened in May and already handles most of the grain that leaves the region by water.",
			"paragraph: Updated figures from the port authority show a third more barges than a year ago.")
	}
}

// TestPageParagraphsWrappedOneByOne: a page builder or news site that wraps every paragraph in a
// block of its own still gives the whole article, with the title printed above the body and
// the boxes around it left out.
func TestPageParagraphsWrappedOneByOne(t *testing.T) {
	t.Parallel()
	var paras []string
	for _, p := range []string{
		"Паромная переправа через Иртыш заработает в конце июля, сообщили в министерстве транспорта.",
		"Паром сможет перевозить одновременно до восьми легковых автомобилей или двух грузовиков.",
		"До сих пор жителям сёл на левом берегу приходилось делать крюк более чем в сто пятьдесят километров.",
		"Проезд для жителей двух районов будет бесплатным, остальные заплатят по общему тарифу.",
	} {
		paras = append(paras, `<div class="article__block"><div class="article__text">`+p+`</div></div>`)
	}
	page := `<html><head><title>Через Иртыш запустят паром - Сибирь.Инфо</title></head><body>` +
		`<div class="header"><a href="/">Сибирь.Инфо</a></div>` +
		`<div class="article"><div class="article__header"><h1>Через Иртыш запустят паром</h1></div>` +
		`<div class="article__body">` + strings.Join(paras, "") + `</div>` +
		`<div class="article__author">Автор: <span>Ирина Левченко</span></div>` +
		`<div class="callback"><div class="t-title">Хотите так же?</div><div>Оставьте заявку, и мы перезвоним.</div><form><input name="phone"></form></div>` +
		`</div><div class="footer">© 2024 Сибирь.Инфо. Все права защищены.</div></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	want := []string{"title: Через Иртыш запустят паром"}
	for _, p := range paras {
		want = append(want, "paragraph: "+textOfHTML(p))
	}
	want = append(want, "byline: Автор: Ирина Левченко")
	wantBlocks(t, doc, want...)
}

func textOfHTML(s string) string {
	for strings.Contains(s, "<") {
		i := strings.Index(s, "<")
		j := strings.Index(s[i:], ">")
		s = s[:i] + s[i+j+1:]
	}
	return s
}

// TestPageMetaLineGivesTheAuthor: a line of separate pieces under the title (a label, the
// author, the account, the date, the place) gives the author's name alone as the byline.
func TestPageMetaLineGivesTheAuthor(t *testing.T) {
	t.Parallel()
	page := `<html><body><div id="page-content"><h1>县城里的咖啡馆</h1>` +
		`<div class="meta_list"><span>原创</span> <span>周晓雯</span> <span><a href="#">小城观察</a></span> <em>2024-03-05 08:30</em> <em>浙江</em></div>` +
		`<div class="content"><p>在很多人的印象里，咖啡是大城市写字楼里的饮品。但最近两年，县城里的咖啡店数量增长得比一线城市还快。</p>` +
		`<p><strong>租金低是主要原因。</strong>与大城市相比，县城商铺的租金往往只有几分之一。</p>` +
		`<p><img src="/shop.jpg"></p><p>县城主街上新开的一家咖啡店。</p>` +
		`<p>人工成本也更低，不少店主雇用的是本地的年轻人，培训几周就能上岗。</p></div></div></body></html>`
	doc := readPage(t, page, pipeline.Chinese)
	wantBlocks(t, doc,
		"title: 县城里的咖啡馆",
		"paragraph: 在很多人的印象里，咖啡是大城市写字楼里的饮品。但最近两年，县城里的咖啡店数量增长得比一线城市还快。",
		"paragraph: 租金低是主要原因。与大城市相比，县城商铺的租金往往只有几分之一。",
		"caption: 县城主街上新开的一家咖啡店。",
		"paragraph: 人工成本也更低，不少店主雇用的是本地的年轻人，培训几周就能上岗。",
		"byline: 周晓雯")
	if len(doc.Blocks[2].Inline.List()) == 0 {
		t.Errorf("the bold run before the full stop lost its markup: %q", doc.Blocks[2].Text)
	}
}

// TestMarkdownTemplateTags: a template tag in an image's address does not turn the image and
// its caption into text, a figure shortcode gives its caption, other shortcode lines go, and
// the front matter's author signs an article that does not sign itself.
func TestMarkdownTemplateTags(t *testing.T) {
	t.Parallel()
	md := "---\ntitle: \"The Border Queue\"\nauthor: \"Lena Hoffmann\"\n---\n\n" +
		"The queue at the crossing begins long before the gate.\n\n" +
		"![Queue of trucks]({{ site.baseurl }}/assets/img/queue.jpg)\n*The truck queue seen from the footbridge.*\n\n" +
		"{{< figure src=\"/img/gate.jpg\" alt=\"The gate\" caption=\"The gate at dawn.\" >}}\n\n" +
		"{{< youtube abc123 >}}\n\n" +
		"We crossed a little after four in the afternoon.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc,
		"title: The Border Queue",
		"byline: Lena Hoffmann",
		"paragraph: The queue at the crossing begins long before the gate.",
		"caption: The truck queue seen from the footbridge.",
		"caption: The gate at dawn.",
		"paragraph: We crossed a little after four in the afternoon.")
}

// TestPageHeaderAndClosingLines: a heading set under the title in the article's header is its
// subtitle, a credit where a caption would be is left out with the picture, and the line that
// closes the article by pointing to the site's channel is no article text, while a paragraph
// that cites a post on the same network stays.
func TestPageHeaderAndClosingLines(t *testing.T) {
	t.Parallel()
	page := `<html><body><article><header><h1>Зерно уходит на восток</h1><h2>Экспортёры переориентируют поставки на Китай</h2></header>` +
		`<div class="body"><p>Экспорт зерна из сибирских регионов в Китай за прошлый сезон вырос в полтора раза, поставки идут по железной дороге.</p>` +
		`<figure><img src="/grain.jpg"><figcaption>Фото: Евгений Павленко</figcaption></figure>` +
		`<p>Об этом министр написал в своём <a href="https://t.me/minister">Telegram-канале</a>, добавив, что ограничений на вывоз не будет и в новом сезоне.</p>` +
		`<p>Новости компаний — в Telegram-канале <a href="https://t.me/example_biz">«Ведомости. Бизнес»</a>.</p></div></article></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc,
		"title: Зерно уходит на восток",
		"paragraph: Экспортёры переориентируют поставки на Китай",
		"paragraph: Экспорт зерна из сибирских регионов в Китай за прошлый сезон вырос в полтора раза, поставки идут по железной дороге.",
		"paragraph: Об этом министр написал в своём Telegram-канале, добавив, что ограничений на вывоз не будет и в новом сезоне.")
}

// TestPageBuilderBlocks: a page built of styled blocks (a title and headings set as classed
// blocks, a box with a form, a list of page metadata, headings with anchor links) gives the
// article's structure, and many bold runs that end in Chinese punctuation keep their markup.
func TestPageBuilderBlocks(t *testing.T) {
	t.Parallel()
	bold := strings.Repeat("<strong>一是完善节点。</strong>每个县建设一个中心。", 50)
	page := `<html><head><title>Как мы перевели склад на электронные накладные</title></head><body><div id="allrecords">` +
		`<div class="t-rec"><div class="t-title t-title_xxl">Как мы перевели склад на электронные накладные</div></div>` +
		`<dl class="meta"><dt>From:</dt><dd><a href="/dept">Department for Trade</a></dd><dt>Published</dt><dd>3 March 2024</dd></dl>` +
		`<div class="t-rec"><div class="t-text">Ещё два года назад каждая машина, уходившая с нашего склада, увозила с собой пачку бумаг и доверенность водителя.</div></div>` +
		`<div class="t-rec"><div class="t017__title t-title t-title_xs">С чего начали</div></div>` +
		`<div class="t-rec"><div class="t-text">Первым делом мы посчитали, сколько документов проходит через склад за месяц, и вышло около четырёх тысяч.</div></div>` +
		`<h2>Итоги<a class="headerlink" href="#itogi">¶</a></h2>` +
		`<div class="t-rec"><div class="t-text">` + bold + `</div></div>` +
		`<div class="t-rec"><div class="t678"><div class="t-section__title">Хотите так же?</div><div class="t-descr">Оставьте заявку, и мы расскажем, сколько времени займёт переход.</div><form><input name="phone"></form></div></div>` +
		`</div></body></html>`
	doc := readPage(t, page, pipeline.Russian)
	wantBlocks(t, doc,
		"title: Как мы перевели склад на электронные накладные",
		"paragraph: Ещё два года назад каждая машина, уходившая с нашего склада, увозила с собой пачку бумаг и доверенность водителя.",
		"heading: С чего начали",
		"paragraph: Первым делом мы посчитали, сколько документов проходит через склад за месяц, и вышло около четырёх тысяч.",
		"heading: Итоги",
		"paragraph: "+strings.Repeat("一是完善节点。每个县建设一个中心。", 50))
	if got := len(doc.Blocks[5].Inline.List()); got != 50 {
		t.Errorf("%d bold runs kept, want 50", got)
	}
}

// TestPageTextLikeFurnitureKept: article text that shares words with page furniture stays: a
// one-word answer in an interview, a sentence that opens with a news agency or a label's
// words, a button's name inside a sentence.
func TestPageTextLikeFurnitureKept(t *testing.T) {
	t.Parallel()
	paras := []string{
		"— Вы вернётесь в порт в этом году?",
		"— Нет.",
		"AFP reported that the ferry would resume service in spring.",
		"Published in 2019, the report found that most barges sailed half empty.",
		"Press Share to send the timetable to a colleague.",
		"未经授权使用他人作品的企业，将被依法追究责任。",
	}
	body := ""
	for _, p := range paras {
		body += "<p>" + strings.Replace(p, "Share", "<a href=\"#share\">Share</a>", 1) + "</p>"
	}
	page := "<html><body><article><h1>Ferries</h1>" + body + "</article></body></html>"
	doc := readPage(t, page, pipeline.English)
	want := []string{"title: Ferries"}
	for _, p := range paras {
		want = append(want, "paragraph: "+p)
	}
	wantBlocks(t, doc, want...)
}

// TestPageArticleInsideForm: a content system that sets the whole article inside a form (as
// some Chinese university and government sites do) still gives the article, its title a lower
// heading that the page's title repeats with its site after "-", while a search form is no text.
func TestPageArticleInsideForm(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>我校师生赴边境县开展暑期社会实践-新闻网-某某大学</title></head><body>` +
		`<div class="top"><form action="/search"><input name="q"><span>搜索全站新闻</span></form></div>` +
		`<form name="_newscontent_fromname"><div class="arti_title"><h2>我校师生赴边境县开展暑期社会实践</h2></div>` +
		`<div id="vsb_content"><div class="v_news_content">` +
		`<p>7月15日至22日，经济学院组织十二名师生赴边境县开展暑期社会实践，围绕边境贸易和农产品流通进行调研。</p>` +
		`<p>实践团走访了口岸、边民互市贸易区和三家农产品加工企业，与当地商务部门座谈。</p>` +
		`<p>实践团将整理调研材料，形成调研报告，为当地发展边境贸易提供参考。</p></div></div></form></body></html>`
	doc := readPage(t, page, pipeline.Chinese)
	wantBlocks(t, doc,
		"title: 我校师生赴边境县开展暑期社会实践",
		"paragraph: 7月15日至22日，经济学院组织十二名师生赴边境县开展暑期社会实践，围绕边境贸易和农产品流通进行调研。",
		"paragraph: 实践团走访了口岸、边民互市贸易区和三家农产品加工企业，与当地商务部门座谈。",
		"paragraph: 实践团将整理调研材料，形成调研报告，为当地发展边境贸易提供参考。")
}

// TestPageShownByScripts: an article body that the page hides until its scripts run (WeChat's
// visibility: hidden) is read; styling set on a <section> around a bare paragraph makes it a
// quotation or a caption; a line centred by its class or set in italics under a picture is its
// caption; a caption asking the reader to follow the channel is left out.
func TestPageShownByScripts(t *testing.T) {
	t.Parallel()
	page := `<html><body><h1>文物交流</h1><div id="js_content" style="visibility: hidden;">
<section><p>2023年秋天，阿斯塔纳的国家博物馆门口排起了长队，来自西安的一百多件文物在这里展出。</p></section>
<section style="text-align:center"><img data-src="a.jpg"></section>
<section style="text-align: center;"><p><span style="font-size:12px">▲ 在杭州展出的塞种人金饰</span></p></section>
<section style="border-left: 4px solid #a52a2a; padding: 12px;"><p>“展览是在讲故事，关键是谁来讲、怎么讲。”一位学者这样说。</p></section>
<section><p>专家建议，下一步应从单次办展走向长期合作，联合开展考古发掘。</p></section>
<div class="module image"><span><img src="b.jpg" alt=""></span></div>
<div class="module text text_align_center"><div class="inner"><p><em>Гагаринский старт, с которого в 2019 году ушла последняя пилотируемая ракета.</em></p></div></div>
<section><p>只有这样，文物交流才能真正成为学术合作的桥梁。</p></section>
<section><img src="qr.png"><p>长按识别二维码，关注我们</p></section>
</div><p style="display:none">隐藏的文字</p></body></html>`
	doc := readPage(t, page, pipeline.Chinese)
	wantBlocks(t, doc, "title: 文物交流",
		"paragraph: 2023年秋天，阿斯塔纳的国家博物馆门口排起了长队，来自西安的一百多件文物在这里展出。",
		"caption: ▲ 在杭州展出的塞种人金饰",
		"quote: “展览是在讲故事，关键是谁来讲、怎么讲。”一位学者这样说。",
		"paragraph: 专家建议，下一步应从单次办展走向长期合作，联合开展考古发掘。",
		"caption: Гагаринский старт, с которого в 2019 году ушла последняя пилотируемая ракета.",
		"paragraph: 只有这样，文物交流才能真正成为学术合作的桥梁。")
}

// TestPageFigureInTable: a picture set in a table's row, the line under it in the next row, is
// a figure and its caption (old Chinese CMS templates print every picture so), as is a
// one-row table a class names a caption under a picture's block.
func TestPageFigureInTable(t *testing.T) {
	t.Parallel()
	page := `<html><body><h1>跨境电商</h1><div class="content">
<div>过去，从义乌或乌鲁木齐发出的包裹到达阿拉木图往往需要两到三周。</div>
<table align="center" class="pic_table"><tr><td align="center"><img src="a.jpg"></td></tr>
<tr><td align="center" class="pic_title">阿拉木图郊区的一座电商海外仓</td></tr></table>
<div>海外仓的好处显而易见，代价是卖家必须提前投入资金备货。</div></div></body></html>`
	wantBlocks(t, readPage(t, page, pipeline.Chinese), "title: 跨境电商",
		"paragraph: 过去，从义乌或乌鲁木齐发出的包裹到达阿拉木图往往需要两到三周。",
		"caption: 阿拉木图郊区的一座电商海外仓",
		"paragraph: 海外仓的好处显而易见，代价是卖家必须提前投入资金备货。")
	// Blogger: the picture in a block of its own, the caption in a one-row table under it.
	page = `<html><body><h1>Жүн</h1><div class="post-body"><p>Жүн бағасы биыл тағы төмендеді, шаруалар оны арзанға өткізуге мәжбүр.</p>
<div class="separator" style="text-align: center;"><a href="https://example.org/jun.jpg"><img src="https://example.org/jun.jpg"></a></div>
<table align="center" class="tr-caption-container"><tbody><tr><td class="tr-caption" style="text-align: center;">Сарқан ауданындағы қырқым алаңы</td></tr></tbody></table>
<p>Жергілікті жүн жуу фабрикаларының көбі жабылып қалған.</p></div></body></html>`
	wantBlocks(t, readPage(t, page, pipeline.Kazakh), "title: Жүн",
		"paragraph: Жүн бағасы биыл тағы төмендеді, шаруалар оны арзанға өткізуге мәжбүр.",
		"caption: Сарқан ауданындағы қырқым алаңы",
		"paragraph: Жергілікті жүн жуу фабрикаларының көбі жабылып қалған.")
}

// TestPageDateLineInTitle: a template that prints the date line inside the title's <h1> (after
// a <br>) gives the title alone, and the author that line names under its label as the byline
// (which the reader puts after the text, as it does every byline the page prints apart).
func TestPageDateLineInTitle(t *testing.T) {
	t.Parallel()
	page := `<html><body><h1>天山冰川退缩与中亚跨境河流<br /><span>2024-09-12 09:26:45&nbsp;&nbsp;&nbsp;来源：中亚研究网&nbsp;&nbsp;&nbsp;作者：李建华&nbsp;&nbsp;&nbsp;评论：<a href="#c">0</a></span></h1>
<div class="content"><p>天山横跨中国新疆和哈萨克斯坦、吉尔吉斯斯坦、乌兹别克斯坦，被称为中亚的“水塔”。</p>
<p>近几十年来，天山冰川整体处于退缩状态。</p></div></body></html>`
	wantBlocks(t, readPage(t, page, pipeline.Chinese), "title: 天山冰川退缩与中亚跨境河流",
		"paragraph: 天山横跨中国新疆和哈萨克斯坦、吉尔吉斯斯坦、乌兹别克斯坦，被称为中亚的“水塔”。",
		"paragraph: 近几十年来，天山冰川整体处于退缩状态。", "byline: 作者：李建华")
}

// TestPagePullQuoteAndNotesLabel: a pull quote that repeats a sentence its editor shortened is
// left out, and so is the label over the notes in their box; a real quotation stays.
func TestPagePullQuoteAndNotesLabel(t *testing.T) {
	t.Parallel()
	page := `<html><body><article><h1>Pensions</h1>
<p>Kazakhstan has one of the oldest funded pension systems in the region. Workers pay ten percent of their wages into a single state fund whose returns, after inflation, have often been close to zero.<a id="back1" href="#note1">[1]</a></p>
<aside class="pullquote"><p>Workers pay ten percent of their wages into a single state fund whose returns have often been close to zero.</p></aside>
<blockquote><p>Nobody trusts a fund they cannot see into, said a pensioner in Karaganda.</p></blockquote>
<p>The reform of 2023 lets savers move part of their money to private managers.</p>
<div class="article-notes"><p class="notes-title">Примечания</p>
<p id="note1"><a href="#back1">[1]</a> Data of the national bank for 2024.</p></div>
</article></body></html>`
	wantBlocks(t, readPage(t, page, pipeline.English), "title: Pensions",
		"paragraph: Kazakhstan has one of the oldest funded pension systems in the region. Workers pay ten percent of their wages into a single state fund whose returns, after inflation, have often been close to zero.",
		"quote: Nobody trusts a fund they cannot see into, said a pensioner in Karaganda.",
		"paragraph: The reform of 2023 lets savers move part of their money to private managers.",
		"footnote: Data of the national bank for 2024.")
}

// TestPageCommentsBoxAndPlatformNotice: the readers' comments under their label and a
// platform's notice that it only stores what users post are left out.
func TestPageCommentsBoxAndPlatformNotice(t *testing.T) {
	t.Parallel()
	page := `<html><body><h1>中亚货代</h1><div class="post_body"><p>今年以来，经霍尔果斯口岸出境的中欧班列持续增加，货代企业订单明显增多。</p>
<p>不过，运价下降让不少企业利润变薄。</p></div>
<div class="post_statement"><p>Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user of NetEase Hao, which is a social media platform and only provides information storage services.</p></div>
<div class="tie-area"><div class="tie-titlebar">网友评论</div><div class="tie-hot"><p>货代的苦只有自己知道。</p><p>运价太低了。</p></div></div></body></html>`
	wantBlocks(t, readPage(t, page, pipeline.Chinese), "title: 中亚货代",
		"paragraph: 今年以来，经霍尔果斯口岸出境的中欧班列持续增加，货代企业订单明显增多。",
		"paragraph: 不过，运价下降让不少企业利润变薄。")
}

// TestPageSpanAroundBlocks: a <span> that holds the paragraphs, headings and figures of an
// answer (Zhihu's "RichText") is the box it looks like, not one run of inline text; the
// count of readers who agreed is a counter.
func TestPageSpanAroundBlocks(t *testing.T) {
	t.Parallel()
	page := `<html><body><h1>中亚电影节</h1><div class="AnswerItem"><span class="Voters">1,204 人赞同了该回答</span>
<div class="RichContent"><span class="RichText ztext"><p>这个问题我在阿拉木图电影节做过两年志愿者，可以说说自己的观察。</p>
<h2>合拍片带动参展</h2><p>2017 年以来，中哈之间签了几部合拍协议。</p>
<figure><img src="a.jpg"><figcaption>阿拉木图一家影院外的电影节海报</figcaption></figure>
<p>总之，电影节是个窗口。</p></span></div></div></body></html>`
	wantBlocks(t, readPage(t, page, pipeline.Chinese), "title: 中亚电影节",
		"paragraph: 这个问题我在阿拉木图电影节做过两年志愿者，可以说说自己的观察。", "heading: 合拍片带动参展",
		"paragraph: 2017 年以来，中哈之间签了几部合拍协议。", "caption: 阿拉木图一家影院外的电影节海报", "paragraph: 总之，电影节是个窗口。")
}

// TestPageGoogleDocsPublished: a document published from Google Docs sets its type on spans by
// class, in points: the Title style is the title whatever the page is called, and a line in
// bold type larger than the running text is a heading.
func TestPageGoogleDocsPublished(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Уголь и Китай</title><style>.c0{font-weight:700;font-size:16pt}.c1{padding-bottom:8pt}.c2{font-size:11pt;font-weight:400}.c5{font-weight:700;font-size:13pt}.title{font-size:26pt}</style></head>
<body><div id="contents"><p class="c1 title"><span class="c0">Отказ от угля в Казахстане: что изменит китайский фактор</span></p>
<p class="c1"><span class="c2">Казахстан производит около 70 % электроэнергии на угольных станциях, и отказ от угля растянется на десятилетия.</span></p>
<p class="c1"><span class="c2 c5">Два направления китайского влияния</span></p>
<p class="c1"><span class="c2">Китайские компании строят ветровые и солнечные станции, но также модернизируют угольные блоки.</span></p>
<p class="c1"><span class="c2">Банки Китая при этом сократили финансирование новых угольных проектов за рубежом.</span></p></div></body></html>`
	wantBlocks(t, readPage(t, page, pipeline.Russian), "title: Отказ от угля в Казахстане: что изменит китайский фактор",
		"paragraph: Казахстан производит около 70 % электроэнергии на угольных станциях, и отказ от угля растянется на десятилетия.",
		"heading: Два направления китайского влияния",
		"paragraph: Китайские компании строят ветровые и солнечные станции, но также модернизируют угольные блоки.",
		"paragraph: Банки Китая при этом сократили финансирование новых угольных проектов за рубежом.")
}

// TestPageHashedClassNames: a class name that CSS modules end with a hash
// ("image-caption__credit__3YqXK") is read by its element's word: the credit beside the caption
// is left out.
func TestPageHashedClassNames(t *testing.T) {
	t.Parallel()
	page := `<html><body><article><h1>Copper</h1><p>Kazakhstan's copper output rose again last year, led by the smelter in Balkhash.</p>
<figure><img src="a.jpg"><figcaption><span class="text__text__1FZLe">Chimneys of the copper smelter in Balkhash.</span> <span class="image-caption__credit__3YqXK">WIRE/Pavel Mikheyev</span></figcaption></figure>
<p>Exports to China took most of the metal.</p></article></body></html>`
	wantBlocks(t, readPage(t, page, pipeline.English), "title: Copper",
		"paragraph: Kazakhstan's copper output rose again last year, led by the smelter in Balkhash.",
		"caption: Chimneys of the copper smelter in Balkhash.", "paragraph: Exports to China took most of the metal.")
}

// TestPageNestedHiddenBoxes: boxes hidden one inside another around the whole text are each
// kept, the letters counted once for all of them.
func TestPageNestedHiddenBoxes(t *testing.T) {
	t.Parallel()
	const depth = 300
	page := "<html><body><h1>Grain</h1>" + strings.Repeat(`<div style="visibility:hidden">`, depth) +
		"<p>Wheat exports to China grew by a third last year.</p><p>Most of the grain went by rail through Khorgos.</p>" +
		strings.Repeat("</div>", depth) + `<p style="display:none">Share this</p></body></html>`
	wantBlocks(t, readPage(t, page, pipeline.English), "title: Grain",
		"paragraph: Wheat exports to China grew by a third last year.", "paragraph: Most of the grain went by rail through Khorgos.")
}

// TestNoteNumbersApartFromTexts: a copy that put the notes' numbers on lines of their own, one
// under the other, and ran their texts into one line gives each number its note.
func TestNoteNumbersApartFromTexts(t *testing.T) {
	t.Parallel()
	var p []pageLine
	for _, s := range []string{"It ties Uzbekistan’s winter to Gazprom.2", "1", "2",
		"Ministry of Energy, statements on winter supply, 2021–2025. Interviews by the authors in Tashkent, October 2025."} {
		p = append(p, pageLine{text: s, raw: s})
	}
	var got []string
	for _, l := range joinLoneNoteNumbers(p) {
		got = append(got, l.text)
	}
	want := []string{"It ties Uzbekistan’s winter to Gazprom.2", "1 Ministry of Energy, statements on winter supply, 2021–2025.",
		"2 Interviews by the authors in Tashkent, October 2025."}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
