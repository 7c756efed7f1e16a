package checks_test

import (
	"slices"
	"testing"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/pipeline"
)

// A pseudo-translation is checked as what it carries over from the source: its tag, markers and
// padding raise nothing, a number it lost still does.
func TestPseudoTranslationCheckedAsItsBody(t *testing.T) {
	src := "The 2024 summit in Astana brought together the leaders of five Central Asian countries and China."
	cases := []struct {
		tl   pipeline.Lang
		tgt  string
		want []string
	}{
		{ru, "[ru] ⟦Тне 2024 суммит ин Астана броугхт тогетхер тне леадерс оф фиве Сентрал Асиан соунтриес анд Снина. жщыэюяжщыэюя⟧", nil},
		{kk, "[kk] ⟦Тһе 2024 ѕумміт ін Аѕтана бгоугһт тогетһег тһе леадегѕ оф фіве Сентгал Аѕіан соунтгіеѕ анд Сһіна. әіңғүұқөһәі⟧", nil},
		{zh, "[zh] ⟦前公人2024年里去阿斯中两起说地到个然之从就想面对去动时十本日无去多家天想她着。 测试文字测试文字⟧", nil},
		{ru, "[ru] ⟦Тне суммит ин Астана броугхт тогетхер тне леадерс оф фиве Сентрал Асиан соунтриес анд Снина. жщыэюяжщыэюя⟧",
			[]string{"check.number.missing"}},
	}
	for _, tc := range cases {
		var got []string
		for _, f := range checks.Check(pipeline.CheckUnit{SourceLang: en, TargetLang: tc.tl, Source: src, Target: tc.tgt},
			checks.Options{}) {
			got = append(got, f.MessageID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q\nfindings %v, want %v", tc.tl, tc.tgt, got, tc.want)
		}
	}
}
