package repair

import (
	"github.com/tilmash/tilmash/internal/text"
	"github.com/tilmash/tilmash/pipeline"
)

// Repairer holds the loaded word lists. It is read-only after New and safe for concurrent use.
type Repairer struct {
	langs map[pipeline.Lang]*lexicon
}

// New loads the embedded word lists of English, Russian and Kazakh.
func New() (*Repairer, error) {
	en, err := loadEnglish()
	if err != nil {
		return nil, err
	}
	ru, err := loadHunspell("ru", russianFunction)
	if err != nil {
		return nil, err
	}
	ru.stumps = true
	ru.extra = text.SupplementaryWords(string(pipeline.Russian))
	ru.extraHeads = map[string]bool{}
	for w := range ru.extra {
		ru.extraHeads[firstThree(w)] = true
	}
	kk, err := loadHunspell("kk", kazakhFunction)
	if err != nil {
		return nil, err
	}
	kk.endings = kazakhEndings
	kk.extra = text.SupplementaryWords(string(pipeline.Kazakh))
	kk.loans = ru.dict
	return &Repairer{langs: map[pipeline.Lang]*lexicon{
		pipeline.English: en, pipeline.Russian: ru, pipeline.Kazakh: kk,
	}}, nil
}

// Repair returns text with its damage repaired, every change it made (in byte offsets of text)
// and the tokens it was unsure of. The stages run in order, each on the output of the one
// before: Unicode NFC, spaces, dashes and quotes, then words run together. Chinese text, and
// text in a language without word lists, is returned unchanged.
func (r *Repairer) Repair(text string, lang pipeline.Lang) Result {
	lex := r.langs[lang]
	if lex == nil {
		return Result{Text: text}
	}
	lex = lex.forArticle()
	l := newLedger(text)
	l.apply(nfcEdits(l.text))
	l.apply(spaceEdits(l.text))
	l.apply(collapseEdits(l.text))
	l.apply(dashEdits(l.text))
	l.apply(quoteEdits(l.text, lang))

	words := letterWords(l.text)
	voc := buildVocab(l.text, words)
	seg := &segmenter{lex: lex, voc: voc, english: lang == pipeline.English, kazakh: lang == pipeline.Kazakh,
		verdicts: make(map[string]verdict, len(voc.forms))}
	j := newJoiner(seg, "«„", "»”")
	if seg.english {
		j = newJoiner(seg, "“‘«„", "”»")
	}
	edits, qs := j.edits(l.text, words)
	// Questions are mapped to the input through the changes made before the join stage, which
	// is the text they were found in.
	questions := make([]Question, 0, len(qs))
	m := l.mapper()
	for _, q := range qs {
		s, e := m.toInput(q.start, false), m.toInput(q.end, true)
		questions = append(questions, Question{Start: s, End: e, Token: text[s:e],
			Candidates: q.candidates, Reason: q.reason})
	}
	l.apply(edits)
	return Result{Text: l.text, Changes: l.changes, Questions: questions}
}
