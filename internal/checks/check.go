package checks

import (
	"github.com/tilmash/tilmash/pipeline"
)

// Check ids, as stored in pipeline.Finding.Check.
const (
	CheckUntranslated  = "untranslated"
	CheckNumber        = "number"
	CheckWrongLanguage = "wrong_language"
	CheckGlossary      = "glossary"
	CheckOmission      = "omission"
	CheckPunctuation   = "punctuation"
	CheckWhitespace    = "whitespace"
	CheckRepeatedWord  = "repeated_word"
	CheckMarkup        = "markup"
	CheckSpelling      = "spelling"
	CheckConsistency   = "consistency"
)

// AllChecks lists every check id in the order Check runs them.
var AllChecks = []string{CheckUntranslated, CheckNumber, CheckWrongLanguage, CheckGlossary,
	CheckOmission, CheckPunctuation, CheckWhitespace, CheckRepeatedWord, CheckMarkup, CheckSpelling,
	CheckConsistency}

// Term is a termbase concept: its term in each language, the variants a translation must not use,
// and whether it stays untranslated (brand and programme names such as "Digital Kazakhstan" when
// the style guide keeps them in the original).
type Term struct {
	Terms          map[pipeline.Lang]string
	Forbidden      map[pipeline.Lang][]string
	DoNotTranslate bool
}

// Options configures Check. The zero value runs every check that needs no resources.
type Options struct {
	// Terms is the termbase for the glossary check.
	Terms []Term
	// OtherTranslations returns the other translations of the same normalised source (trimmed,
	// inner whitespace collapsed) in the translation memory, for the consistency check; nil
	// disables the check.
	OtherTranslations func(source string) []string
	// Spell checks the spelling of target words; nil disables the spelling check.
	Spell Speller
	// Checks lists the ids to run; empty runs all. Unknown ids are ignored.
	Checks []string
	// Prepared, when set, keeps the sources read for the checks across Check calls: a source
	// checked against several translations is read once. Nil reads each source per call.
	Prepared *PreparedCache

	memo   *wordMemo // set by Check: the words of the texts its checks read, read once
	pseudo bool      // set by Check: the target is a pseudo-translation's body
}

// wordMemo returns the memo of words of one Check call; nil outside one.
func (o *Options) wordMemo() *wordMemo {
	if o == nil {
		return nil
	}
	return o.memo
}

type checkFunc func(u pipeline.CheckUnit, opts *Options) []pipeline.Finding

func checkFuncFor(id string) checkFunc {
	switch id {
	case CheckUntranslated:
		return checkUntranslated
	case CheckNumber:
		return checkNumber
	case CheckWrongLanguage:
		return checkWrongLanguage
	case CheckGlossary:
		return checkGlossary
	case CheckOmission:
		return checkOmission
	case CheckPunctuation:
		return checkPunctuation
	case CheckWhitespace:
		return checkWhitespace
	case CheckRepeatedWord:
		return checkRepeatedWord
	case CheckMarkup:
		return checkMarkup
	case CheckSpelling:
		return checkSpelling
	case CheckConsistency:
		return checkConsistency
	}
	return nil
}

// Severity returns how serious findings of a check are: errors block submission, warnings
// inform. Unknown ids are warnings.
func Severity(checkID string) pipeline.Severity {
	switch checkID {
	case CheckUntranslated, CheckNumber, CheckWrongLanguage, CheckGlossary, CheckMarkup:
		return pipeline.SeverityError
	}
	return pipeline.SeverityWarning
}

// Check runs the selected checks on one unit and returns their findings in check order. An empty
// target is reported by the untranslated check only: the other checks have nothing to look at.
// A pseudo-translation is checked as its body (pipeline.PseudoBody). Texts that are not valid UTF-8 are checked as far as they can be; Check never panics on input.
func Check(u pipeline.CheckUnit, opts Options) []pipeline.Finding {
	ids := opts.Checks
	if len(ids) == 0 {
		ids = AllChecks
	}
	// A pseudo-translation is judged on what it carries over, not on its markers and padding.
	u.Target, opts.pseudo = pipeline.PseudoBody(u.Target)
	empty := isBlank(u.Target)
	opts.memo = &wordMemo{}
	if opts.Prepared != nil && !empty {
		opts.memo.seed(opts.Prepared.get(u.Source, u.SourceLang))
	}
	var out []pipeline.Finding
	for _, id := range ids {
		f := checkFuncFor(id)
		if f == nil || (empty && id != CheckUntranslated) {
			continue
		}
		out = append(out, f(u, &opts)...)
	}
	return out
}

// newFinding builds a finding of a check with its severity.
func newFinding(check, messageID string, data map[string]any) pipeline.Finding {
	return pipeline.Finding{Check: check, Severity: Severity(check), MessageID: messageID, Data: data}
}
