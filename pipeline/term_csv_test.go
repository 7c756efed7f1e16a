package pipeline

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestConceptsCSVRoundTrip(t *testing.T) {
	t.Parallel()
	in := "\ufeffen,ru,kk,zh,note,do_not_translate,forbidden_en,forbidden_ru,forbidden_kk,forbidden_zh\n" +
		"Astana,Астана,Астана,阿斯塔纳,capital since 1997,false,Nur-Sultan,Нур-Султан|Акмола,Нұр-Сұлтан,努尔苏丹\n" +
		"\"Belt and Road Initiative\",\"инициатива «Пояс и путь»\",«Белдеу және жол» бастамасы,一带一路倡议,,false,,,,\n" +
		",,,,,,,,,\n" +
		"OPEC+,ОПЕК+,ОПЕК+,欧佩克+,,true,,,,\n"
	cs, err := ReadConceptsCSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 3 {
		t.Fatalf("read %d concepts, want 3 (the blank row skipped)", len(cs))
	}
	if cs[0].Terms[Kazakh] != "Астана" || len(cs[0].Forbidden[Russian]) != 2 || cs[0].Note != "capital since 1997" {
		t.Errorf("first concept: %+v", cs[0])
	}
	if !cs[2].DoNotTranslate || cs[1].DoNotTranslate {
		t.Error("do_not_translate misread")
	}
	var buf bytes.Buffer
	if err := WriteConceptsCSV(&buf, cs); err != nil {
		t.Fatal(err)
	}
	again, err := ReadConceptsCSV(&buf)
	if err != nil || len(again) != 3 || again[1].Terms[Russian] != "инициатива «Пояс и путь»" || again[0].Forbidden[Russian][1] != "Акмола" {
		t.Fatalf("round trip: %+v %v", again, err)
	}
}

func TestConceptsCSVErrors(t *testing.T) {
	t.Parallel()
	for name, in := range map[string]string{
		"empty":            "",
		"unknown column":   "en,fr\nx,y\n",
		"no language":      "note\nx\n",
		"duplicate column": "en,en\nx,y\n",
		"bad flag":         "en,do_not_translate\nx,maybe\n",
		"no term":          "en,ru,note\n,,only a note\n",
		"bad quoting":      "en,ru\n\"x,y\n",
	} {
		_, err := ReadConceptsCSV(strings.NewReader(in))
		if ErrorCode(err) != CodeInvalid {
			t.Errorf("%s: err = %v, want an invalid-input error", name, err)
		}
	}
}

// TestConceptsCSVStrict checks that a row of the wrong width, or a field that is not text, is
// refused with the line it is on, and that nothing at all is returned then.
func TestConceptsCSVStrict(t *testing.T) {
	t.Parallel()
	const header = "en,ru,kk,zh,note,do_not_translate,forbidden_en,forbidden_ru,forbidden_kk,forbidden_zh\n"
	const good = "Astana,Астана,Астана,阿斯塔纳,,false,,,,\n"
	for _, tc := range []struct {
		name, in, msg string
		line          int
	}{
		{"two of ten columns", header + good + "Almaty,Алматы\n", "input.csv_columns", 3},
		{"eleven columns", header + good + good[:len(good)-1] + ",extra\n", "input.csv_columns", 3},
		{"NUL in a term", header + good + "Alm\x00aty,Алматы,Алматы,阿拉木图,,false,,,,\n", "input.csv_nul", 3},
		{"invalid UTF-8", header + good + "Almaty,\xff\xfe,Алматы,阿拉木图,,false,,,,\n", "input.csv_invalid_utf8", 3},
		{"control character", header + good + "Almaty,Алматы\x1b,Алматы,阿拉木图,,false,,,,\n", "input.csv_control", 3},
		{"NUL in the header", "en,r\x00u\n", "input.csv_nul", 1},
		{"after a note over two lines", header + "Astana,Астана,Астана,阿斯塔纳,\"one\ntwo\",false,,,,\n" + "x\x00,,,,,false,,,,\n", "input.csv_nul", 4},
	} {
		cs, err := ReadConceptsCSV(strings.NewReader(tc.in))
		var pe *Error
		if !errors.As(err, &pe) || pe.Code != CodeInvalid || pe.MessageID != tc.msg || pe.Data["Line"] != tc.line {
			t.Errorf("%s: %v (%+v), want %s on line %d", tc.name, err, pe, tc.msg, tc.line)
		}
		if cs != nil {
			t.Errorf("%s: %d concepts returned with the error", tc.name, len(cs))
		}
	}
	// A header with fewer columns is fine when the rows match it; blank lines are skipped.
	if cs, err := ReadConceptsCSV(strings.NewReader("en,ru\nAstana,Астана\n\n   \n")); err != nil || len(cs) != 1 {
		t.Fatalf("two-column file: %v %v", cs, err)
	}
}
