package repair

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// englishFunction lists the English closed-class words that run into their neighbours most
// often. A piece of two letters or fewer must be one of these, and a prefix-like piece before a
// function word is not taken for a prefix ("overthe" is "over the").
var englishFunction = setOf(
	"a", "an", "the", "of", "in", "on", "at", "to", "by", "for", "from", "with", "into", "onto",
	"as", "and", "or", "but", "nor", "so", "if", "than", "that", "this", "these", "those", "its",
	"it", "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did",
	"not", "no", "we", "he", "she", "they", "their", "our", "his", "her", "us", "me", "my",
	"up", "out", "over", "under", "about", "between", "through", "which", "who", "whom", "whose",
	"while", "when", "where", "also", "both", "each", "all", "any", "can", "will", "would",
	"should", "may", "might", "must", "such", "more", "most", "per", "via", "among", "within",
	"without", "across", "toward", "towards", "against", "during", "after", "before", "upon",
	"am", "go", "ok", "oh", "own", "yet", "only", "very", "well",
)

// englishLeading are the closed-class words that start sentences and may run into the next
// word with a capital or not ("TheCentral", "Amidintensifying"): articles, prepositions,
// conjunctions, connectives and the possessives "our", "their", "its". Other pronouns are left
// out: "YouTube", "WeChat" and "MySpace" are brands.
var englishLeading = setOf(
	"a", "an", "the", "of", "in", "on", "at", "to", "by", "for", "from", "with", "into", "onto",
	"as", "and", "or", "but", "nor", "so", "if", "than", "that", "this", "these", "those",
	"over", "under", "about", "between", "through", "while", "when", "where", "also", "both",
	"each", "all", "any", "such", "most", "per", "via", "among", "within", "without", "across",
	"toward", "towards", "against", "during", "after", "before", "upon", "amid", "amidst",
	"despite", "throughout", "beyond", "unlike", "although", "though", "whereas", "whether",
	"unless", "until", "since", "because", "however", "therefore", "thus", "hence", "meanwhile",
	"moreover", "furthermore", "nevertheless", "nonetheless", "instead", "indeed", "following",
	"including", "regarding", "concerning", "according", "several", "many", "some", "other",
	"our", "their", "its",
	// Prepositions of place: "nearTermez", "alongthe border".
	"near", "along", "around", "behind", "beside", "inside", "outside",
)

// englishPlaces are prepositions of place that englishLeading leaves out because they also make
// compounds ("offshore", "belowground"); before a capital they are words of their own
// ("offMangystau", "aboveAlmaty"), as no brand begins with one.
var englishPlaces = setOf("off", "above", "below", "beneath", "underneath", "past", "opposite")

// russianFunction gives pseudo-counts (per 50 million words) to Russian closed-class words. The
// values are rough orders of magnitude from general knowledge of Russian text, written by hand
// because no Russian frequency list is installable here; they only need to rank these words far
// above an ordinary dictionary word.
var russianFunction = tiers(
	[]string{"и", "в", "не", "на", "что", "с", "по", "как", "а", "к", "о", "из", "за", "от", "для", "то", "это"},
	[]string{"до", "же", "но", "при", "у", "так", "его", "ее", "её", "их", "он", "она", "оно", "они", "нет",
		"эту", "всю", "чьи", "чей", "чья", "какую", "такую", "другую", "нашу", "вашу", "мы", "вы", "я",
		"бы", "ли", "или", "также", "уже", "во", "со", "об", "под", "над", "без", "через", "между",
		"после", "перед", "только", "все", "всё", "был", "была", "были", "было", "быть", "есть",
		"этот", "эта", "эти", "этого", "этой", "этих", "тот", "та", "те", "того", "той", "тех",
		"который", "которая", "которые", "которого", "которой", "которых", "где", "когда", "чтобы",
		"если", "ни", "ко", "обо", "про", "среди", "около", "вокруг", "против", "ради",
		"даже", "еще", "ещё", "уж", "лишь", "более", "менее", "очень", "свой", "своей", "своих", "его",
		"оба", "обе", "обоих", "обеих",
		"тем", "том", "тому", "теми", "чем", "кем", "там", "тут", "здесь", "всем", "всех", "всеми", "этом",
		"этим", "этому", "нём", "ней", "ним", "них", "нему", "него", "неё", "нее", "кто", "что-то",
		// Pronouns and the small numerals, which stand alone in any sentence: "ему|много",
		// "остаются|три".
		"ему", "нам", "вам", "нас", "вас", "мне", "меня", "себя", "себе", "сам", "сама", "сами",
		"наш", "наша", "наши", "свои", "свою", "один", "одна", "одно", "два", "две", "три",
		// Prepositions, conjunctions and adverbs that open sentences and clauses: "Кроме|того",
		// "Несмотря|на", "Согласно|опросу".
		"несмотря", "согласно", "вопреки", "кроме", "хотя", "однако", "пока", "благодаря", "вследствие",
		"ввиду", "вместо", "возле", "вдоль", "помимо", "посредством", "относительно", "касательно",
		"судя", "поскольку", "потому", "поэтому", "затем", "тогда", "тоже", "зато", "причем", "причём",
		"притом", "впрочем", "итак", "например", "наконец", "вообще", "особенно", "именно", "почти",
		"всего", "свыше", "раньше", "позже", "сейчас", "теперь", "всегда", "иногда", "часто", "нередко",
		"вновь", "снова", "вместе", "каждый", "каждая", "каждое", "каждые", "многие", "некоторые",
		"несколько", "другие", "другой", "другая", "такой", "такая", "такие", "такое", "весь",
		// Adverbs of degree: "вполне|посилен", "крайне|важно".
		"вполне", "весьма", "довольно", "крайне", "слишком", "совсем", "совершенно", "практически",
		"фактически", "примерно", "приблизительно"},
)

