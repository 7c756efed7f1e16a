// Package eval measures the text tools against corpora kept in the repository: how exactly
// sentences are split, how accurately joined words are repaired, and whatever other stage
// registers itself (article structure, checks). "tilmash eval" prints the scores.
//
// A corpus lives under DIR/<stage>/<split>/, where split is "tune" (the cases rules are tuned
// on) or "heldout" (cases never looked at while tuning, reported to show how the rules
// generalise). Each file there is named after its language ("ru.txt", "ru-numbers.txt") and
// holds sections:
//
//	# class: abbrev-number
//	# any other line starting with "# " is a comment
//	first line of the first case
//	...
//
//	next case (cases are separated by blank lines)
//
// A "# lang: xx" line overrides the language of the file name for the sections after it. What
// the lines of a case mean is up to the stage: for sentences, one gold sentence per line; for
// repairs, text where "|" marks a space that was lost.
//
// Each stage scores a case as a Tally: whether the case came out exactly right, and its true
// positives, false positives and false negatives, from which the report derives precision and
// recall per stage, split, language and class.
package eval
