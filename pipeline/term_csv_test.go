package pipeline

import (
	"bytes"
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
