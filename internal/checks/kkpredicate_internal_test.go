package checks

import "testing"

// TestKazakhSentenceEnds: a Kazakh sentence with a nominal predicate is finished, and a genitive
// open at a comma of a list finds its noun after it; a sentence cut after a scale word or a
// date, and a genitive whose noun is lost, are not.
func TestKazakhSentenceEnds(t *testing.T) {
	for _, c := range []struct {
		s                  string
		unfinished, orphan bool
	}{
		{"Қазақстан мен Қытай арасындағы шекараның ұзындығы 1783 шақырым.", false, false},
		{"Жаңа зауыттың қуаты жылына 500 мың тонна цемент.", false, false},
		{"Елдің экспортының 60 пайызы – мұнай.", false, false},
		{"Жиынға Өзбекстанның, Қырғызстанның және Тәжікстанның өкілдері қатысты.", false, false},
		{"Қазақстанның Қытаймен, Ресеймен және Еуропамен саудасы артты.", false, false},
		{"Қашқар – Әндіжан темір жолының құны шамамен 4,7 млрд.", true, false},
		{"Келісім 2024 жылғы 15 наурызда.", true, false},
		{"Компания үкіметтің бірге жұмыс істейді.", false, true},
	} {
		if got := kkUnfinished(c.s); got != c.unfinished {
			t.Errorf("kkUnfinished(%q) = %v", c.s, got)
		}
		if got := kkOrphanGenitive(c.s); got != c.orphan {
			t.Errorf("kkOrphanGenitive(%q) = %v", c.s, got)
		}
	}
}
