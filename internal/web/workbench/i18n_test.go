package workbench

import (
	"testing"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/locales"
	"github.com/tilmash/tilmash/pipeline"
)

// TestWorkbenchPlurals checks the counts translators read all day in each language's CLDR forms.
func TestWorkbenchPlurals(t *testing.T) {
	t.Parallel()
	b, err := locales.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	h := &Handler{Base: &kit.Base{Bundle: b}}
	for _, tc := range []struct {
		lang pipeline.Lang
		n    int
		want string
	}{
		{pipeline.English, 1, "1 segment not confirmed"},
		{pipeline.English, 3, "3 segments not confirmed"},
		{pipeline.Russian, 1, "1 сегмент не подтверждён"},
		{pipeline.Russian, 3, "3 сегмента не подтверждены"},
		{pipeline.Russian, 5, "5 сегментов не подтверждены"},
		{pipeline.Russian, 21, "21 сегмент не подтверждён"},
		{pipeline.Kazakh, 1, "1 сегмент расталмаған"},
		{pipeline.Kazakh, 5, "5 сегмент расталмаған"},
		{pipeline.Chinese, 5, "5 个句段未确认"},
	} {
		if got := h.Localizer(tc.lang).T("wb.submit.unconfirmed", nil, tc.n); got != tc.want {
			t.Errorf("%s %d: %q, want %q", tc.lang, tc.n, got, tc.want)
		}
	}
	if got := progressText(h.Localizer(pipeline.Russian), 2, 5); got != "Подтверждено 2 из 5 сегментов" {
		t.Errorf("Russian progress: %q", got)
	}
	if got := progressText(h.Localizer(pipeline.Russian), 1, 21); got != "Подтверждено 1 из 21 сегмента" {
		t.Errorf("Russian progress: %q", got)
	}
}
