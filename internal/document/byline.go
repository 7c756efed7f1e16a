package document

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits for a byline: an author, an organisation and a city fit easily.
const (
	maxBylineColumns = 100
	maxBylineWords   = 12
	// maxBylineBlocks: "Name" and "Organisation, City" may stand on lines of their own.
	maxBylineBlocks = 2
)

// bylinePrefixes open an explicit byline, in the four languages (compared in lower case).
var bylinePrefixes = []string{
	"by ", "author:", "authors:", "author ", "written by ", "text by ", "source:", "prepared by ",
	"автор:", "авторы:", "автор ", "авторы ", "текст:", "источник:", "подготовил ", "подготовила ",
	"подготовлено ", "подготовили ",
	"авторлар:", "авторы:", "дереккөз:", "мәтін:", "дайындаған ", "дайындаған:", "дайындағандар ", "дайындағандар:",
	"подготовил:", "подготовила:", "подготовили:",
	"мақаланың авторы:", "мақала авторы:", "жазған ", "жазған:", "written by:",
	"作者", "文/", "文／", "文：", "文｜", "文|", "文 |", "文 ｜", "撰文", "来源：", "来源:", "执笔", "撰稿",
	// who led and who wrote a report's research group
	"课题组负责人", "课题负责人", "负责人：", "课题组成员", "主编：", "编辑｜", "编辑：", "编辑:", "posted by ",
	// who asked the questions of an interview
	"interview by ", "interviewed by ", "беседовал ", "беседовала ", "беседовали ", "сұхбаттасқан ", "采访：",
	// a Chinese paper's reporters, the title set apart from the names by a space
	"本报记者 ", "本报记者\u3000", "记者 ", "记者\u3000", "本报通讯员 ", "本报通讯员\u3000", "通讯员 ", "通讯员\u3000",
}

// isBylineLine reports a line that names its author explicitly and reads as a byline.
func isBylineLine(s string) bool {
	return hasBylinePrefix(s) && isBylineText(s)
}

// outletReporter matches a Chinese outlet's reporter before the name: "澎湃新闻记者 王海燕".
var outletReporter = regexp.MustCompile(`^\p{Han}{2,10}(?:记者|通讯员)[ \x{3000}]\p{Han}{2,4}$`)

// hasBylinePrefix reports a line that names its author explicitly: "By NAME", "Author: NAME".
// A name begins with a capital, so what follows the prefix in lower case or digits is a
// sentence that begins with the same word ("By 2030, the corridor…", "By contrast…", "Автор
// идеи считает…"), as is a month after "By" ("By March, exports…").
func hasBylinePrefix(s string) bool {
	if inner, ok := strings.CutPrefix(s, "【"); ok {
		s = strings.TrimSuffix(inner, "】") // "【文/观察者网专栏作者 陈立新】"
	}
	if outletReporter.MatchString(s) {
		return true // "澎湃新闻记者 王海燕": the outlet's reporter and the name
	}
	l := strings.ToLower(s)
	for _, p := range bylinePrefixes {
		if !strings.HasPrefix(l, p) || len(l) <= len(p) {
			continue
		}
		if len(s) != len(l) {
			return true // a letter whose lower case is longer or shorter: the prefix's end is not known in s
		}
		rest := strings.TrimLeft(s[len(p):], " :：—–-|｜/")
		r, _ := utf8.DecodeRuneInString(rest)
		if unicode.IsLower(r) || unicode.IsDigit(r) {
			continue
		}
		if first, _, _ := strings.Cut(strings.ToLower(rest), " "); p == "by " && monthWord.MatchString(strings.TrimRight(first, ",.")) {
			continue
		}
		return true
	}
	return false
}

// isBylineText reports a short line that signs an article: it has an explicit prefix ("By
// NAME"), or it is a name or an organisation and a city, which shows as mostly capitalised words
// (or, in Chinese, a short phrase) with no sentence punctuation at the end.
// maxLabelledBylineWords: a byline under its label runs to a line.
const maxLabelledBylineWords = 18

