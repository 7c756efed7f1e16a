package checks_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/pipeline"
)

const xliff12 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en-US" target-language="kk-KZ" datatype="plaintext" original="article.md">
    <body>
      <trans-unit id="t1">
        <source>Trade grew by 27% in <g id="1">2023</g>.</source>
        <target>Сауда <g id="1">2023</g> жылы 27%-ға өсті.</target>
        <note>checked</note>
      </trans-unit>
      <trans-unit id="t2">
        <source>See the report<x id="2"/> and <ph id="3">&lt;br/&gt;</ph>notes.</source>
        <target>Баяндаманы<x id="2"/> және <ph id="3">&lt;br/&gt;</ph>ескертпелерді қараңыз.</target>
      </trans-unit>
      <trans-unit id="t3">
        <source>Untranslated unit.</source>
      </trans-unit>
    </body>
  </file>
</xliff>`

const xliff20 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN">
  <file id="f1">
    <unit id="u1">
      <originalData><data id="d1">&lt;b&gt;</data></originalData>
      <segment id="s1">
        <source>China is <pc id="1">the largest</pc> partner.</source>
        <target>中国是<pc id="1">最大的</pc>伙伴。</target>
      </segment>
      <ignorable><source> </source></ignorable>
      <segment id="s2">
        <source>It grew<ph id="2"/>.</source>
        <target>它增长了<ph id="2"/>。</target>
      </segment>
    </unit>
    <unit id="u2">
      <segment>
        <source>Trade <mrk id="m1" type="term">grew</mrk>.</source>
        <target>贸易<mrk id="m1" type="term">增长</mrk>了。</target>
      </segment>
    </unit>
  </file>
</xliff>`

func TestReadXLIFF12(t *testing.T) {
	t.Parallel()
	units, src, tgt, err := checks.ReadXLIFF(strings.NewReader(xliff12))
	if err != nil {
		t.Fatal(err)
	}
	if src != pipeline.English || tgt != pipeline.Kazakh {
		t.Errorf("languages %s→%s, want en→kk", src, tgt)
	}
	want := []checks.XLIFFUnit{
		{ID: "t1", Source: "Trade grew by 27% in ⟨1⟩2023⟨/1⟩.", Target: "Сауда ⟨1⟩2023⟨/1⟩ жылы 27%-ға өсті.", HasTarget: true},
		{ID: "t2", Source: "See the report⟨2⟩ and ⟨3⟩notes.", Target: "Баяндаманы⟨2⟩ және ⟨3⟩ескертпелерді қараңыз.", HasTarget: true},
		{ID: "t3", Source: "Untranslated unit."},
	}
	if len(units) != len(want) {
		t.Fatalf("got %d units: %+v", len(units), units)
	}
	for i := range want {
		if units[i] != want[i] {
			t.Errorf("unit %d = %+v, want %+v", i, units[i], want[i])
		}
	}
}

func TestReadXLIFF20(t *testing.T) {
	t.Parallel()
	units, src, tgt, err := checks.ReadXLIFF(strings.NewReader(xliff20))
	if err != nil {
		t.Fatal(err)
	}
	if src != pipeline.English || tgt != pipeline.Chinese {
		t.Errorf("languages %s→%s, want en→zh", src, tgt)
	}
	want := []checks.XLIFFUnit{
		{ID: "u1/s1", Source: "China is ⟨1⟩the largest⟨/1⟩ partner.", Target: "中国是⟨1⟩最大的⟨/1⟩伙伴。", HasTarget: true},
		{ID: "u1/s2", Source: "It grew⟨2⟩.", Target: "它增长了⟨2⟩。", HasTarget: true},
		{ID: "u2", Source: "Trade grew.", Target: "贸易增长了。", HasTarget: true},
	}
	if len(units) != len(want) {
		t.Fatalf("got %d units: %+v", len(units), units)
	}
	for i := range want {
		if units[i] != want[i] {
			t.Errorf("unit %d = %+v, want %+v", i, units[i], want[i])
		}
	}
}

