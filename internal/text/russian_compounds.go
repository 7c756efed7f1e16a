package text

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The first parts of Russian compounds written as one word, which dictionaries list only for
// the commonest compounds: word-forming prefixes and stems ("пост", "анти", "гидро", "кибер":
// постсоветский, гидроэнергетический) and the clipped stems of stump compounds ("гос", "мед",
// "фарм": госпрограмма, медиаплан, фармпроизводитель). The repair keeps such compounds whole,
// and the spelling check accepts them when what follows the part is a word.
var (
	russianPrefixes = wordSet("пост анти контр гипер супер авиа авто агро био гео гидро евро квази микро макро мега мини " +
		"мульти нео псевдо радио теле транс ультра экс экстра электро энерго эко вице полу само обще меж сверх внутри " +
		"около над под пред при без вне нефте газо водо лесо горно трёх двух четырёх много мало видео аудио фото кино " +
		"поли моно нано сейсмо")
	russianStumps = wordSet("гос мин мед тех спец строй погран эконом нац соц проф сельхоз пром фин терм медиа турист " +
		"тур хоз парт полит ген зам зав вет хим торг внеш жил рос гор обл рай нефть газ спорт опер комп инфо кибер " +
		"нарко орг сбер минэнерго глав стрит прод фарм")
)

// IsRussianPrefix reports a word-forming first part of Russian compounds: "пост", "анти".
func IsRussianPrefix(s string) bool { return russianPrefixes[s] }

// IsRussianStump reports a clipped stem that begins Russian stump compounds: "гос", "мед".
func IsRussianStump(s string) bool { return russianStumps[s] }

// RussianStumps returns the clipped stems of IsRussianStump, longest first, so that a search
// for the stem a word begins with finds "минэнерго" before "мин".
func RussianStumps() []string { return stumpList }

var stumpList = func() []string {
	out := make([]string, 0, len(russianStumps))
	for s := range russianStumps {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b string) int {
		if d := utf8.RuneCountInString(b) - utf8.RuneCountInString(a); d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	return out
}()

// minCompoundTail: the word after a compound's first part has four letters at least.
const minCompoundTail = 4

// RussianCompound reports a word made of a first part of IsRussianPrefix or IsRussianStump and
// a word valid accepts: "кибер|спорт", "без|рецептурных", "фарм|производителей".
func RussianCompound(valid func(string) bool, w string) bool {
	for i := range w {
		if i == 0 {
			continue
		}
		head, rest := w[:i], w[i:]
		if utf8.RuneCountInString(head) > 8 {
			return false
		}
		if (russianPrefixes[head] || russianStumps[head]) && utf8.RuneCountInString(rest) >= minCompoundTail && valid(rest) {
			return true
		}
	}
	return false
}