// kazakhFunction is the same for Kazakh: postpositions, conjunctions, particles and pronouns.
// Short nouns ("ел", "жол", "үш") are left out: they make compounds ("елбасы", "теміржол").
var kazakhFunction = tiers(
	[]string{"және", "мен", "бен", "пен", "да", "де", "та", "те", "бұл", "осы", "ол", "үшін", "бір"},
	[]string{"бойынша", "арқылы", "туралы", "сияқты", "деп", "еді", "емес", "жоқ", "бар", "ал", "бірақ",
		"немесе", "сондай", "сонымен", "қатар", "дейін", "кейін", "соң", "бері", "қарай", "гөрі",
		"ғана", "ма", "ме", "ба", "бе", "па", "пе", "ғой", "қой", "біз", "сіз", "олар", "мұндай",
		"сол", "осындай", "барлық", "әр", "әрбір", "кез", "келген", "басқа", "өз", "өзі", "оның",
		"олардың", "біздің", "сіздің", "жаңа", "әлі", "тек", "өте", "тым", "ең", "ретінде", "байланысты",
		// Postpositions after a noun in its case ("жылдар бойы", "санкцияларға қарсы", "жыл
		// сайын", "олармен бірге"), which no compound ends in.
		"бойы", "қарсы", "сайын", "шейін", "бірге", "жөнінде", "секілді", "тәрізді", "бұрын",
		"қарамастан", "тарапынан", "шамасында", "жуық",
		// Nouns in the locative that serve as postpositions ("сапар барысында", "жыл ішінде").
		"барысында", "кезінде", "ішінде", "арасында", "нәтижесінде", "негізінде", "алдында",
		"бірнеше", "көптеген", "көп",
		// Determiners and quantifiers that stand before a noun ("кейбір елдер", "бірқатар
		// кәсіпорындар").
		"кейбір", "бүкіл", "бірқатар", "біраз", "біршама",
		// Conjunctions and connectives that open sentences.
		"алайда", "сондықтан", "себебі", "өйткені", "дегенмен", "яғни", "әсіресе", "тіпті", "егер",
		// Adverbs of time, which make no compounds.
		"биыл", "былтыр", "қазір", "бүгін", "ертең", "кеше", "кейін", "әзірге", "енді",
		// The personal and demonstrative pronouns in their cases, which make no compounds:
		// "мұны|аз", "оны|дамытады", "Астанада|оны".
		"оны", "оған", "онда", "одан", "мұны", "мұнда", "бұны", "бұған", "бұдан", "осыны", "осыған",
		"осында", "соны", "соған", "сонда", "содан", "оларды", "оларға", "оларда", "олардан", "бізді",
		"бізге", "бізде", "өзін", "өзіне", "өздері",
		// Postpositions after a noun in its case ("деректерге сәйкес", "сауалнамаға қатысты",
		// "бағдарлама аясында") and connectives that open sentences ("Мәселен", "Біріншіден").
		"сәйкес", "қатысты", "орай", "қарағанда", "аясында", "шеңберінде", "салдарынан",
		"арқасында", "жағынан", "мақсатында", "бағытында", "тұрғысынан", "көмегімен", "астам",
		"мәселен", "мысалы", "біріншіден", "екіншіден", "осылайша", "әрине", "негізінен", "керісінше",
		// Adverbs of degree and the determiners of order ("көбірек көлік", "соңғы он жыл").
		"көбірек", "азырақ", "әлдеқайда", "соңғы", "алдағы", "келесі",
		// Adjectives of age, size and rank, which stand before their noun ("ескі мектеп",
		// "басты кедергі"); the place names they begin are capitalised (kazakhToponymLead).
		"ескі", "биік", "ұзын", "қысқа", "ауыр", "басты", "үлкен", "негізгі", "түрлі", "әртүрлі", "ірі", "шағын",
		// Modal predicates after a verbal noun ("аяқталуы тиіс", "қолдау керек").
		"тиіс", "керек", "мүмкін", "қажет",
		// Interrogative pronouns and adverbs.
		"кім", "кімнің", "кімге", "кімді", "қандай", "қалай", "қашан", "қайда", "неге", "неше"},
)