func isBylineText(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || columns(s) > maxBylineColumns {
		return false
	}
	if hasBylinePrefix(s) {
		// A label says what the line is, and it may name the authors' places and their
		// institute: "Authors: Aidana Omurova (Bishkek) and Chen Lu (Urumqi), Water Futures Lab".
		return len(words) <= maxLabelledBylineWords
	}
	if len(words) > maxBylineWords {
		return false
	}
	if open, _ := utf8.DecodeRuneInString(s); open == '(' || open == '（' {
		// A line wholly in brackets is a note ("（作者单位：…）"), not a signature, unless it
		// names the author under the label itself, as Chinese papers sign an article at its end
		// ("（作者：王海东，系…教授）").
		inner := strings.TrimRight(strings.TrimLeft(s, "(（"), ")）")
		closed := strings.HasSuffix(s, ")") || strings.HasSuffix(s, "）")
		if closed && (strings.HasPrefix(inner, "作者：") || strings.HasPrefix(inner, "作者:")) {
			return isBylineText(inner)
		}
		return false
	}
	if strings.HasPrefix(s, "——") {
		return false // a Chinese subtitle under the title ("——中欧班列十年发展观察")
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(s, isClosing))
	switch {
	case last == '.' && isInitials(strings.TrimSuffix(words[len(words)-1], ".")):
		// "Smith J." ends with an initial, not a sentence.
	case isTerminator(last) || strings.ContainsRune(":;：；,，", last):
		return false
	}
	if isHanText(s) {
		// A Chinese sentence's end inside ("…效率。(完)") makes a line of text, not a signature.
		return !strings.ContainsAny(strings.TrimRightFunc(s, func(r rune) bool { return isTerminator(r) || isClosing(r) }), "。！？")
	}
	if len(words) == 1 && userHandle.MatchString(s) {
		return true // a user name on a blogging platform: "olga_p", "@ivan.petrov"
	}
	capitalised, cased := 0, 0
	for _, w := range words {
		r := firstLetter(w)
		if r == 0 || !unicode.IsLetter(r) || (!unicode.IsUpper(r) && !unicode.IsLower(r)) {
			continue
		}
		cased++
		if unicode.IsUpper(r) {
			capitalised++
		}
	}
	return cased > 0 && capitalised*2 >= cased
}

// userHandle matches a user name as platforms print it for the author: letters and digits
// joined by "_", "." or "-", or written after "@".
var userHandle = regexp.MustCompile(`^(@[\p{L}\d_.]{2,30}|\p{L}[\p{L}\d]*([._-][\p{L}\d]+)+)$`)

// firstLetter returns the first letter of w, skipping punctuation, or 0.
func firstLetter(w string) rune {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return r
		}
		if unicode.IsDigit(r) {
			return r
		}
	}
	return 0
}

// maxTopBylineWords: a name, or two, under the title.
const maxTopBylineWords = 8

// isTopByline reports a line under the title that signs the article: an explicit byline
// ("By NAME", "Автор: …"), or a short run of capitalised names without sentence punctuation.
func isTopByline(s string) bool {
	if !isBylineText(s) {
		return false
	}
	if hasBylinePrefix(s) {
		return true
	}
	if i := strings.IndexAny(s, ":："); i > 0 && len(strings.Fields(s[:i])) <= 2 {
		// Under another label, only names make a byline ("Подготовила: <name>"), not the
		// values of a field ("Keywords: gas; trade").
		if rest := strings.TrimSpace(strings.TrimLeft(s[i:], ":：")); !isNameLine(rest) {
			return false
		}
	}
	return len(strings.Fields(s)) <= maxTopBylineWords && !endsWithTerminator(s)
}

// isNameLine reports a line of names alone, as printed under a title: "Marat Zhunusov, Lin
// Wei", "Марат Жунусов и Линь Вэй": two to eight words, every one capitalised but for a
// joining word, no digits, no sentence punctuation. Chinese names carry their prefix ("作者：").
func isNameLine(s string) bool {
	if hasBylinePrefix(s) && isBylineText(s) {
		return true
	}
	if isHanText(s) {
		return isChineseNames(s) || isChineseAuthorGroup(s)
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > maxTopBylineWords {
		return false
	}
	if endsWithTerminator(s) && !isInitials(words[len(words)-1]) || strings.ContainsAny(s, "0123456789:;") {
		return false // (initials after the surname end with a full stop: "Смирнова А.В.")
	}
	joins := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
		case nameJoiners[strings.ToLower(strings.Trim(w, ","))]:
			joins++
		default:
			return false
		}
	}
	return joins < len(words)/2
}

// isAuthorLine reports a line of a paper's head that names an author: names alone, or a name
// with initials and after a comma the author's degree, post or place, as journals and
// conference proceedings print them ("Б. Т. Оспанова, э.ғ.к., доцент", "Smith J., PhD").
func isAuthorLine(s string) bool {
	s = withoutAffiliationMarks(s)
	return isNameLine(s) || isInitialledAuthor(s)
}

// affiliationMark matches the number after an author's name that points to the author's
// institution below ("Оспанова1, Ли Цзюнь2", "王立新 1，努尔兰·阿比舍夫 2", "Smith1,2").
var affiliationMark = regexp.MustCompile(`(\p{L}\.?)[ \x{a0}]?\d{1,2}(?:[,*]\d{1,2})*[*]?([ \t]*(?:[,，、;；]|$))`)

// withoutAffiliationMarks returns a line of authors' names without those numbers, and without
// the number an institution's line opens with ("1 Әл-Фараби атындағы…").
func withoutAffiliationMarks(s string) string {
	return affiliationNumber.ReplaceAllString(affiliationMark.ReplaceAllString(s, "$1$2"), "")
}

// affiliationNumber matches the number an institution's line opens with.
var affiliationNumber = regexp.MustCompile(`^[1-9] `)

// institutionWords name the places authors work at, in the four languages (lower case).
var institutionWords = []string{"university", "institute", "academy", "college", "school of", "centre", "center", "ministry",
	"университет", "институт", "академи", "центр", "министерств", "университеті", "институты", "орталығы", "министрлігі",
	"大学", "学院", "研究院", "研究所", "研究中心"}

