package document

import (
	_ "embed"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The words of page furniture (credits, notices, share buttons, date labels, class names) are
// kept in furniture.txt, where a linguist can read and extend them; see that file's head for
// what each section means.
//
//go:embed furniture.txt
var furnitureData string

// furnitureWords holds furniture.txt by section.
type furnitureWords struct {
	labels, photoCredits, notices        []string
	readAlso, dateLabels, follow, social []string
	dateTails, revisions                 []string
	boxLabels                            map[string]bool
	lines, counters, roles, media        map[string]bool
	classes                              *regexp.Regexp
}

var furniture = loadFurniture(furnitureData)

func loadFurniture(data string) furnitureWords {
	f := furnitureWords{lines: map[string]bool{}, counters: map[string]bool{}, roles: map[string]bool{}, media: map[string]bool{},
		boxLabels: map[string]bool{}}
	var classes []string
	section := ""
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line == "#" || strings.HasPrefix(line, "# ") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			continue
		}
		line = strings.ToLower(collapseSpaces(line))
		switch section {
		case "label":
			f.labels = append(f.labels, line)
		case "media":
			f.media[line] = true
		case "photo-credit":
			f.photoCredits = append(f.photoCredits, line)
		case "date-tail":
			f.dateTails = append(f.dateTails, line)
		case "follow":
			f.follow = append(f.follow, line)
		case "revision":
			f.revisions = append(f.revisions, line)
		case "box-label":
			f.boxLabels[line] = true
		case "social":
			f.social = append(f.social, line)
		case "notice":
			f.notices = append(f.notices, line)
		case "line":
			f.lines[line] = true
		case "date-label":
			f.dateLabels = append(f.dateLabels, line)
		case "read-also":
			f.readAlso = append(f.readAlso, line)
		case "counter":
			f.counters[line] = true
		case "role":
			f.roles[line] = true
		case "class":
			// "share*" stands for every name that starts so: "shares", "sharing-tools".
			if stem, ok := strings.CutSuffix(line, "*"); ok {
				classes = append(classes, regexp.QuoteMeta(stem)+`\w*`)
			} else {
				classes = append(classes, regexp.QuoteMeta(line))
			}
		default:
			panic("furniture.txt: an entry outside a known section: " + line)
		}
	}
	// Longer labels first, so that "last modified on" is cut whole rather than "last modified".
	sortLongestFirst(f.dateLabels)
	sortLongestFirst(f.readAlso)
	f.classes = regexp.MustCompile(`(?i)(^|[\s_-])(` + strings.Join(classes, "|") + `)($|[\s_-])`)
	return f
}

