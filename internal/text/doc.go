// Package text splits text into sentences and words and checks spelling, the same way for every
// part of Tilmash: ingest segments articles with Sentences, the checks count sentences with it,
// and the checks and the text repair read words with Words and dictionaries with Hunspell.
// Kazakh words the dictionary lacks are read by one analyser (kkmorph.go: a stem and its
// suffixes in order and in vowel harmony, KazakhKnownForm and KazakhVerbForm), which the
// spelling check and the joined-word repair both call.
//
// The sentence rules of each language (abbreviations by how they behave, initials, words that
// start sentences, units after numbers, Chinese quotation rules) are data in rules/<lang>.txt,
// embedded at build time; rules/README.md explains them for a linguist who wants to extend them.
package text
