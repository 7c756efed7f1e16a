package checks

import (
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

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
		{"Зауыт ішкі сұраныстың 60–65%-ын жабады.", false, false}, // a range ends no clause
	} {
		if got := kkUnfinished(c.s); got != c.unfinished {
			t.Errorf("kkUnfinished(%q) = %v", c.s, got)
		}
		if got := kkOrphanGenitive(c.s); got != c.orphan {
			t.Errorf("kkOrphanGenitive(%q) = %v", c.s, got)
		}
	}
}

// TestEnumerationInsertedPhrase: a participial phrase set off by commas after the subject is no
// item of the list that follows it; a clause that leads to the first item is, unless it is a
// clause of its own: a Kazakh one that ends on its verb, or one that a "however" joins to
// the clause before.
func TestEnumerationInsertedPhrase(t *testing.T) {
	for _, c := range []struct {
		s    string
		lang string
		want int
	}{
		{"Больше половины грузов, идущих по маршруту Китай — Европа через Казахстан, составляют автомобили и запчасти.", "ru", 2},
		{"The ministers of the five Central Asian countries discussed food security, energy and climate.", "en", 3},
		{"Жұмыс істеп жүрген қазақстандықтардың саны шамамен 30 мың деп бағаланады, олар көбіне зауыттар мен фермаларда еңбек етеді.", "kk", 2},
		{"Кездесуде азық-түлік қауіпсіздігі, цифрлық экономика және климат өзгерісі талқыланды.", "kk", 3},
		{"Қытайлық автокөліктердің танымалдығы артқанымен, сарапшылар қосалқы бөлшектер мен сервистік орталықтардың жетіспеушілігін айтады.", "kk", 2},
		{"Жаңа теміржол жобасы алдағы жылдары Қытайды, Ресейді және Еуропаны байланыстырады.", "kk", 3},
		{"Доля выросла с 50% в 2000 году до 70% сегодня, однако в Костанае и Петропавловске классы русскоязычные.", "ru", 2},
		{"Trade grew by a fifth over the last two years, but Kazakhstan, Uzbekistan and Kyrgyzstan still lag.", "en", 3},
		// An abbreviation's full stop ends no clause; a phrase that opens an English sentence
		// with a preposition holds no item.
		{"После паводка, из-за которого дома покинули 100 тыс. человек, дамбы построят вдоль Урала, Ишима и Тобола.", "ru", 3},
		{"Under a new agreement, Nazarbayev University and Tsinghua University will exchange students.", "en", 2},
		{"В коллекцию музея входят рукописи, монеты и оружие.", "ru", 3},
		// A Kazakh clause that ends on a converb (орнатып) holds no item of the pair after it.
		{"Шыңжаңның агрофирмалары Сырдария облысында тамшылатып суару жүйесін орнатып, мақта мен көкөніс өнімділігін арттырмақ.", "kk", 2},
	} {
		if got := enumerationItems(c.s, pipeline.Lang(c.lang)); got != c.want {
			t.Errorf("enumerationItems(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}