func TestReadXLIFFRefuses(t *testing.T) {
	t.Parallel()
	nested := "<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"ru\"><body><trans-unit id=\"1\"><source>" +
		strings.Repeat("<g id=\"1\">", 100) + "x" + strings.Repeat("</g>", 100) + "</source></trans-unit></body></file></xliff>"
	tests := []struct {
		name, doc string
		want      string
	}{
		{"billion laughs", `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>` +
			`<xliff version="1.2"><file source-language="en" target-language="ru"><body><trans-unit id="1"><source>&lol2;</source></trans-unit></body></file></xliff>`, "DOCTYPE"},
		{"external entity", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` +
			`<xliff version="1.2"><file source-language="en" target-language="ru"><body><trans-unit id="1"><source>&xxe;</source></trans-unit></body></file></xliff>`, "DOCTYPE"},
		{"plain doctype", `<!DOCTYPE xliff><xliff version="1.2"></xliff>`, "DOCTYPE"},
		{"undefined entity", `<xliff version="1.2"><file source-language="en" target-language="ru"><body><trans-unit id="1"><source>&xxe;</source></trans-unit></body></file></xliff>`, "invalid XLIFF"},
		{"too deep", nested, "nested deeper"},
		{"malformed", `<xliff version="1.2"><file>`, "invalid XLIFF"},
		{"not xml", `hello`, "invalid XLIFF"},
		{"empty", ``, "empty"},
		{"no units", `<xliff version="1.2"><file source-language="en" target-language="ru"><body/></file></xliff>`, "no translation units"},
		{"unknown language", `<xliff version="1.2"><file source-language="en" target-language="de"><body><trans-unit id="1"><source>x</source></trans-unit></body></file></xliff>`, "target language"},
		{"no language", `<xliff version="1.2"><file><body><trans-unit id="1"><source>x</source></trans-unit></body></file></xliff>`, "no source language"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, _, _, err := checks.ReadXLIFF(strings.NewReader(tt.doc))
			if err == nil || !errors.Is(err, checks.ErrXLIFF) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want ErrXLIFF mentioning %q", err, tt.want)
			}
		})
	}
}

// endless is a reader that never ends, like a hostile upload.
type endless struct{ n int }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	if e.n == 0 {
		copy(p, `<xliff version="1.2"><file source-language="en" target-language="ru"><body><!--`)
	}
	e.n++
	return len(p), nil
}

func TestReadXLIFFSizeCap(t *testing.T) {
	t.Parallel()
	_, _, _, err := checks.ReadXLIFF(&endless{})
	if err == nil || !errors.Is(err, checks.ErrXLIFF) || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("err = %v, want a size error", err)
	}
	var _ io.Reader = &endless{}
}

func TestReport(t *testing.T) {
	t.Parallel()
	localize := func(id string, data map[string]any) string {
		if n, ok := data["Number"]; ok {
			return id + ":" + n.(string)
		}
		return id
	}
	entries, err := checks.CheckXLIFF("a.xlf", strings.NewReader(xliff12), checks.Options{Checks: []string{checks.CheckNumber, checks.CheckUntranslated}}, localize)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := checks.WriteReport(&buf, entries); err != nil {
		t.Fatal(err)
	}
	var got []map[string]string
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := []map[string]string{{"file": "a.xlf", "unit": "t3", "check": "untranslated", "severity": "error", "message": "check.untranslated.empty"}}
	if len(got) != len(want) || got[0]["unit"] != "t3" || got[0]["check"] != "untranslated" || got[0]["severity"] != "error" ||
		got[0]["message"] != "check.untranslated.empty" || got[0]["file"] != "a.xlf" {
		t.Errorf("report = %s", buf.String())
	}
	buf.Reset()
	if err := checks.WriteReport(&buf, nil); err != nil || strings.TrimSpace(buf.String()) != "[]" {
		t.Errorf("empty report = %q, %v", buf.String(), err)
	}
	fs := []pipeline.Finding{{Check: checks.CheckNumber, Severity: pipeline.SeverityError, MessageID: "check.number.missing", Data: map[string]any{"Number": "5"}}}
	r := checks.BuildReport("f", "u", fs, localize)
	if len(r) != 1 || r[0].Message != "check.number.missing:5" || r[0].Unit != "u" {
		t.Errorf("BuildReport = %+v", r)
	}
	if _, err := checks.CheckXLIFF("bad.xlf", strings.NewReader("<!DOCTYPE x><x/>"), checks.Options{}, localize); err == nil || !strings.Contains(err.Error(), "bad.xlf") {
		t.Errorf("CheckXLIFF on a hostile file: err = %v", err)
	}
}
