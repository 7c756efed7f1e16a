package interchange_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

func TestMain(m *testing.M) { postgrestest.Main(m) }

var slugSeq atomic.Int64

func uniqueSlug(prefix string) string {
	return fmt.Sprintf("%s-%d-%d", prefix, time.Now().UnixNano()%1e9, slugSeq.Add(1))
}

// sentence is one segment of a test article.
type sentence struct {
	kind   pipeline.BlockKind
	text   string
	inline []pipeline.Inline
}

var (
	link     = pipeline.Inline{ID: 1, Kind: pipeline.InlineLink, Href: "https://example.org/report"}
	emphasis = pipeline.Inline{ID: 2, Kind: pipeline.InlineEmphasis}
	note1    = pipeline.Inline{ID: 2, Kind: pipeline.InlineFootnote, Note: 1}
	strong   = pipeline.Inline{ID: 1, Kind: pipeline.InlineStrong}
)

// englishArticle is the English source the round trips translate: headings, links, emphasis and
// footnote references, a repeated sentence.
var englishArticle = []sentence{
	{pipeline.BlockTitle, "Cooperation in Central Asia", nil},
	{pipeline.BlockParagraph, "Trade between China and Kazakhstan grew by 27% in 2023.", nil},
	{pipeline.BlockParagraph, "See the <g1>annual report</g1> for details<x2/>.", []pipeline.Inline{link, note1}},
	{pipeline.BlockHeading, "Energy and transport", nil},
	{pipeline.BlockParagraph, "The <g1>Middle Corridor</g1> links Astana with <g2>European</g2> ports.", []pipeline.Inline{link, emphasis}},
	{pipeline.BlockParagraph, "<g1>Growth</g1> continued.", []pipeline.Inline{strong}},
	{pipeline.BlockParagraph, "Growth continued.", nil},
	{pipeline.BlockParagraph, "Growth continued.", nil},
}

// translations of englishArticle in each target language, index by index.
var translations = map[pipeline.Lang][]string{
	pipeline.Russian: {"Сотрудничество в Центральной Азии", "Торговля между Китаем и Казахстаном выросла на 27% в 2023 году.",
		"Подробности в <g1>годовом отчёте</g1><x2/>.", "Энергетика и транспорт",
		"<g1>Средний коридор</g1> связывает Астану с <g2>европейскими</g2> портами.", "<g1>Рост</g1> продолжился.",
		"Рост продолжился.", "Рост продолжался."},
	pipeline.Kazakh: {"Орталық Азиядағы ынтымақтастық", "2023 жылы Қытай мен Қазақстан арасындағы сауда 27%-ға өсті.",
		"Толығырақ <g1>жылдық есепте</g1><x2/>.", "Энергетика және көлік",
		"<g1>Орта дәліз</g1> Астананы <g2>еуропалық</g2> порттармен байланыстырады.", "<g1>Өсу</g1> жалғасты.",
		"Өсу жалғасты.", "Өсім жалғасты."},
	pipeline.Chinese: {"中亚合作", "2023年中哈贸易增长了27%。", "详见<g1>年度报告</g1><x2/>。", "能源与交通",
		"<g1>中间走廊</g1>将阿斯塔纳与<g2>欧洲</g2>港口相连。", "<g1>增长</g1>仍在继续。", "增长仍在继续。", "增长持续。"},
}

