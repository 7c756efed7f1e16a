package checks

import (
	"strings"
	"unicode"

	"github.com/tilmash/tilmash/pipeline"
)

// Function words that tell languages apart.
var (
	// Russian words that Kazakh never uses on their own (Kazakh "он" ten, "от" fire and "не"
	// what are left out).
	ruOnlyWords = wordSet("и в во на с со что по для это как из к ко а но также которые который " +
		"которая которое которых которым был была были было его ее их при или между после только уже " +
		"еще более этого этой эти этих быть чем так где она они ни же бы ли однако своей свою своих")
	// Kazakh words that Russian does not use.
	kkOnlyWords = wordSet("және мен бен пен үшін бұл осы туралы арқылы бойынша сияқты болып болды " +
		"қазақстан елдер елдің еліміз жылы жылғы өз оның олар біз")
	// Ukrainian words that Russian does not spell that way.
	ukOnlyWords = wordSet("і та що це як від які який яка якщо також вже його їх з між після щодо " +
		"україни україна країни країн був була було були своєї")
	// English words frequent enough to be in every sentence of English prose.
	enStopWords = wordSet("the of and to in a is that for on with as by are was from at be this " +
		"it an which has have its not or their were but will been more also than he she they we " +
		"where when who what would could should can into about after over between through up out " +
		"these those such there because while here below above under before since until very most " +
		"all some many few each every other our your his her them him us do does did no never")
	// Endings that only Russian words have.
	ruOnlyEndings = strings.Fields("ого его ому ему ыми ими ться ется ются ает ают ует уют ость ости ение ения ании ании")
	// Common Kazakh words written without the Kazakh letters, as happens on a Russian keyboard.
	kkStripped = strippedKazakh("және үшін бұл осы Қазақстан Қазақстанның Қытай Қытайдың Орталық " +
		"Азияның ынтымақтастық ынтымақтастығы елдің халықаралық экономикалық саяси өңір өңірдің " +
		"мемлекеттік жөнінде бойынша арқылы қатынастар қатынастары дамыту даму туралы кезінде " +
		"маңызды жаңа бірге бірі ірі үкімет және сәйкес")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// kkLetters are the letters of the Kazakh Cyrillic alphabet that Russian lacks; kkStrip maps
// each to the Russian letter typed in its place.
const kkLetters = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"

var kkStrip = strings.NewReplacer("ә", "а", "ғ", "г", "қ", "к", "ң", "н", "ө", "о", "ұ", "у", "ү", "у",
	"һ", "х", "і", "и")

func strippedKazakh(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		if st := foldWord(kkStrip.Replace(strings.ToLower(w))); st != foldWord(w) {
			m[st] = true
		}
	}
	return m
}

