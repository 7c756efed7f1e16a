package structgen

// The words of the generated articles other than their paragraphs (which come from the checks
// corpus): titles, headings, captions, notes, bylines, page chrome, in the four languages. Each
// pool is split: the first half of every pool feeds the tune split, the second half the
// held-out split, so that no held-out case shares a heading, caption or note with a tuned one.

type pools struct {
	titles, headings, captions, notes, quotes, items, bylines []string
	figLabel                                                  string // "Figure", "Рис.", ...
	dates                                                     []string
	readTime                                                  []string // "%d min read"
	nav                                                       []string
	footer                                                    []string
	share                                                     []string
	related                                                   []string
	journal                                                   []string // running headers of a PDF
	page                                                      []string // "Page %d", "— %d —"
}

var content = map[string]pools{
	"en": {
		titles: []string{
			"Water, Power and Trade on the Irtysh",
			"How Central Asia Reads the Belt and Road",
			"Border Markets After the Pandemic",
			"The New Caspian Corridor",
			"Debt, Rails and Sovereignty in Kyrgyzstan",
			"Students Between Almaty and Xi'an",
			"A Decade of Summits in Astana",
			"Grain Routes Through Khorgos",
		},
		headings: []string{
			"Background", "Trade in numbers", "What changed in 2023", "The view from Astana",
			"Risks ahead", "Energy and water", "Conclusions", "Looking east",
			"Who pays for the roads", "Local voices", "The financing gap", "What comes next",
		},
		captions: []string{
			"Trade turnover between China and Central Asia, 2015–2023, billion US dollars.",
			"The Khorgos dry port on the Kazakh–Chinese border.",
			"Source: national statistics agencies; author's calculations.",
			"Freight trains at the Altynkol station in March 2024.",
			"Shares of Chinese investment by sector, 2022.",
			"Delegates at the Xi'an summit in May 2023.",
			"Planned routes of the Middle Corridor.",
			"Wheat exports from Kazakhstan by destination.",
		},
		notes: []string{
			"Customs statistics of the People's Republic of China, 2024.",
			"Interview with a trade official in Almaty, October 2023.",
			"See the joint declaration of the Xi'an summit, paragraph 12.",
			"Figures are rounded to the nearest billion.",
			"Data of the Bureau of National Statistics of Kazakhstan.",
			"The author thanks the reviewers for their comments.",
			"Estimates of the Asian Development Bank, 2023.",
			"Quoted from the ministry's press release of 5 June 2023.",
		},
		quotes: []string{
			"We are not choosing between partners; we are choosing routes.",
			"The railway changed the town more than anything in the last thirty years.",
			"Our farmers need predictable rules at the border, not new promises.",
			"Water is the question behind every other question in the region.",
		},
		items: []string{
			"new rail links across the border", "joint customs inspections", "shared water monitoring",
			"student exchange programmes", "electronic cargo declarations", "green energy projects",
			"a common visa-free regime for transit", "investment guarantees for small firms",
		},
		bylines: []string{
			"By Aigerim Sultanova", "By Daniel Harper", "By Marat Zhunusov and Lin Wei",
			"Author: Saule Bekova", "By Timur Akhmetov", "By Elena Petrova",
		},
		figLabel: "Figure",
		dates:    []string{"March 3, 2024", "12 November 2023", "2024-05-17", "June 21, 2023", "7 February 2024", "September 30, 2023"},
		readTime: []string{"%d min read", "%d minute read", "Reading time: %d min", "%d mins"},
		nav:      []string{"Home", "Analysis", "Regions", "Events", "About us", "Contact", "Subscribe", "Podcasts"},
		footer:   []string{"© 2024 Central Asia Institute. All rights reserved.", "Privacy policy", "Terms of use", "Follow us on social media"},
		share:    []string{"Share on Facebook", "Share on X", "Copy link", "Print"},
		related:  []string{"Related articles", "Read also", "More from this author"},
		journal:  []string{"Central Asia Review · Vol. 12, No. 3 (2024)", "EURASIAN POLICY BRIEF", "Working Paper Series 2023/14", "China–Central Asia Monitor"},
		page:     []string{"Page %d", "— %d —", "%d", "p. %d"},
	},
	"ru": {
		titles: []string{
			"Вода, энергия и торговля на Иртыше",
			"Как Центральная Азия понимает «Пояс и путь»",
			"Приграничные рынки после пандемии",
			"Новый Каспийский коридор",
			"Долги, рельсы и суверенитет Кыргызстана",
			"Студенты между Алматы и Сианем",
			"Десятилетие саммитов в Астане",
			"Зерновые маршруты через Хоргос",
		},
		headings: []string{
			"Предыстория", "Торговля в цифрах", "Что изменилось в 2023 году", "Взгляд из Астаны",
			"Риски впереди", "Энергия и вода", "Выводы", "Поворот на восток",
			"Кто платит за дороги", "Голоса с мест", "Дефицит финансирования", "Что дальше",
		},
		captions: []string{
			"Товарооборот Китая и Центральной Азии в 2015–2023 годах, млрд долларов США.",
			"Сухой порт «Хоргос» на казахстанско-китайской границе.",
			"Источник: национальные статистические службы; расчёты автора.",
			"Грузовые поезда на станции Алтынколь в марте 2024 года.",
			"Доли китайских инвестиций по отраслям, 2022 год.",
			"Делегаты саммита в Сиане в мае 2023 года.",
			"Планируемые маршруты Среднего коридора.",
			"Экспорт казахстанской пшеницы по направлениям.",
		},
		notes: []string{
			"Таможенная статистика КНР, 2024 год.",
			"Интервью с сотрудником торгового ведомства в Алматы, октябрь 2023 года.",
			"См. совместную декларацию саммита в Сиане, пункт 12.",
			"Цифры округлены до миллиарда.",
			"Данные Бюро национальной статистики Казахстана.",
			"Автор благодарит рецензентов за замечания.",
			"Оценки Азиатского банка развития, 2023 год.",
			"Цитируется по пресс-релизу министерства от 5 июня 2023 года.",
		},
		quotes: []string{
			"Мы выбираем не между партнёрами, а между маршрутами.",
			"Железная дорога изменила город сильнее, чем что-либо за последние тридцать лет.",
			"Нашим фермерам нужны предсказуемые правила на границе, а не новые обещания.",
			"Вода — это вопрос, который стоит за всеми остальными вопросами региона.",
		},
		items: []string{
			"новые железнодорожные переходы через границу", "совместный таможенный досмотр", "общий мониторинг водных ресурсов",
			"программы студенческого обмена", "электронные грузовые декларации", "проекты зелёной энергетики",
			"единый безвизовый режим для транзита", "гарантии инвестиций для малого бизнеса",
		},
		bylines: []string{
			"Автор: Айгерим Султанова", "Даниил Харпер", "Марат Жунусов, Линь Вэй",
			"Автор: Сауле Бекова", "Тимур Ахметов", "Текст: Елена Петрова",
		},
		figLabel: "Рис.",
		dates:    []string{"3 марта 2024", "12 ноября 2023 г.", "17.05.2024", "21 июня 2023", "7 февраля 2024 г.", "30.09.2023"},
		readTime: []string{"%d мин чтения", "Время чтения: %d мин.", "%d минут", "Читать %d мин"},
		nav:      []string{"Главная", "Аналитика", "Регионы", "События", "О нас", "Контакты", "Подписка", "Подкасты"},
		footer:   []string{"© 2024 Институт Центральной Азии. Все права защищены.", "Политика конфиденциальности", "Условия использования", "Мы в социальных сетях"},
		share:    []string{"Поделиться в Telegram", "Поделиться ВКонтакте", "Скопировать ссылку", "Печать"},
		related:  []string{"Читайте также", "Похожие материалы", "Другие статьи автора"},
		journal:  []string{"Центральная Азия и Кавказ · Т. 12, № 3 (2024)", "АНАЛИТИЧЕСКАЯ ЗАПИСКА", "Серия рабочих докладов 2023/14", "Мониторинг «Китай – Центральная Азия»"},
		page:     []string{"Стр. %d", "— %d —", "%d", "С. %d"},
	},
	"kk": {
		titles: []string{
			"Ертістегі су, энергия және сауда",
			"Орталық Азия «Белдеу және жолды» қалай түсінеді",
			"Пандемиядан кейінгі шекара базарлары",
			"Жаңа Каспий дәлізі",
			"Қырғызстандағы қарыз, теміржол және егемендік",
			"Алматы мен Сиань арасындағы студенттер",
			"Астанадағы саммиттердің онжылдығы",
			"Қорғас арқылы өтетін астық жолдары",
		},
		headings: []string{
			"Тарихи алғышарттар", "Сауда сандармен", "2023 жылы не өзгерді", "Астанадан көзқарас",
			"Алдағы тәуекелдер", "Энергия және су", "Қорытынды", "Шығысқа бет бұру",
			"Жолдарды кім төлейді", "Жергілікті пікірлер", "Қаржы тапшылығы", "Бұдан әрі не болады",
		},
		captions: []string{
			"Қытай мен Орталық Азияның 2015–2023 жылдардағы тауар айналымы, млрд АҚШ доллары.",
			"Қазақстан–Қытай шекарасындағы «Қорғас» құрғақ порты.",
			"Дереккөз: ұлттық статистика қызметтері; автордың есептеулері.",
			"2024 жылдың наурызында Алтынкөл станциясындағы жүк пойыздары.",
			"Қытай инвестицияларының салалар бойынша үлесі, 2022 жыл.",
			"2023 жылғы мамырдағы Сиань саммитінің делегаттары.",
			"Орта дәліздің жоспарланған бағыттары.",
			"Қазақстан бидайының экспорты бағыттар бойынша.",
		},
		notes: []string{
			"ҚХР кеден статистикасы, 2024 жыл.",
			"Алматыдағы сауда ведомствосы қызметкерімен сұхбат, 2023 жылғы қазан.",
			"Сиань саммитінің бірлескен декларациясын қараңыз, 12-тармақ.",
			"Сандар миллиардқа дейін дөңгелектенген.",
			"Қазақстан Ұлттық статистика бюросының деректері.",
			"Автор пікір білдірген рецензенттерге алғыс айтады.",
			"Азия даму банкінің бағалауы, 2023 жыл.",
			"Министрліктің 2023 жылғы 5 маусымдағы баспасөз хабарламасынан алынды.",
		},
		quotes: []string{
			"Біз серіктестер арасынан емес, бағыттар арасынан таңдаймыз.",
			"Теміржол қаланы соңғы отыз жылдағы кез келген нәрседен көбірек өзгертті.",
			"Фермерлерімізге жаңа уәделер емес, шекарадағы болжамды ережелер қажет.",
			"Су — өңірдегі барлық басқа мәселелердің артында тұрған мәселе.",
		},
		items: []string{
			"шекара арқылы өтетін жаңа теміржол өткелдері", "бірлескен кедендік тексеру", "су ресурстарын ортақ бақылау",
			"студенттер алмасу бағдарламалары", "электрондық жүк декларациялары", "жасыл энергетика жобалары",
			"транзитке арналған бірыңғай визасыз режим", "шағын бизнеске инвестициялық кепілдіктер",
		},
		bylines: []string{
			"Авторы: Әйгерім Сұлтанова", "Даниел Харпер", "Марат Жүнісов, Линь Вэй",
			"Авторы: Сәуле Бекова", "Тимур Ахметов", "Мәтін: Елена Петрова",
		},
		figLabel: "Сурет",
		dates:    []string{"2024 жылғы 3 наурыз", "12 қараша 2023", "17.05.2024", "2023 ж. 21 маусым", "7 ақпан 2024", "30.09.2023"},
		readTime: []string{"%d мин оқу", "Оқу уақыты: %d мин", "%d минут", "Оқуға %d мин"},
		nav:      []string{"Басты бет", "Талдау", "Өңірлер", "Іс-шаралар", "Біз туралы", "Байланыс", "Жазылу", "Подкастар"},
		footer:   []string{"© 2024 Орталық Азия институты. Барлық құқықтар қорғалған.", "Құпиялылық саясаты", "Пайдалану шарттары", "Әлеуметтік желілердегі парақшаларымыз"},
		share:    []string{"Telegram-да бөлісу", "Facebook-та бөлісу", "Сілтемені көшіру", "Басып шығару"},
		related:  []string{"Осы тақырыпта", "Ұқсас материалдар", "Автордың басқа мақалалары"},
		journal:  []string{"Орталық Азия шолуы · 12-том, № 3 (2024)", "ТАЛДАМАЛЫҚ ЖАЗБА", "Жұмыс баяндамалары сериясы 2023/14", "«Қытай – Орталық Азия» мониторингі"},
		page:     []string{"%d-бет", "— %d —", "%d", "Бет %d"},
	},
	"zh": {
		titles: []string{
			"额尔齐斯河上的水、电与贸易",
			"中亚如何看待“一带一路”",
			"疫情之后的边境市场",
			"新的里海走廊",
			"吉尔吉斯斯坦的债务、铁路与主权",
			"往返于阿拉木图和西安之间的留学生",
			"阿斯塔纳峰会十年",
			"经由霍尔果斯的粮食通道",
		},
		headings: []string{
			"背景", "贸易数据", "2023年发生了什么变化", "来自阿斯塔纳的视角",
			"未来的风险", "能源与水资源", "结论", "向东看",
			"谁为道路买单", "当地的声音", "资金缺口", "下一步",
		},
		captions: []string{
			"2015—2023年中国与中亚贸易额（单位：亿美元）。",
			"位于中哈边境的霍尔果斯无水港。",
			"资料来源：各国统计机构；作者计算。",
			"2024年3月阿腾科里站的货运列车。",
			"2022年中国投资的行业分布。",
			"2023年5月西安峰会的与会代表。",
			"中间走廊的规划线路。",
			"哈萨克斯坦小麦出口的去向。",
		},
		notes: []string{
			"中华人民共和国海关统计，2024年。",
			"对阿拉木图一名贸易官员的采访，2023年10月。",
			"参见西安峰会联合宣言第12条。",
			"数字四舍五入至十亿。",
			"哈萨克斯坦国家统计局数据。",
			"作者感谢审稿人提出的意见。",
			"亚洲开发银行2023年的估计。",
			"引自该部2023年6月5日的新闻稿。",
		},
		quotes: []string{
			"我们不是在伙伴之间做选择，而是在路线之间做选择。",
			"铁路对这座城市的改变超过了过去三十年里的任何事物。",
			"我们的农民需要的是边境上可预期的规则，而不是新的承诺。",
			"水是这个地区所有其他问题背后的问题。",
		},
		items: []string{
			"新的跨境铁路口岸", "联合海关查验", "共同的水资源监测",
			"学生交流项目", "电子货物申报", "绿色能源项目",
			"统一的过境免签制度", "面向小企业的投资担保",
		},
		bylines: []string{
			"作者：阿依古丽·苏丹诺娃", "文/丹尼尔·哈珀", "作者：马拉特·朱努索夫、林伟",
			"作者：萨乌列·别科娃", "文/帖木儿·阿赫梅托夫", "撰文：叶莲娜·彼得罗娃",
		},
		figLabel: "图",
		dates:    []string{"2024年3月3日", "2023年11月12日", "2024-05-17", "2023年6月21日", "2024年2月7日", "2023-09-30"},
		readTime: []string{"阅读约%d分钟", "阅读时间：%d分钟", "%d分钟阅读", "约%d分钟"},
		nav:      []string{"首页", "分析", "地区", "活动", "关于我们", "联系", "订阅", "播客"},
		footer:   []string{"© 2024 中亚研究所 版权所有", "隐私政策", "使用条款", "关注我们的社交媒体"},
		share:    []string{"分享到微信", "分享到微博", "复制链接", "打印"},
		related:  []string{"相关文章", "延伸阅读", "作者的其他文章"},
		journal:  []string{"中亚评论 · 第12卷第3期（2024）", "政策简报", "工作论文系列 2023/14", "中国—中亚观察"},
		page:     []string{"第%d页", "— %d —", "%d", "- %d -"},
	},
}
