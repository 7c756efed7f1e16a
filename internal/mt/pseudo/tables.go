package pseudo

// Replacement tables, as "<from><to>" entries separated by spaces (see pairs).

const latinToAccented = "aá bƀ cç dð eé fƒ gĝ hĥ ií jĵ kķ lļ mɱ nñ oö pþ qǫ rŕ sš tţ uü vṽ wŵ xẋ yý zž " +
	"AÁ BƁ CÇ DÐ EÉ FƑ GĜ HĤ IÍ JĴ KĶ LĻ MṀ NÑ OÖ PÞ QǪ RŔ SŠ TŢ UÜ VṼ WŴ XẊ YÝ ZŽ"

const latinToRussian = "aа bб cс dд eе fф gг hн iи jй kк lл mм nп oо pр qя rг sс tт uц vв wш xх yу zз " +
	"AА BВ CС DД EЕ FФ GГ HН IИ JЙ KК LЛ MМ NИ OО PР QЯ RЯ SС TТ UЦ VВ WШ XХ YУ ZЗ"

const latinToKazakh = "aә bб cс dд eе fф gғ hһ iі jй kқ lл mм nң oө pр qқ rг sѕ tт uұ vв wш xх yү zз " +
	"AӘ BВ CС DД EЕ FФ GҒ HҺ IІ JЙ KҚ LЛ MМ NҢ OӨ PР QҚ RЯ SЅ TТ UҰ VВ WШ XХ YҮ ZЗ"

// cyrillicToRussian turns Kazakh letters into their nearest Russian ones and marks Russian text
// with ё, so that ru output from Cyrillic input is still visibly altered.
const cyrillicToRussian = "әа өо ұу үу қк ңн ғг һх іи ЁЕ ӘА ӨО ҰУ ҮУ ҚК ҢН ҒГ ҺХ ІИ её Её"

// cyrillicToKazakh swaps Russian letters for the Kazakh letters that resemble them.
const cyrillicToKazakh = "аә оө уұ кқ нң гғ хһ иі АӘ ОӨ УҰ КҚ НҢ ГҒ ХҺ ИІ"

// cyrillicToLatin transliterates Cyrillic (Russian and Kazakh) for English pseudo-translations;
// the result then goes through latinToAccented.
const cyrillicToLatin = "аa бb вv гg дd еe ёyo жzh зz иi йy кk лl мm нn оo пp рr сs тt уu фf хkh цts чch " +
	"шsh щshch ыy эe юyu яya әa ғgh қq ңng өo ұu үu һh іi ъ ь"

// hanChars are the common characters Chinese pseudo-translations are made of.
const hanChars = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长"