// checkWrongLanguage reports a translation that is not in the target language, or that mixes
// scripts inside a word:
//   - any target: a word that mixes Latin and Cyrillic look-alike letters ("Kаzakhstan" with a
//     Cyrillic а), which breaks search and spelling;
//   - Kazakh: text that is Russian (Russian function words, no Kazakh letters), or Kazakh typed
//     without its letters ә ғ қ ң ө ұ ү һ і ("жане", "Казакстан");
//   - Russian: Ukrainian (ї є ґ, Ukrainian function words) or Kazakh;
//   - Chinese: Japanese kana, an English clause left untranslated, text with few Chinese
//     characters;
//   - English: Cyrillic or Chinese text, or Latin text without English function words.
//
// Short texts get the benefit of the doubt: proportions need five words or more.
func checkWrongLanguage(u pipeline.CheckUnit, opts *Options) []pipeline.Finding {
	text := opts.wordMemo().stripped(u.Target)
	ws := opts.wordMemo().words(text)
	var out []pipeline.Finding
	if w, ok := mixedScriptWord(ws); ok {
		out = append(out, newFinding(CheckWrongLanguage, "check.wrong_language.mixed_script", map[string]any{"Word": w}))
	}
	sc := countScripts(text)
	notExpected := func() []pipeline.Finding {
		return append(out, newFinding(CheckWrongLanguage, "check.wrong_language.not_target", map[string]any{"Lang": string(u.TargetLang)}))
	}
	switch u.TargetLang {
	case pipeline.Chinese:
		if sc.kana > 0 {
			return append(out, newFinding(CheckWrongLanguage, "check.wrong_language.kana", map[string]any{"Text": firstRun(text, isKana)}))
		}
		// A character stands for about three letters: "Belt and Road Forum 在北京举行" is Chinese.
		if sc.letters() >= 10 && sc.han*3*10 < (sc.letters()+2*sc.han)*3 && !sameText(u.Source, u.Target) {
			return notExpected()
		}
		if clause, ok := englishClause(text, ws); ok {
			return append(out, newFinding(CheckWrongLanguage, "check.wrong_language.english_clause", map[string]any{"Text": clause}))
		}
		if sc.cyrillic >= 6 {
			return append(out, newFinding(CheckWrongLanguage, "check.wrong_language.foreign_script", map[string]any{"Text": firstRun(text, isCyrillic)}))
		}
	case pipeline.Russian, pipeline.Kazakh:
		if sc.letters() >= 10 && (sc.cyrillic*2 < sc.letters()) {
			if !sameText(u.Source, u.Target) { // a copy is the untranslated check's business
				return notExpected()
			}
			return out
		}
		if u.TargetLang == pipeline.Kazakh {
			return append(out, kazakhProblems(ws)...)
		}
		// A Kazakh name in quotation marks («Қазақстан темір жолы») is a name, not Kazakh text.
		if names := quotedNames(text); len(names) > 0 {
			var outside []word
			for _, w := range ws {
				if !inSpans(names, w.Start) {
					outside = append(outside, w)
				}
			}
			ws = outside
		}
		return append(out, russianProblems(ws)...)
	case pipeline.English:
		if sc.letters() >= 10 && sc.latin*2 < sc.letters() {
			return notExpected()
		}
		latinWords, stop := 0, 0
		for _, w := range ws {
			r := firstRune(w.Text)
			if isLatin(r) {
				latinWords++
				if enStopWords[strings.ToLower(w.Text)] {
					stop++
				}
			}
		}
		if latinWords >= 6 && stop == 0 && !mostlyEnglishWords(ws, opts.Spell) {
			return append(out, newFinding(CheckWrongLanguage, "check.wrong_language.not_english", map[string]any{}))
		}
	}
	return out
}

// cyrWords returns the lower-cased Cyrillic words of ws with their original spelling.
func cyrWords(ws []word) (lower, orig []string) {
	lower, orig = make([]string, 0, len(ws)), make([]string, 0, len(ws))
	for _, w := range ws {
		r := firstRune(w.Text)
		if isCyrillic(r) {
			lower = append(lower, foldWord(w.Text))
			orig = append(orig, w.Text)
		}
	}
	return lower, orig
}

// kazakhProblems looks for Russian text and for Kazakh typed without Kazakh letters.
func kazakhProblems(ws []word) []pipeline.Finding {
	lower, orig := cyrWords(ws)
	if len(lower) == 0 {
		return nil
	}
	withKk, ruFn, kkFn, ruEnd := 0, 0, 0, 0
	for _, w := range lower {
		for _, e := range ruOnlyEndings {
			if strings.HasSuffix(w, e) && len([]rune(w)) > len([]rune(e))+2 {
				ruEnd++
				break
			}
		}
		if strings.ContainsAny(w, kkLetters) {
			withKk++
		}
		if ruOnlyWords[w] {
			ruFn++
		}
		if kkOnlyWords[w] {
			kkFn++
		}
	}
	n := len(lower)
	if n >= 5 && kkFn == 0 && (ruFn >= 2 && withKk*100 < n*15 || withKk == 0 && ruFn+ruEnd >= 1) {
		return []pipeline.Finding{newFinding(CheckWrongLanguage, "check.wrong_language.russian_in_kazakh", map[string]any{})}
	}
	for i, w := range lower {
		if kkStripped[w] {
			return []pipeline.Finding{newFinding(CheckWrongLanguage, "check.wrong_language.kazakh_letters", map[string]any{"Word": orig[i]})}
		}
	}
	if n >= 6 && withKk*100 < n*8 {
		return []pipeline.Finding{newFinding(CheckWrongLanguage, "check.wrong_language.kazakh_letters", map[string]any{"Word": orig[0]})}
	}
	return nil
}

