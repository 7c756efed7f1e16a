package structgen

// siteWords are the words of page chrome that the composed site pages of site.go add around an
// article: boxes inside the text, what follows it, the sidebar and the footer. None of them is
// article text, and several read like it (a comment, an author's biography, an "about us"
// paragraph), which is what makes them worth writing.
type siteWords struct {
	kickers       []string // category label above the title
	ad            string
	newsHead      string // newsletter box
	newsText      string
	newsButton    string
	commentsHead  string // "%d comments"
	comments      []string
	commenters    []string
	reply         string
	bio           string // "%s ..." with the author's name
	about         string // the footer's paragraph about the publisher
	mostRead      string
	prev, next    string
	tags          string
	shares        string // "%d shares"
	views         string // "%d views"
	topLink       string // "Back to top"
	cookieAccept  string
	printVersion  string
	updated       string // "Updated %s"
	galleryCount  string // "%d / %d"
	subscribeMail string // placeholder of the e-mail field
}

var sitePools = map[string]siteWords{
	"en": {
		kickers:      []string{"Analysis", "Commentary", "Explainer", "Opinion"},
		ad:           "Advertisement",
		newsHead:     "Get our weekly briefing",
		newsText:     "The best of our research on Central Asia and China, every Friday in your inbox.",
		newsButton:   "Sign up",
		commentsHead: "%d comments",
		comments: []string{
			"Thank you for this piece. The part about customs delays matches what we see in our company every month.",
			"I would add that the road through the pass is closed for half of the winter, which the article does not mention.",
			"Interesting analysis, but the numbers for 2022 look too optimistic to me.",
		},
		commenters:    []string{"Nurlan K.", "traveller_88", "M. Ibragimova"},
		reply:         "Reply",
		bio:           "%s is a senior fellow at the institute, where she works on trade, transport and water policy in Central Asia.",
		about:         "The Central Asia Institute is an independent research centre founded in 2009. We publish analysis on the region's economy, security and relations with its neighbours.",
		mostRead:      "Most read",
		prev:          "Previous article",
		next:          "Next article",
		tags:          "Tags:",
		shares:        "%d shares",
		views:         "%d views",
		topLink:       "Back to top",
		cookieAccept:  "Accept all cookies",
		printVersion:  "Print version",
		updated:       "Updated %s",
		galleryCount:  "%d / %d",
		subscribeMail: "Your e-mail address",
	},
	"ru": {
		kickers:      []string{"Аналитика", "Комментарий", "Мнение", "Разбор"},
		ad:           "Реклама",
		newsHead:     "Подпишитесь на нашу рассылку",
		newsText:     "Лучшие материалы о Центральной Азии и Китае каждую пятницу на вашей почте.",
		newsButton:   "Подписаться",
		commentsHead: "Комментарии (%d)",
		comments: []string{
			"Спасибо за материал. То, что написано о задержках на таможне, мы видим в нашей компании каждый месяц.",
			"Добавлю, что дорога через перевал закрыта половину зимы, а в статье об этом ни слова.",
			"Интересный анализ, но цифры за 2022 год кажутся мне слишком оптимистичными.",
		},
		commenters:    []string{"Нурлан К.", "путник_88", "М. Ибрагимова"},
		reply:         "Ответить",
		bio:           "%s — старший научный сотрудник института, занимается торговой, транспортной и водной политикой в Центральной Азии.",
		about:         "Институт Центральной Азии — независимый исследовательский центр, основанный в 2009 году. Мы публикуем аналитику об экономике региона, безопасности и отношениях с соседями.",
		mostRead:      "Самое читаемое",
		prev:          "Предыдущая статья",
		next:          "Следующая статья",
		tags:          "Теги:",
		shares:        "%d репостов",
		views:         "%d просмотров",
		topLink:       "Наверх",
		cookieAccept:  "Принять все cookie",
		printVersion:  "Версия для печати",
		updated:       "Обновлено %s",
		galleryCount:  "%d из %d",
		subscribeMail: "Ваш e-mail",
	},
	"kk": {
		kickers:      []string{"Талдау", "Пікір", "Түсіндірме", "Сараптама"},
		ad:           "Жарнама",
		newsHead:     "Апталық шолуға жазылыңыз",
		newsText:     "Орталық Азия мен Қытай туралы ең үздік материалдар әр жұма сайын поштаңызда.",
		newsButton:   "Жазылу",
		commentsHead: "Пікірлер (%d)",
		comments: []string{
			"Мақалаға рахмет. Кедендегі кідірістер туралы жазылғанды біздің компания ай сайын көреді.",
			"Асу арқылы өтетін жол қыстың жартысында жабық болатынын қосар едім, мақалада бұл айтылмаған.",
			"Қызықты талдау, бірақ 2022 жылғы сандар маған тым оптимистік көрінеді.",
		},
		commenters:    []string{"Нұрлан Қ.", "жолаушы_88", "М. Ибрагимова"},
		reply:         "Жауап беру",
		bio:           "%s — институттың аға ғылыми қызметкері, Орталық Азиядағы сауда, көлік және су саясатын зерттейді.",
		about:         "Орталық Азия институты — 2009 жылы құрылған тәуелсіз зерттеу орталығы. Біз өңірдің экономикасы, қауіпсіздігі және көршілерімен қарым-қатынасы туралы талдау жариялаймыз.",
		mostRead:      "Көп оқылғандар",
		prev:          "Алдыңғы мақала",
		next:          "Келесі мақала",
		tags:          "Тегтер:",
		shares:        "%d бөлісу",
		views:         "%d қаралым",
		topLink:       "Жоғарыға",
		cookieAccept:  "Барлық cookie файлдарын қабылдау",
		printVersion:  "Басып шығару нұсқасы",
		updated:       "Жаңартылды: %s",
		galleryCount:  "%d / %d",
		subscribeMail: "Электрондық поштаңыз",
	},
	"zh": {
		kickers:      []string{"分析", "评论", "解读", "观点"},
		ad:           "广告",
		newsHead:     "订阅我们的每周简报",
		newsText:     "每周五将我们关于中亚与中国的最佳研究发送到您的邮箱。",
		newsButton:   "订阅",
		commentsHead: "评论（%d）",
		comments: []string{
			"感谢这篇文章。关于海关延误的部分和我们公司每个月遇到的情况完全一致。",
			"我想补充一点，山口的公路冬季有一半时间是封闭的，文章没有提到。",
			"分析很有意思，但2022年的数字在我看来过于乐观了。",
		},
		commenters:    []string{"努尔兰", "旅行者88", "伊布拉吉莫娃"},
		reply:         "回复",
		bio:           "%s，研究所高级研究员，主要研究中亚的贸易、交通和水资源政策。",
		about:         "中亚研究所是一家成立于2009年的独立研究机构，发表有关该地区经济、安全及其与邻国关系的分析。",
		mostRead:      "热门文章",
		prev:          "上一篇",
		next:          "下一篇",
		tags:          "标签：",
		shares:        "%d次分享",
		views:         "阅读 %d",
		topLink:       "返回顶部",
		cookieAccept:  "接受全部Cookie",
		printVersion:  "打印版",
		updated:       "更新于%s",
		galleryCount:  "%d / %d",
		subscribeMail: "您的电子邮箱",
	},
}