func newArticle(t testing.TB, db *postgres.DB, lang pipeline.Lang, ss []sentence) pipeline.Article {
	t.Helper()
	a, err := db.CreateArticle(context.Background(), buildArticle(lang, uniqueSlug("xl"), ss))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func buildArticle(lang pipeline.Lang, slug string, ss []sentence) pipeline.NewArticle {
	doc := pipeline.Document{Title: ss[0].text}
	var segs []pipeline.Segment
	var body []string
	for i, s := range ss {
		doc.Blocks = append(doc.Blocks, pipeline.Block{Kind: s.kind, Text: s.text, Inline: pipeline.NewInlineMarkup(s.inline)})
		segs = append(segs, pipeline.Segment{Position: i, BlockIndex: i, Kind: s.kind, Text: s.text,
			Hash: fmt.Sprint("h", i), Inline: pipeline.NewInlineMarkup(s.inline)})
		body = append(body, s.text)
	}
	return pipeline.NewArticle{Request: pipeline.IngestRequest{Text: strings.Join(body, "\n\n"), Format: pipeline.FormatText,
		SourceLang: lang, Slug: slug, CreatedBy: "test"}, Doc: doc, Segments: segs}
}

func content(t testing.TB, db *postgres.DB, a pipeline.Article, lang pipeline.Lang) pipeline.EditionContent {
	t.Helper()
	c, err := db.FindEditionContent(context.Background(), a.ID, lang)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func export(t testing.TB, db *postgres.DB, a pipeline.Article, lang pipeline.Lang, version string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := interchange.ExportEdition(context.Background(), db, a.ID, lang, &buf, interchange.ExportOptions{Version: version}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func importFile(t testing.TB, db *postgres.DB, a pipeline.Article, lang pipeline.Lang, file []byte) *interchange.ImportReport {
	t.Helper()
	f, err := interchange.ReadXLIFF(bytes.NewReader(file))
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, file)
	}
	rep, err := interchange.ImportEdition(context.Background(), db, a.ID, lang, f, interchange.ImportOptions{User: "cat-tool"})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

var (
	unit12 = regexp.MustCompile(`(?s)<trans-unit id="([^"]+)".*?</trans-unit>`)
	unit21 = regexp.MustCompile(`(?s)<unit id="([^"]+)".*?</unit>`)
	tgt12  = regexp.MustCompile(`(?s)<target([^>]*)>.*?</target>`)
	tgt21  = regexp.MustCompile(`(?s)\s*<target>.*?</target>`)
)

// translate plays a CAT tool: it sets the target of the units given (by position) to an XML
// fragment, and for 2.x the segment state, leaving everything else of the file as it is.
func translate(file []byte, version string, targets map[int]string, state string) []byte {
	re := unit12
	if version == interchange.XLIFF21 {
		re = unit21
	}
	n := -1
	return re.ReplaceAllFunc(file, func(u []byte) []byte {
		n++
		frag, ok := targets[n]
		if !ok {
			return u
		}
		s := string(u)
		if version == interchange.XLIFF12 {
			return []byte(tgt12.ReplaceAllString(s, "<target$1>"+strings.ReplaceAll(frag, "$", "$$")+"</target>"))
		}
		s = tgt21.ReplaceAllString(s, "")
		s = strings.Replace(s, "</source>", "</source><target>"+frag+"</target>", 1)
		if state != "" {
			s = regexp.MustCompile(`state="[a-z]+"`).ReplaceAllString(s, `state="`+state+`"`)
		}
		return []byte(s)
	})
}

// xmlInline writes a placeholder text as the inline elements of an XLIFF version, as a CAT tool
// writes them back.
func xmlInline(text, version string, in []pipeline.Inline) string {
	var b strings.Builder
	for _, tok := range pipeline.Tokens(text) {
		id := fmt.Sprint(tok.ID)
		switch {
		case tok.Kind == pipeline.TokenText:
			b.WriteString(strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(tok.Text))
		case version == interchange.XLIFF12 && tok.Kind == pipeline.TokenOpen:
			b.WriteString(`<g id="` + id + `">`)
		case version == interchange.XLIFF12 && tok.Kind == pipeline.TokenClose:
			b.WriteString(`</g>`)
		case version == interchange.XLIFF12:
			b.WriteString(`<x id="` + id + `"/>`)
		case tok.Kind == pipeline.TokenOpen:
			b.WriteString(`<pc id="` + id + `">`)
		case tok.Kind == pipeline.TokenClose:
			b.WriteString(`</pc>`)
		default:
			b.WriteString(`<ph id="` + id + `"/>`)
		}
	}
	_ = in
	return b.String()
}

func errorsAs(err error, target **pipeline.Error) bool { return errors.As(err, target) }