// russianProblems looks for Ukrainian and Kazakh text in a Russian translation. A single word
// with Kazakh letters is taken for a name (Ақорда); Ukrainian needs its own letters or two of its
// function words.
func russianProblems(ws []word) []pipeline.Finding {
	lower, _ := cyrWords(ws)
	ukLetters, ukFn, kkWords, kkFn, ruFn := 0, 0, 0, 0, 0
	for _, w := range lower {
		uk, i, kk := cyrillicLetters(w)
		if uk {
			ukLetters++
		}
		if ukOnlyWords[w] || (i && !kk) {
			ukFn++
		}
		if kk {
			kkWords++
		}
		if kkOnlyWords[w] {
			kkFn++
		}
		if ruOnlyWords[w] {
			ruFn++
		}
	}
	switch {
	case kkWords >= 2 || kkFn >= 1 && kkWords >= 1:
		return []pipeline.Finding{newFinding(CheckWrongLanguage, "check.wrong_language.kazakh_in_russian", map[string]any{})}
	case ukLetters >= 1 || ukFn >= 2 && ukFn >= ruFn:
		return []pipeline.Finding{newFinding(CheckWrongLanguage, "check.wrong_language.ukrainian", map[string]any{})}
	}
	return nil
}

// cyrillicLetters reports, in one pass over w, whether it has a letter only Ukrainian writes
// (ї, є, ґ), the letter і (Ukrainian or Kazakh), and a letter only Kazakh writes.
func cyrillicLetters(w string) (uk, i, kk bool) {
	for _, r := range w {
		switch r {
		case 'ї', 'є', 'ґ':
			uk = true
		case 'і':
			i = true
		case 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ':
			kk = true
		}
	}
	return uk, i, kk
}

// mixedScriptWord finds a word of ws that mixes Latin and Cyrillic letters.
func mixedScriptWord(ws []word) (string, bool) {
	for _, w := range ws {
		lat, cyr := false, false
		for _, r := range w.Text {
			if isLatin(r) {
				lat = true
			} else if isCyrillic(r) {
				cyr = true
			}
		}
		if lat && cyr {
			return w.Text, true
		}
	}
	return "", false
}

// englishClause finds four or more Latin words in a row (numbers may stand between them), two
// of them in lower case: an English clause left in a Chinese translation. Names and titles in
// Latin letters ("Belt and Road Forum", "University of Central Asia") have capitalised words and
// stay quiet.
func englishClause(s string, ws []word) (string, bool) {
	runStart, stop := -1, 0
	for i := 0; i <= len(ws); i++ {
		latin := false
		if i < len(ws) {
			r := firstRune(ws[i].Text)
			latin = isLatin(r) && (i == 0 || runStart < 0 || onlySpacesBetween(s, ws[i-1].End, ws[i].Start))
		}
		if latin {
			if runStart < 0 {
				runStart, stop = i, 0
			}
			if !isUpperInitial(ws[i].Text) {
				stop++
			}
			continue
		}
		if runStart >= 0 && i-runStart >= 4 && stop >= 2 {
			return s[ws[runStart].Start:ws[i-1].End], true
		}
		runStart = -1
		if i < len(ws) && isLatin(firstRune(ws[i].Text)) {
			runStart, stop = i, 0
			if !isUpperInitial(ws[i].Text) {
				stop++
			}
		}
	}
	return "", false
}

// onlySpacesBetween reports whether s[a:b] holds only what joins words within an English clause:
// spaces, numbers, light punctuation.
func onlySpacesBetween(s string, a, b int) bool {
	for _, r := range s[a:b] {
		if !unicode.IsSpace(r) && !unicode.IsDigit(r) && !strings.ContainsRune(",.-'%$\"“”‘’()", r) {
			return false
		}
	}
	return true
}

// firstRun returns the first run of characters satisfying f, for a message.
func firstRun(s string, f func(rune) bool) string {
	start := -1
	for i, r := range s {
		if f(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			return s[start:i]
		}
	}
	if start >= 0 {
		return s[start:]
	}
	return ""
}

// mostlyEnglishWords reports a text most of whose Latin words the English dictionary knows: a
// headline-like sentence with no function words ("Kazakhstan's e-commerce market exceeded 3
// trillion tenge last year") is still English. Without a dictionary it reports false.
func mostlyEnglishWords(ws []word, sp Speller) bool {
	if sp == nil {
		return false
	}
	latin, known := 0, 0
	for _, w := range ws {
		if !isLatin(firstRune(w.Text)) {
			continue
		}
		latin++
		if isUpperInitial(w.Text) || !sp.Misspelled(w.Text, pipeline.English) {
			known++ // a name, or a word the dictionary knows
		}
	}
	return latin > 0 && known*3 >= latin*2
}
