package document

import (
	"strings"

	"github.com/tilmash/tilmash/pipeline"
)

// Place names keep their capital when DisplayTitle puts a Russian or Kazakh title into sentence
// case. They are matched by stem and ending, because both languages inflect them.

// russianPlaces maps stems to the case endings they take.
var russianPlaces = map[string][]string{
	"китай": {""}, "кита": {"я", "ю", "ем", "е"},
	"казахстан": {"", "а", "у", "ом", "е"}, "кыргызстан": {"", "а", "у", "ом", "е"},
	"узбекистан": {"", "а", "у", "ом", "е"}, "таджикистан": {"", "а", "у", "ом", "е"},
	"туркменистан": {"", "а", "у", "ом", "е"}, "афганистан": {"", "а", "у", "ом", "е"},
	"пекин": {"", "а", "у", "ом", "е"}, "ташкент": {"", "а", "у", "ом", "е"}, "бишкек": {"", "а", "у", "ом", "е"},
	"ашхабад": {"", "а", "у", "ом", "е"}, "душанбе": {""}, "алматы": {""},
	"росси": {"я", "и", "ю", "ей"}, "ази": {"я", "и", "ю", "ей"},
	"еврази": {"я", "и", "ю", "ей"}, "киргизи": {"я", "и", "ю", "ей"}, "монголи": {"я", "и", "ю", "ей"},
	"европ": {"а", "ы", "е", "у", "ой"}, "америк": {"а", "и", "е", "у", "ой"}, "москв": {"а", "ы", "е", "у", "ой"},
	"астан": {"а", "ы", "е", "у", "ой"}, "турци": {"я", "и", "ю", "ей"}, "инди": {"я", "и", "ю", "ей"},
}

// kazakhPlaces are stems; Kazakh adds case suffixes straight to them.
var kazakhPlaces = []string{"қытай", "қазақстан", "қырғызстан", "өзбекстан", "тәжікстан", "түрікменстан",
	"ресей", "бейжің", "астана", "алматы", "ташкент", "бішкек", "азия", "еуропа", "еуразия", "мәскеу",
	"америка", "моңғолия", "түркия", "үндістан", "ауғанстан"}

// kazakhDerivations turn a place name into an adjective or an adverb, which Kazakh writes in lower
// case ("қытайлық", "қазақша").
var kazakhDerivations = []string{"лық", "лік", "дық", "дік", "тық", "тік", "ша", "ше", "шыл", "шіл"}

// isPlaceName reports whether words[i] is a place name in lang, or the adjective of "Central
// Asia" ("Центральная Азия", "Орталық Азия") right before one.
func isPlaceName(words []string, i int, lang pipeline.Lang) bool {
	w := titleKey(words[i])
	if isPlace(w, lang) {
		return true
	}
	if i+1 < len(words) {
		next := titleKey(words[i+1])
		central := strings.HasPrefix(w, "центральн") || w == "орталық" || strings.HasPrefix(w, "средн")
		return central && (isPlace(next, lang) && strings.Contains(next, "ази"))
	}
	return false
}

func isPlace(w string, lang pipeline.Lang) bool {
	switch lang {
	case pipeline.Russian:
		for stem, endings := range russianPlaces {
			if rest, ok := strings.CutPrefix(w, stem); ok {
				for _, e := range endings {
					if rest == e {
						return true
					}
				}
			}
		}
	case pipeline.Kazakh:
		for _, stem := range kazakhPlaces {
			if rest, ok := strings.CutPrefix(w, stem); ok {
				for _, d := range kazakhDerivations {
					if strings.HasPrefix(rest, d) {
						return false
					}
				}
				return true
			}
		}
	}
	return false
}