// kazakhCounting are Kazakh numerals and quantifiers, and "жарым" (half), which stand before a noun of any length
// ("он жыл", "бірнеше ел"). A token made of one of them and a dictionary word the dictionary
// does not know as one word ("онжыл") is two words; the compounds they make carry a suffix
// ("онжылдық", "екіжақты") and are dictionary words or forms the analyser reads.
var kazakhCounting = setOf("бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он",
	"жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан", "жүз", "мың",
	"бірнеше", "көптеген", "жарым")

// kazakhMeasure are the nouns of time and measure that follow a numeral. A capitalised token of
// a numeral and a noun is split only before one of them: place names are made of a numeral and
// a noun too ("Бесқарағай", "Жетісу", "Үшарал").
var kazakhMeasure = setOf("жыл", "ай", "күн", "апта", "сағат", "минут", "пайыз", "миллион", "миллиард",
	"мың", "жүз", "тонна", "шақырым", "есе", "рет", "адам", "ел", "жылы", "айда", "күнде", "жылда")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// tiers gives the first list a pseudo-count of 500,000 and the second 50,000.
func tiers(top, second []string) map[string]float64 {
	m := map[string]float64{}
	for _, w := range second {
		m[w] = 5e4
	}
	for _, w := range top {
		m[w] = 5e5
	}
	return m
}

// minKazakhStem is the shortest stem left after stripping Kazakh endings.
const minKazakhStem = 4

// kazakhEndings are the regular Kazakh inflections, longest first: plural, possessive, case,
// and the commonest verb and noun-forming endings, in all their vowel-harmony and consonant
// variants.
var kazakhEndings = byLength(strings.Fields(`
	лар лер дар дер тар тер
	ның нің дың дің тың тің
	ға ге қа ке на не
	ны ні ды ді ты ті
	да де та те нда нде
	дан ден тан тен нан нен
	мен бен пен
	ым ім ың ің сы сі ы і
	ымыз іміз ыңыз іңіз
	лық лік дық дік тық тік
	шы ші шылық шілік
	ады еді йды йді
	атын етін йтын йтін
	ған ген қан кен
	уы уі у
	ып іп
	ғы гі қы кі
	дағы дегі тағы тегі
`))

func byLength(ws []string) []string {
	sort.SliceStable(ws, func(i, j int) bool { return utf8.RuneCountInString(ws[i]) > utf8.RuneCountInString(ws[j]) })
	return ws
}

// kazakhClosing are the Kazakh endings after which a word ends: genitive, dative (after a
// possessive, "-ына"), accusative (after a possessive, "-ын"), locative, ablative, instrumental,
// similative ("-дей"), adjective-forming endings,
// participles, the past tense and the verbal noun.
var kazakhClosing = byLength(strings.Fields(`
	ның нің дың дің тың тің
	ға ге қа ке ына іне сына сіне
	ны ні ды ді ты ті ын ін
	да де та те нда нде
	дан ден тан тен нан нен
	мен бен пен
	лық лік дық дік тық тік
	ғы гі қы кі дағы дегі тағы тегі
	атын етін йтын йтін ған ген қан кен
	ады еді йды йді
	дай дей тай тей
	у
`))
