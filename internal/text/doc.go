// Package text splits text into sentences and words and checks spelling, the same way for every
// part of Tilmash: ingest segments articles with Sentences, the checks count sentences with it,
// and the checks and the text repair read words with Words and dictionaries with Hunspell.
//
// The sentence rules of each language (abbreviations by how they behave, initials, words that
// start sentences, units after numbers, Chinese quotation rules) are data in rules/<lang>.txt,
// embedded at build time; rules/README.md explains them for a linguist who wants to extend them.
package text