// maxAffiliationRunes: an author's institution and city are a line or two.
const maxAffiliationRunes = 160

// isAffiliationLine reports the line under an author's name that says where the author works:
// an institution and its city ("Евразийский национальный университет, Астана", "1 Әл-Фараби
// атындағы Қазақ ұлттық университеті", "（1. 新疆大学 经济与管理学院，新疆 乌鲁木齐 830046）").
func isAffiliationLine(s string) bool {
	if utf8.RuneCountInString(s) > maxAffiliationRunes || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "。") {
		return false
	}
	return holdsAny(s, institutionWords)
}

// isInitialledAuthor reports an author's name with initials, and after a comma a degree, a post
// or a place: "Б. Т. Оспанова, э.ғ.к., доцент", "Smith J., PhD", "А. В. Смирнова".
func isInitialledAuthor(s string) bool {
	name, rest, _ := strings.Cut(s, ",")
	if len(strings.Fields(s)) > maxBylineWords || strings.ContainsAny(rest, "!?;:") || !isNameLine(strings.TrimSpace(name)) {
		return false
	}
	for _, w := range strings.Fields(name) {
		if isInitials(w) {
			return true
		}
	}
	return false
}

// nameJoiners join the names of several authors.
var nameJoiners = map[string]bool{"and": true, "&": true, "и": true, "мен": true, "бен": true, "пен": true, "және": true}

// chineseSurnames are the commonest Chinese family names, which open a Chinese personal name.
const chineseSurnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文欧阳司马诸葛上官"

// isChineseNames reports a line of Chinese personal names alone, as printed under a title: one
// to four names of two to four characters, each opening with a common family name, separated
// by spaces or enumeration commas. A foreign name written in Chinese characters has its parts
// joined by a middle dot ("努尔兰·卡斯木"); it counts beside at least one Chinese name.
func isChineseNames(s string) bool {
	names := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\u3000' || r == '、' || r == '，' || r == ',' })
	// A two-character name is often spaced out to the width of a three-character one ("李　明").
	for i := 0; i+1 < len(names); i++ {
		if utf8.RuneCountInString(names[i]) == 1 && utf8.RuneCountInString(names[i+1]) == 1 {
			names = slices.Replace(names, i, i+2, names[i]+names[i+1])
		}
	}
	if len(names) == 0 || len(names) > 4 {
		return false
	}
	native := 0
	for _, n := range names {
		if isTransliteratedName(n) {
			continue
		}
		native++
		rs := []rune(n)
		if len(rs) < 2 || len(rs) > 4 || !strings.ContainsRune(chineseSurnames, rs[0]) {
			return false
		}
		for _, r := range rs {
			if !isHan(r) {
				return false
			}
		}
	}
	return native > 0
}

// chineseGroupSuffixes end the name of a group that signs a Chinese report as its author
// ("县商务局课题组", "中亚研究所调研组").
var chineseGroupSuffixes = []string{"课题组", "调研组", "研究组", "编写组", "项目组", "写作组", "联合课题组"}

// maxAuthorGroupRunes: the name of an authoring group, with its institution, is short.
const maxAuthorGroupRunes = 24

// isChineseAuthorGroup reports a line that names a working group as a report's author.
func isChineseAuthorGroup(s string) bool {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > maxAuthorGroupRunes || strings.ContainsAny(s, "，。；：！？") {
		return false
	}
	for _, g := range chineseGroupSuffixes {
		if strings.HasSuffix(s, g) {
			return true
		}
	}
	return false
}

// nameDots join the parts of a foreign name written in Chinese characters.
const nameDots = "·•・‧"

// isTransliteratedName reports a foreign name written in Chinese characters: two or three parts
// of one to six characters joined by a middle dot ("努尔兰·卡斯木").
func isTransliteratedName(n string) bool {
	parts := strings.FieldsFunc(n, func(r rune) bool { return strings.ContainsRune(nameDots, r) })
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	for _, p := range parts {
		k := utf8.RuneCountInString(p)
		if k < 1 || k > 6 || strings.IndexFunc(p, func(r rune) bool { return !isHan(r) }) >= 0 {
			return false
		}
	}
	return true
}

// namesChinesePerson reports a Chinese line with a personal name among its words, as a credit
// prints it after the outlet and the role: "澎湃新闻记者 王海燕".
func namesChinesePerson(s string) bool {
	for _, w := range strings.Fields(s) {
		if isChineseNames(w) {
			return true
		}
	}
	return false
}

// isSignatureLine reports a line that signs a text: names alone, or a name and after a comma the
// signer's role ("Elena Markova, Chair of the Council").
func isSignatureLine(s string) bool {
	name, _, _ := strings.Cut(s, ",")
	return isNameLine(s) || isNameLine(strings.TrimSpace(name)) && !endsWithTerminator(s) && len(strings.Fields(s)) <= maxBylineWords
}

// isBylinePrefixAlone reports the word that opens a byline standing alone: "By", "Автор:".
func isBylinePrefixAlone(s string) bool {
	return utf8.RuneCountInString(s) <= 12 && hasBylinePrefix(strings.TrimSpace(s)+" X") && !hasBylinePrefix(s)
}
