// Package repair repairs text damaged by copying from PDFs and web pages, before it enters the
// pipeline.
//
// Copying from a PDF loses the space at some line breaks, so that two words run together
// ("strategicallyimportant", "inCentral", "region’sleading", "the“Central"); web pages bring
// non-breaking spaces, runs of spaces and quotes or dashes of the wrong kind. Repair finds these,
// fixes those it is sure of and records every fix as a Change, so that an editor can review the
// list and undo any of them with Apply. A token it is unsure of is left as it is and recorded as a
// Question.
//
// Splitting is probabilistic: a token is split only when it is not a word itself, when the
// article does not use it elsewhere, and when its best reading as two or three words is clearly
// more likely than the token as one unknown word (see segment.go). Names, rare and technical
// words, hyphenated words, acronyms, CamelCase brands, numbers, URLs and e-mail addresses are
// left alone. Chinese text is returned unchanged.
//
// Kazakh writes compounds as one word ("теміржол", "жалпыұлттық") and its dictionary lacks many
// stems and forms, so a Kazakh token is split only when the Kazakh analyser of internal/text
// reads both parts, and the boundary is one no compound has: after a closed-class word, a case,
// plural, possessive, participle or verb ending; before a verb form; before a possessive
// construction ("көлік салығын", "заң жобасын"); before a Russian loan; between a numeral and a
// noun; where two vowels meet. A token the analyser reads only as a chain of endings is split
// only into parts known without it, and never when it reads as the first part and its endings
// ("пайдасының").
//
// A Kazakh case ending closes a word, so a short native word or a numeral after one is a word
// of its own ("келісімге|қол"); so is a postposition, the particle "да/де/та/те" where no
// locative can stand ("жұмыс|да"), or the head a genitive asks for ("бағалардың|өсуі"). Adjectives
// in "-и", ordinals and adjectives of size or age stand before their noun and make no compound
// with it; capitalised place names that begin with one ("Жаңаөзен") stay whole.
//
// Grammar decides where frequencies are missing: a Russian preposition stands before no verb and
// "о" only before the prepositional case; a preposition that began the next line follows its
// word ("воды|в"); a surname runs into the verb of its sentence ("Токаев|назвал"), and a name
// into a conjunction or preposition, never into a case ending of its own ("Кунаева"). Latin and
// Cyrillic letters, an acronym and a lower-case word, a number and a word or unit, and a full
// stop, colon, percent sign or closing quote and the word after them are split apart where the
// languages' typography sets a space ("Departmentизложил", "ШОСв", "1,2млн", "г.Алматы").
//
// Names are read from the word lists: the English list marks the words its dictionaries write
// only capitalised, so that a name before a plural or a verb ("Korean|rivals", "Beijing|signed"),
// a surname before a verb ("Tokayev|said"), a place name before a noun of land or water
// ("Ili|river", "Іле|өзенінен") or a name at a sentence's start before closed-class words
// ("Tashkent|has") is split, while a name before a bare noun ("Kazakhtelecom") stays. The
// Kazakh supplementary list names the states and cities of the region, and a people's name
// before a noun ("қытай|университеті") is two words. Kazakh endings close a word: an adjective in
// "-ғы/-гі" ("сыртқы|қарызы"), a plural with its possessive, a converb before отыр/тұр/жатыр, a
// unit or a noun of time in its case; after a vowel no ending begins with a voiceless consonant
// ("инвестиция|тарту"). A reading of three words stands when each boundary is one no compound
// has. Russian supplementary words take their endings ("в|акимате").
//
// Units of measure are set apart from their number ("20|км", "1,435|mm", "2023|г."), and a unit
// from its multiplier ("млн|т"); a word from a number's hyphenated ending ("300-ге|жуық",
// "1990-х|годах"), a number from the bracket before it ("бітті)|10"), a dash from the comma or
// quote before it ("»,|—") and from the words around it ("трудно|—|стороны"), and a short
// closed-class word or an acronym from the abbreviation before it ("a.m.|on", "тыс.|в",
// "долл.|США"). A Latin name with an apostrophe runs into a Cyrillic word ("L’Oréal|исчезла"),
// and a Kazakh word after a foreign name is told from its ending by vowel harmony
// ("Д’Алессандро|екі", "О’Коннор|істен"). Russian writes "не" apart in a contrast with "а"
// ("а не|китайскими"); a Kazakh "мен" before the pair "арасында" takes is the conjunction
// ("Астана|мен Бейжің арасында"). A Russian compound stays whole inside a reading of three words
// ("шесть|узкофюзеляжных"), and so does one whose first part is a preposition that governs no
// nominative ("безуглеродный") or a neuter noun before a noun in the nominative
// ("зернотрейдеры"). No Kazakh place name or compound holds a plural ("Жаңа|технологиялар",
// "Шымкент|тұрғындары"), and a vowel of the stem's row after a verb's stem begins its voice or
// converb, not a word ("жеңілдетілмегендіктен").
//
// A Kazakh converb and the auxiliary verb after it are two words ("өтпей|тұрып", "сатып|алды");
// so are a bare plural or an ordinal and a short noun ("депутаттар|заң", "алтыншы|рет"), a word
// and a possessed loan that begins with a vowel ("астық|экспорты"), a noun and a noun of place
// with the locative adjective ("шекара|маңындағы"), and a compound numeral at a sentence's start
// ("Он|бес"). A question particle is split off before the words that follow a question inside a
// sentence ("тиімді|ме деген"), never from a negative imperative ("шықпа деп"), and "ше" after a
// word of back vowels before a question mark. A form attested in real Kazakh text stays whole
// unless grammar says it holds two words. English "a/an" stands before no plural ("as|cars"),
// and "by" runs into its noun ("by|rail"); a Russian compound preposition whose letters spell
// another word is split before the genitive ("Во|время визита", "По|данным ООН").
//
// Text copied with its line breaks lost runs the last word of a line into the first of the next,
// whatever the pair. A word runs into an address's scheme ("at|https://…"), and in Russian and
// Kazakh a capitalised Cyrillic word into the full stop that ends an address ("….html.|Сұрақтарды");
// a short word into a number ("18|лет", "20|жыл", "10.30|по") unless it is an ending the number
// takes, an English word into an ordinal's suffix ("4th|century") or into a number of dotted parts
// ("Version|2.4.1"). A Kazakh word closed by its case ending stands before a known word
// ("жылдан|ерте", "өкілдеріне|сілтеме", "Еуропадағы|сұраныстың"), and where readings are as cheap
// that grammar picks it; so do a participle before a numeral ("қалған|екі"), a noun before a light
// verb ("жария|етілмеді", "жұмыс|істеді"), a short noun before a verbal noun ("жыл|бейімделу"),
// a noun of time after a number before a word ("2024 жыл|ынтымақтастық"), the particle "да/де"
// after a locative ("Бішкекте|де") and a name before the noun it possesses in its case
// ("Астана|уақытымен"). A Russian given name runs into a surname in its case ("Айгерим|Садыковой"),
// a masculine noun of three letters follows its adjective ("туркменский|газ"), and a noun of three
// letters stands before a short past verb ("год|стал"); an adjective in "-ционный" of a dictionary
// noun in "-ция" is a word. In English an acronym follows a preposition ("to|BP"), the article "A"
// a capitalised word at a sentence's start ("A|Russian"), and a word before a verb in the past is
// no name made with it ("Commission|resumed"); after a dotted acronym ("U.S.") or the abbreviation
// that closes a list ("т.б."), a capitalised word may begin a sentence.
//
// Russian stump compounds ("госпрограмма", "техрегламент") are words, the dictionary's or not,
// and are not split after their clipped stem, nor a verb after its prefix ("профинансировало");
// a capitalised Russian or Kazakh word inside a sentence or in quotes is a name and stays whole
// ("Токаев", «Росатом»).
//
// A rare English dictionary word whose letters spell closed-class words far likelier in its
// place is read as them ("ina" as "in a", "isa"); words in common use ("into", "maybe") cost less
// than any reading of theirs. An Irish or Italian name written with an apostrophe runs into a
// common English word ("O’Brien|found"), an English possessive into a capitalised word in any
// language ("Lloyd’s|Register"), and a preposition of place into a name ("off|Mangystau"). A
// woman's name or surname keeps its "-a" even where the article names the man ("Karimova" beside
// "Karimov"), and at a sentence's start a capitalised token before a capitalised word is a given
// name before a surname unless it reads as a long word and its ending ("Нигора Каримова", not "Ни
// гора"). A Russian compound with a linking vowel ("водосбережение", "машинокомплектов") and a
// comparative in "-ее" ("предсказуемее") stay whole when the dictionary lacks them, no reading sets
// a particle right after a preposition ("по|ли|металлов"), and no unit is split off a dictionary
// word after a number ("50 тоннелей"). A Kazakh plural takes its possessive ("бекеттеріндегі"),
// and a postposition stands apart from the case it governs ("күнге|дейін", "соғыстан|кейін");
// the Russian particle "ли" after a dictionary word is a word of its own ("Выживет|ли"), and so
// is a word after a capitalised adjective in its full form ("Национальный|банк").
package repair
