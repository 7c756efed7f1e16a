// Package checks runs automated quality checks on translated segments of analytical prose in English,
// Russian, Kazakh and Chinese.
//
// Check looks at one pipeline.CheckUnit (a source text and its translation) and returns findings,
// each with a dotted go-i18n message ID and the data for its template, so that every reviewer
// reads them in their own language (the messages live in locales/checks.*.toml). The checks aim
// at the errors reviewers of political and economic prose meet most: numbers that changed on the
// way (1,000.5 / 1 000,5 / 1000,5; $41 billion / 41 млрд долларов / 410亿美元), glossary terms lost
// in Russian and Kazakh inflection, Kazakh that is really Russian, Chinese with half-width
// punctuation, dropped clauses, broken links and footnotes. They are tuned to stay quiet on
// correct translations: a check that cries wolf is soon ignored.
//
// The package is pure Go. Spelling uses Hunspell dictionaries read by internal/text
// (DebianSpeller), and sentences and words are those of internal/text; ReadXLIFF reads XLIFF 1.2 and 2.x files for the `tilmash qa`
// command and BuildReport shapes its JSON output.
package checks
