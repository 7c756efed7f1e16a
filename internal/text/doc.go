// Package text splits text into sentences and words and checks spelling, the same way for every
// part of Tilmash: ingest segments articles with Sentences, the checks count sentences with it,
// and the checks and the text repair read words with Words and dictionaries with Hunspell.
package text
