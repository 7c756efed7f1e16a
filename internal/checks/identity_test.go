package checks_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/internal/checks/internal/corpus"
	"github.com/tilmash/tilmash/pipeline"
)

var updateFindings = flag.Bool("update-findings", false, "rewrite testdata/findings.tsv from the current checks")

const findingsGolden = "testdata/findings.tsv"

// TestFindingsUnchanged runs every check on the corpus (clean and injected units, spelling
// included) and the sample-like units with markup, numbers and dates below, and compares the
// findings with testdata/findings.tsv. The checks' speed work (the prepared text shared by all
// checks, literal scans before regular expressions) must not change a single finding; a change of
// a check's rules changes the file on purpose, with
//
//	go test -run TestFindingsUnchanged ./internal/checks/ -update-findings
//
// and the diff of testdata/findings.tsv shows what it changed.
func TestFindingsUnchanged(t *testing.T) {
	clean, injected, terms := loadCorpus(t)
	sp := corpusSpeller(t)
	if sp == nil {
		t.Skip("spelling left out: the recorded findings include it")
	}
	// Half the units read their sources through one cache, as the check worker does: a source
	// is shared by its translations into every language, and the findings must not depend on it.
	var cache checks.PreparedCache
	got := map[string][]pipeline.Finding{}
	for i, u := range append(append(clean, injected...), markupUnits()...) {
		opts := checks.Options{Terms: terms, Spell: sp, OtherTranslations: func(string) []string { return u.Memory }}
		if i%2 == 0 {
			opts.Prepared = &cache
		}
		got[u.ID] = checks.Check(pipeline.CheckUnit{SourceLang: pipeline.English, TargetLang: u.Lang, Source: u.Source, Target: u.Target}, opts)
	}
	ids := make([]string, 0, len(got))
	for id := range got {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var buf bytes.Buffer
	for _, id := range ids {
		for _, f := range got[id] {
			data, err := json.Marshal(f.Data)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&buf, "%s\t%s\t%s\t%s\t%s\n", id, f.Check, f.Severity, f.MessageID, data)
		}
	}
	if *updateFindings {
		if err := os.WriteFile(findingsGolden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(findingsGolden)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(want, buf.Bytes()) {
		return
	}
	wantLines, gotLines := lineSet(want), lineSet(buf.Bytes())
	shown := 0
	for l := range wantLines {
		if !gotLines[l] && shown < 20 {
			t.Errorf("lost: %s", l)
			shown++
		}
	}
	for l := range gotLines {
		if !wantLines[l] && shown < 40 {
			t.Errorf("new:  %s", l)
			shown++
		}
	}
	t.Errorf("findings differ from %s (lines: id, check, severity, message, data)", findingsGolden)
}

func lineSet(b []byte) map[string]bool {
	out := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		out[l] = true
	}
	return out
}

// markupUnits are units whose texts carry the markup, numbers and dates that the corpus's prose
// has little of: links, tags, footnotes, placeholders, URLs, emphasis, superscripts, full-width
// digits, dates and scale words, each with its translation kept, lost or changed.
func markupUnits() []corpus.Unit {
	src := []string{
		`See [the report](https://example.org/report "Report") and <a href="https://astanatimes.com/x">this</a>.`,
		`Trade reached $41 billion in 2023[^1], up 12.5% from 2022-23; see www.stat.gov.kz for details.`,
		`On 15.06.2023 the **Belt and Road** forum met; on 2023-06-15 *ministers* spoke.`,
		`Placeholders {1}, {{name}}, ⟨2⟩ and %s must stay, as must %1$s and %(count)d.`,
		`The SCO² summit in May 2024 drew 3,500 delegates from twenty countries.`,
		`Use <em>snake__case</em> names like __init__ and a_b_c in code.`,
		`Visit HTTP://EXAMPLE.COM/Path, or WWW.Example.org. Then stop.`,
		`Tags <b>bold</b> and <sup>3</sup> and <br/> and </p> close.`,
	}
	tgt := map[pipeline.Lang][]string{
		pipeline.Russian: {
			`См. [доклад](https://example.org/report) и <a href='https://astanatimes.com/y'>это</a>.`,
			`Товарооборот достиг 41 млрд долларов в 2023 году, рост на 12,5 % по сравнению с 2022–2023 гг.; см. www.stat.gov.kz.`,
			`15 июня 2023 года прошёл форум **«Пояс и путь»**; 15.06.2023 *министры* выступили.`,
			`Заполнители {1}, {{name}} и %s должны остаться, как и %1$s.`,
			`Саммит ШОС в мае 2024 года собрал 3 500 делегатов из двадцати стран.`,
			`Используйте <em>имена snake__case</em>, например __init__.`,
			`Посетите http://example.com/Path или www.example.org.`,
			`Теги <b>жирный</b> и <sup>3</sup> и </p> закрываются.`,
		},
		pipeline.Kazakh: {
			`[Баяндаманы](https://example.org/report) қараңыз.`,
			`Тауар айналымы 2023 жылы 41 млрд долларға жетті, 2022-23 жылдармен салыстырғанда 12,5% өсті.`,
			`2023 жылғы 15 маусымда **«Белдеу және жол»** форумы өтті; 2023-06-15 министрлер сөйледі.`,
			`Толтырғыштар {1}, {{name}}, ⟨2⟩ және %s қалуы керек.`,
			`2024 жылы мамырда ШЫҰ² саммитіне жиырма елден 3 500 делегат қатысты.`,
			`Кодта __init__ сияқты атауларды қолданыңыз.`,
			`HTTP://EXAMPLE.COM/Path сайтына кіріңіз.`,
			`<b>Қалың</b> және <sup>3</sup> тегтері жабылады.`,
		},
		pipeline.Chinese: {
			`见[报告](https://example.org/report)和<a href="https://astanatimes.com/x">此文</a>。`,
			`2023年贸易额达到410亿美元[^1]，比2022-23年增长１２．５％；详见www.stat.gov.kz。`,
			`2023年6月15日，**一带一路**论坛召开；2023-06-15部长们发言。`,
			`占位符{1}、{{name}}、⟨2⟩和%s必须保留，%1$s和%(count)d也是。`,
			`2024年5月的上合组织²峰会吸引了来自二十个国家的三千五百名代表.`,
			`在代码中使用__init__等名称。`,
			`访问http://example.com/Path或WWW.Example.org。`,
			`标签<b>粗体</b>和<sup>3</sup>以及<br/>关闭。`,
		},
	}
	var out []corpus.Unit
	for lang, ts := range tgt {
		for i, t := range ts {
			out = append(out, corpus.Unit{ID: "markup-" + string(lang) + "-" + string(rune('a'+i)), Lang: lang, Source: src[i], Target: t})
		}
	}
	return out
}

// Check calls in several goroutines share one cache of prepared sources and find what they find
// without it.
func TestPreparedCacheSharedByGoroutines(t *testing.T) {
	units := markupUnits()
	want := make([][]pipeline.Finding, len(units))
	for i, u := range units {
		want[i] = checks.Check(pipeline.CheckUnit{SourceLang: pipeline.English, TargetLang: u.Lang, Source: u.Source, Target: u.Target}, checks.Options{})
	}
	var cache checks.PreparedCache
	errs := make(chan string, 4*len(units))
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range units {
				i := (k + g*5) % len(units)
				u := units[i]
				got := checks.Check(pipeline.CheckUnit{SourceLang: pipeline.English, TargetLang: u.Lang, Source: u.Source, Target: u.Target},
					checks.Options{Prepared: &cache})
				if !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("%s: %v, want %v", u.ID, got, want[i])
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