func sortLongestFirst(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && len(s[j]) > len(s[j-1]); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// maxFurnitureRunes: credits, notices and disclaimers are a line or two; a longer block is
// article text whatever words it holds.
const maxFurnitureRunes = 200

// isFurnitureText reports the text of a block that belongs to the page rather than to the
// article: a credit ("责任编辑：…", "Фото: …"), a notice (an error report, a copyright line, a
// disclaimer), a button's word ("Поделиться"), or a date under a label ("Last modified on …").
func isFurnitureText(s string) bool {
	if len(s) > 8*maxFurnitureRunes {
		return false // far too long, whatever its spaces: no need to look closer
	}
	s = strings.TrimSpace(collapseSpaces(s))
	if s == "" || utf8.RuneCountInString(s) > maxFurnitureRunes {
		return false
	}
	l := strings.ToLower(s)
	bare := strings.TrimFunc(l, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	if furniture.lines[bare] || isControlRow(l) || isBracketedPieces(s) {
		return true
	}
	if isHanText(s) && strings.HasSuffix(strings.TrimRightFunc(l, unicode.IsPunct), "app") && utf8.RuneCountInString(s) <= maxAppPromoRunes {
		return true // "海量资讯、精准解读，尽在…APP": the site's app, praised under the text
	}
	if isReadAlsoLabelAlone(l) {
		return true // "Материалы по теме:" over links that were dropped
	} else if k := readAlsoLabel(l); k > 0 && isReadAlsoHeadline(s[k:]) {
		return true // "Читайте также: Казахстан нарастил экспорт зерна", its link lost in copying
	}
	opened := strings.TrimLeft(l, "（(【[ ")
	if opensWith(opened, furniture.labels) || opensWith(opened, furniture.photoCredits) {
		return true
	}
	if holdsNotice(l) {
		return true
	}
	if printEdition.MatchString(s) || isCounter(l) || ageRating.MatchString(s) || isMediaCredit(l) {
		return true
	}
	return isDatedCredit(l) || isDateLabelLine(l)
}

// holdsNotice reports a lower-case text that holds one of the [notice] entries of
// furniture.txt ("关注我们", "all rights reserved").
func holdsNotice(l string) bool { return holdsAny(l, furniture.notices) }

// holdsAny reports a text that holds one of words, which are in lower case, in any case.
func holdsAny(s string, words []string) bool {
	l := strings.ToLower(s)
	for _, w := range words {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// isNoticeCaption reports a short line in a caption's place that speaks to the reader about the
// site and not of the picture: "长按识别二维码，关注我们" under the channel's QR code.
func isNoticeCaption(s string) bool {
	s = strings.TrimSpace(collapseSpaces(s))
	return s != "" && utf8.RuneCountInString(s) <= maxFurnitureRunes && holdsNotice(strings.ToLower(s))
}

// maxAppPromoRunes: the line that praises the site's app is a phrase or two.
const maxAppPromoRunes = 40

// isControlRow reports a button's word with a colon and one-letter options after it: the
// page's text size control ("字号：大 中 小", "Шрифт: A A A").
func isControlRow(l string) bool {
	label, rest, ok := strings.Cut(strings.Trim(l, "【】[]() "), ":")
	if !ok {
		label, rest, ok = strings.Cut(strings.Trim(l, "【】[]() "), "：")
	}
	if !ok {
		label, rest, ok = strings.Cut(strings.Trim(l, "【】[]() "), " ") // "【字号 大 中 小】"
	}
	options := strings.Fields(rest)
	if !ok || len(options) < 2 || !furniture.lines[strings.TrimSpace(label)] {
		return false
	}
	for _, o := range options {
		if utf8.RuneCountInString(o) > 2 {
			return false
		}
	}
	return true
}

// isBracketedPieces reports a line of pieces each in its brackets, every one of them
// furniture: "【纠错】 【责任编辑：赵敏】".
func isBracketedPieces(s string) bool {
	if !strings.Contains(s, "】") && !strings.Contains(s, "]") {
		return false
	}
	pieces := strings.FieldsFunc(s, func(r rune) bool { return r == '【' || r == '】' || r == '[' || r == ']' })
	n := 0
	for _, p := range pieces {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if n++; !isFurnitureText(p) {
			return false
		}
	}
	return n >= 2
}

// isDatedCredit reports a date, then a credit: "2024-04-08 07:10:36 来源: 新华日报".
func isDatedCredit(s string) bool {
	l := strings.ToLower(s)
	for _, p := range furniture.labels {
		if i := strings.Index(l, p); i > 0 && isPublicationLine(strings.TrimSpace(l[:i])) {
			return true
		}
	}
	return false
}

// ageRating matches the age label a site prints on a page: "18+", "16+".
var ageRating = regexp.MustCompile(`^\d{1,2}\+$`)

// maxMediaCreditWords: a line that credits or labels a picture is a few words.
const maxMediaCreditWords = 6

// isMediaCredit reports a line of a few words, no sentence, that opens or ends with a word for a
// picture or a video: "Фото из открытых источников", "Иллюстративное фото", "Видео: YouTube";
// or a copyright line, "© 2024 Reuters".
func isMediaCredit(l string) bool {
	if endsWithTerminator(l) && !strings.HasSuffix(l, "。") || len(strings.Fields(l)) > maxMediaCreditWords {
		return false
	}
	if strings.HasPrefix(l, "©") {
		return true
	}
	words := strings.FieldsFunc(l, func(r rune) bool { return !unicode.IsLetter(r) })
	// (a caption's label and number, "图1 …", "Photo 2. …", names a figure of the text)
	return len(words) > 0 && (furniture.media[words[0]] || furniture.media[words[len(words)-1]]) && !isCaptionText(l)
}

// printEdition matches the line that says where a newspaper printed the article: the paper's
// name in title marks, the date and the page ("《 东方日报 》（ 2024年01月22日 第 07 版）").
var printEdition = regexp.MustCompile(`^《[^》]{1,30}》\s*[（(][^）)]{0,40}\d[^）)]{0,40}版\s*[）)]$`)

// maxCounterRunes: a counter of readers or comments is a few words.
const maxCounterRunes = 40

// isCounter reports a line that counts readers, likes or comments: numbers and counter words
// only, with at least one number or "no" ("8,2 тыс прочтений", "No Comments", "阅读 4321").
func isCounter(l string) bool {
	if utf8.RuneCountInString(l) > maxCounterRunes {
		return false
	}
	counted, negated := false, false
	words := strings.FieldsFunc(l, func(r rune) bool {
		if unicode.IsDigit(r) {
			counted = true
			return true
		}
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
	})
	if len(words) == 0 {
		// Numbers beside pictograms alone: "👍 45 🔥 12".
		return counted && strings.ContainsFunc(l, func(r rune) bool { return unicode.Is(unicode.So, r) })
	}
	for _, w := range words {
		if !furniture.counters[w] {
			// Chinese runs the words together: "次浏览", "阅读量".
			if !isHanText(w) || !allCounterWords(w) {
				return false
			}
		}
		negated = negated || w == "no" || w == "нет"
	}
	// "No comments" counts; "No." or "— Нет." alone answers a question.
	return counted || negated && len(words) > 1
}

// allCounterWords reports a run of Chinese characters made of counter words, the longest
// taken first.
func allCounterWords(w string) bool {
	for w != "" {
		found := false
		for n := min(len(w), 9); n > 0 && !found; n-- {
			if furniture.counters[w[:n]] {
				w, found = w[n:], true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// isFurnitureRole reports an ARIA role of a page part that holds no article text.
func isFurnitureRole(role string) bool {
	for _, r := range strings.Fields(strings.ToLower(role)) {
		if furniture.roles[r] {
			return true
		}
	}
	return false
}

// opensWith reports s opening with one of the labels, followed by something.
func opensWith(s string, labels []string) bool {
	for _, p := range labels {
		if !strings.HasPrefix(s, p) || len(s) == len(p) {
			continue
		}
		// "Photo by" opens "Photo by X", not "Photobook"; Chinese labels need no space.
		next, _ := utf8.DecodeRuneInString(s[len(p):])
		last, _ := utf8.DecodeLastRuneInString(p)
		if unicode.IsLetter(last) && !isHan(last) && (unicode.IsLetter(next) || unicode.IsDigit(next)) {
			continue
		}
		return true
	}
	return false
}

// isPhotoCredit reports a caption that only credits the picture ("Фото: Андрей Любимов").
func isPhotoCredit(s string) bool {
	s = strings.ToLower(strings.TrimSpace(collapseSpaces(s)))
	if utf8.RuneCountInString(s) > maxFurnitureRunes {
		return false
	}
	for _, p := range furniture.photoCredits {
		if strings.HasPrefix(s, p) {
			return true // "Getty Images" alone credits a picture too
		}
	}
	return false
}

// maxFollowRunes: an invitation to the site's channel is a line.
const maxFollowRunes = 100

// isBoxLabel reports the label of a box that is the page's: how to cite the article, about its
// author.
func isBoxLabel(s string) bool {
	return furniture.boxLabels[strings.TrimFunc(strings.ToLower(collapseSpaces(s)), func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })]
}

// isRevisionLine reports a short line that records who edited a page and when ("Created by A,
// last modified by B on Apr 03, 2024"): the names in it are the page's editors, not the
// article's authors.
func isRevisionLine(s string) bool {
	l := strings.ToLower(collapseSpaces(s))
	if utf8.RuneCountInString(l) > maxFurnitureRunes {
		return false
	}
	for _, w := range furniture.revisions {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// isFollowInvitation reports a short line that invites the reader to follow the site on a
// social network or messenger ("Читайте РБК в Telegram", "Follow us on X"): it opens with an
// invitation and links to such a network.
func isFollowInvitation(text string, hrefs []string) bool {
	l := strings.ToLower(strings.TrimSpace(text))
	if utf8.RuneCountInString(l) > maxFollowRunes {
		return false
	}
	first, _, _ := strings.Cut(l, " ")
	invites := false
	for _, w := range furniture.follow {
		invites = invites || first == w || isHanText(l) && strings.HasPrefix(l, w)
	}
	if !invites {
		return false
	}
	for _, h := range hrefs {
		if isSocialHref(h) {
			return true
		}
	}
	return false
}

// isSocialHref reports an address on one of the social networks and messengers.
func isSocialHref(h string) bool {
	host := strings.ToLower(h)
	host = strings.TrimPrefix(strings.TrimPrefix(host, "https://"), "http://")
	host, _, _ = strings.Cut(host, "/")
	host = strings.TrimPrefix(host, "www.")
	for _, s := range furniture.social {
		if host == s || strings.HasSuffix(host, "."+s) {
			return true
		}
	}
	return false
}

// isDateLabelLine reports a date under a label that says what the date is: "Last modified on
// Mon 4 Mar 2024 09.12 GMT", "(обновлено: 15:02 04.07.2024)", "发布时间：2024-05-21 16:30".
func isDateLabelLine(s string) bool {
	s = strings.ToLower(strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "()（）[]【】")))
	for _, t := range furniture.dateTails {
		if rest, ok := strings.CutSuffix(s, t); ok && rest != "" {
			rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), "于"))
			if isDateLine(rest) || isPublicationLine(rest) {
				return true
			}
		}
	}
	for _, p := range furniture.dateLabels {
		rest, ok := strings.CutPrefix(s, p)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, ":： \u3000")
		return rest != "" && (isDateLine(rest) || isPublicationLine(rest))
	}
	return false
}

// maxHeadlineRunes: another story's headline is a line.
const maxHeadlineRunes = 150

// isReadAlsoHeadline reports what follows a read-also label in the line that names another
// story: a colon or a dash, then a headline, which ends with no full stop.
func isReadAlsoHeadline(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	r, n := utf8.DecodeRuneInString(rest)
	if !strings.ContainsRune(":：—–-|", r) {
		return false
	}
	h := strings.TrimSpace(rest[n:])
	return h != "" && utf8.RuneCountInString(h) <= maxHeadlineRunes && !endsWithFullStop(h)
}

// isReadAlsoLabelAlone reports a read-also label with nothing after it but punctuation:
// "Related", "Читайте также:", "相关阅读".
func isReadAlsoLabelAlone(s string) bool {
	l := strings.ToLower(s) // (readAlsoLabel's length is of the lowered text)
	k := readAlsoLabel(l)
	return k > 0 && strings.TrimFunc(l[k:], func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }) == ""
}

// readAlsoLabel returns the length in bytes of a label over a list of links that s opens with
// ("Read also", "Читайте также:", "相关阅读"), or 0.
func readAlsoLabel(s string) int {
	l := strings.ToLower(s)
	for _, p := range furniture.readAlso {
		if strings.HasPrefix(l, p) {
			return len(p)
		}
	}
	return 0
}

// negatedClass matches a class name that says what a box lacks or hides ("no-share",
// "without-ads", "hide-comments"): no furniture of that kind, whatever word it names.
var negatedClass = regexp.MustCompile(`(?i)(^|\s)(no|without|hide|hidden|disable[sd]?)[-_]\S*`)

// isFurnitureClass reports a class or id name that marks page furniture. Of a BEM name
// ("block__element") only the element counts: "article__share" is the article's share box, while
// "hero-banner__meta" is the meta line of a head box that holds the title.
func isFurnitureClass(s string) bool {
	if s == "" {
		return false
	}
	if negatedClass.MatchString(s) {
		// "entry-content no-share": a modifier that says the box has no share buttons.
		s = negatedClass.ReplaceAllString(s, " ")
	}
	if !strings.Contains(s, "__") {
		return furniture.classes.MatchString(s)
	}
	for _, name := range strings.Fields(s) {
		parts := strings.Split(name, "__")
		name = parts[len(parts)-1]
		if len(parts) > 2 && isStyleHash(name) {
			// CSS modules add a hash to the element ("image-caption__credit__3YqXK").
			name = parts[len(parts)-2]
		}
		if furniture.classes.MatchString(name) {
			return true
		}
	}
	return false
}

// isStyleHash reports a part of a class name that a build tool made up: a few letters and
// digits mixed, no word ("3YqXK", "1Qf4u", "skc7y").
func isStyleHash(s string) bool {
	if len(s) < 4 || len(s) > 8 {
		return false
	}
	digits, upper := false, false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= 'a' && r <= 'z':
		default:
			return false
		}
	}
	return digits || upper
}
