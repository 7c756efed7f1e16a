package interchange

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// EditionStore is what exchanging an edition needs from storage.
type EditionStore interface {
	FindEditionContent(ctx context.Context, articleID int64, lang pipeline.Lang) (pipeline.EditionContent, error)
	FindSuggestions(ctx context.Context, editionID int64) (map[int64][]pipeline.MemoryMatch, error)
	FindConcepts(ctx context.Context) ([]pipeline.Concept, error)
	// FindTranslationsAt returns segment translations as they were at the given versions (by
	// segment ID), from their history; versions without a history row are absent.
	FindTranslationsAt(ctx context.Context, editionID int64, versions map[int64]int) (map[int64]pipeline.SegmentTranslation, error)
	// CheckSegmentCurrent returns the source-changed conflict for a segment of an older revision
	// of the article, nil otherwise.
	CheckSegmentCurrent(ctx context.Context, articleID int64, lang pipeline.Lang, segmentID int64) error
	// SaveSegments saves people's texts as SaveSegment does, one refusal per update.
	SaveSegments(ctx context.Context, updates []pipeline.SegmentUpdate) ([]error, error)
}

// Localize renders a go-i18n message with its data in the reader's language.
type Localize func(messageID string, data map[string]any) string

// ExportOptions says how to export an edition.
type ExportOptions struct {
	Version  string   // XLIFF12 or XLIFF21
	Localize Localize // for the notes; nil writes message IDs
	// FindTerm reports whether text holds term (in any inflected form); nil compares
	// case-insensitively.
	FindTerm func(text, term string, lang pipeline.Lang) bool
}

// maxMatches is how many memory suggestions a unit carries.
const maxMatches = 3

// LoadEdition gathers what an exchange file carries for an edition of an article: every segment
// of its current revision with its translation, version and state, its open findings, the terms
// found in it and its memory suggestions. The source edition has nothing to translate and is
// refused.
func LoadEdition(ctx context.Context, st EditionStore, articleID int64, lang pipeline.Lang, opts ExportOptions) (*EditionFile, error) {
	c, err := st.FindEditionContent(ctx, articleID, lang)
	if err != nil {
		return nil, err
	}
	if c.Edition.IsSource {
		return nil, errSourceEdition(lang)
	}
	sugs, err := st.FindSuggestions(ctx, c.Edition.ID)
	if err != nil {
		return nil, err
	}
	concepts, err := st.FindConcepts(ctx)
	if err != nil {
		return nil, err
	}
	loc := opts.Localize
	if loc == nil {
		loc = func(id string, _ map[string]any) string { return id }
	}
	find := opts.FindTerm
	if find == nil {
		find = func(text, term string, _ pipeline.Lang) bool {
			return strings.Contains(strings.ToLower(text), strings.ToLower(term))
		}
	}
	findings := map[int64][]pipeline.Finding{}
	for _, f := range c.Findings {
		if !f.Dismissed {
			findings[f.SegmentID] = append(findings[f.SegmentID], f)
		}
	}
	src := c.Article.SourceLang
	keys := pipeline.SegmentKeys(c.Segments)
	f := &EditionFile{Article: c.Article, Edition: c.Edition, Units: make([]Unit, len(c.Segments))}
	for i, sg := range c.Segments {
		u := Unit{Key: keys[i], Segment: sg, Translation: c.Translations[sg.ID]}
		for _, fd := range findings[sg.ID] {
			prio := 5
			if fd.Severity == pipeline.SeverityError {
				prio = 1
			}
			u.Notes = append(u.Notes, Note{Category: "finding", Priority: prio,
				Text: loc("interchange.note.finding", map[string]any{"Message": loc(fd.MessageID, copyData(fd.Data))})})
		}
		plain := pipeline.StripPlaceholdersOf(sg.Text, sg.Inline)
		for _, cn := range concepts {
			term := cn.Terms[src]
			if term == "" || !find(plain, term, src) {
				continue
			}
			data := map[string]any{"Source": term, "Target": cn.Terms[lang], "Forbidden": strings.Join(cn.Forbidden[lang], ", ")}
			id := "interchange.note.term"
			switch {
			case cn.DoNotTranslate:
				id = "interchange.note.term_dnt"
			case cn.Terms[lang] == "":
				id = "interchange.note.term_missing"
			case len(cn.Forbidden[lang]) > 0:
				id = "interchange.note.term_forbidden"
			}
			text := loc(id, data)
			if cn.Note != "" {
				text += " (" + cn.Note + ")"
			}
			u.Notes = append(u.Notes, Note{Category: "term", Priority: 3, Text: text})
		}
		for _, m := range sugs[sg.ID] {
			if len(u.Matches) == maxMatches {
				break
			}
			if m.Entry.Target != u.Translation.Text {
				u.Matches = append(u.Matches, m)
			}
		}
		f.Units[i] = u
	}
	return f, nil
}

func copyData(d map[string]any) map[string]any {
	out := make(map[string]any, len(d))
	for k, v := range d {
		out[k] = v
	}
	return out
}

func errSourceEdition(lang pipeline.Lang) error {
	return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "interchange.source_edition",
		Data: map[string]any{"Lang": string(lang)}, Err: fmt.Errorf("the %s edition is the source: there is nothing to translate", lang)}
}

// ExportEdition writes an edition as XLIFF (opts.Version) to w.
func ExportEdition(ctx context.Context, st EditionStore, articleID int64, lang pipeline.Lang, w io.Writer, opts ExportOptions) error {
	f, err := LoadEdition(ctx, st, articleID, lang, opts)
	if err != nil {
		return err
	}
	return f.WriteXLIFF(w, opts.Version)
}

// ImportOptions says who imports and how the texts are checked.
type ImportOptions struct {
	User string
	// Check runs the automated checks on a text, as a workbench save does; nil runs none.
	Check func(pipeline.CheckUnit) []pipeline.Finding
}

// UnitResult is what an import did with one unit.
type UnitResult struct {
	Unit      string                 `json:"unit"`
	SegmentID int64                  `json:"segment_id,omitempty"`
	Outcome   pipeline.ImportOutcome `json:"outcome"`
	// MessageID and Data say why, for conflicts and refusals; Message is that, rendered by the
	// caller in the reader's language.
	MessageID string         `json:"-"`
	Data      map[string]any `json:"-"`
	Message   string         `json:"message,omitempty"`
	// Current is the segment's text in Tilmash, for conflicts.
	Current string `json:"current,omitempty"`
}

// ImportReport is what an import did with a file.
type ImportReport struct {
	ArticleID int64         `json:"article_id"`
	Lang      pipeline.Lang `json:"lang"`
	Applied   int           `json:"applied"`
	Unchanged int           `json:"unchanged"`
	Conflicts int           `json:"conflicts"`
	Refused   int           `json:"refused"`
	Units     []UnitResult  `json:"units"`
}

// Localize renders every unit's message with loc.
func (r *ImportReport) Localize(loc Localize) {
	for i, u := range r.Units {
		if u.MessageID != "" {
			r.Units[i].Message = loc(u.MessageID, copyData(u.Data))
		}
	}
}

// maxTextBytes bounds one imported text, as the API bounds a saved segment.
const maxTextBytes = 64 << 10

// FileTarget reads which edition an exported file belongs to, from the attributes Tilmash
// writes; ok is false for files that do not say.
func FileTarget(f *XLIFFFile) (articleID int64, lang pipeline.Lang, ok bool) {
	id, err := strconv.ParseInt(f.Ext["article"], 10, 64)
	if err != nil || id <= 0 {
		return 0, "", false
	}
	l, err := pipeline.ParseLang(f.Ext["lang"])
	if err != nil {
		l, err = LangOf(f.TargetLang, "target", ErrXLIFF)
		if err != nil {
			return 0, "", false
		}
	}
	return id, l, true
}

// ImportEdition applies a translated XLIFF file to an edition of an article. The file must be in
// the article's source language and the edition's target language, and name no other article;
// the edition must be one people may edit. Then each unit is decided on its own
// (pipeline.DecideImport) and the texts to apply, checked as a workbench save checks them, are
// saved through the store's segment save: a partly bad file applies its good units, and the
// report says what happened to every unit. An error means nothing was applied.
func ImportEdition(ctx context.Context, st EditionStore, articleID int64, lang pipeline.Lang, f *XLIFFFile, opts ImportOptions) (*ImportReport, error) {
	c, err := st.FindEditionContent(ctx, articleID, lang)
	if err != nil {
		return nil, err
	}
	if c.Edition.IsSource {
		return nil, errSourceEdition(lang)
	}
	src, tgt, err := f.Langs()
	if err != nil {
		return nil, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "interchange.file_invalid",
			Data: map[string]any{"Problem": problem(err)}, Err: err}
	}
	if src != c.Article.SourceLang || tgt != lang {
		return nil, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "interchange.wrong_langs",
			Data: map[string]any{"File": string(src) + "→" + string(tgt), "Edition": string(c.Article.SourceLang) + "→" + string(lang)},
			Err:  fmt.Errorf("the file is %s→%s, the edition %s→%s", src, tgt, c.Article.SourceLang, lang)}
	}
	if id, _, ok := FileTarget(f); ok && id != articleID {
		return nil, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "interchange.wrong_article",
			Data: map[string]any{"File": id, "Article": articleID}, Err: fmt.Errorf("the file was exported from article %d", id)}
	}
	if err := c.Edition.State.CheckEditable(); err != nil {
		return nil, err
	}

	bySegKey := map[string]int{}
	for i, k := range pipeline.SegmentKeys(c.Segments) {
		bySegKey[k] = i
	}
	rep := &ImportReport{ArticleID: articleID, Lang: lang, Units: make([]UnitResult, len(f.Units))}
	type pending struct {
		unit    int
		seg     pipeline.Segment
		in      pipeline.ImportedUnit
		segment pipeline.ImportSegment
	}
	var work []pending
	seen := map[string]bool{}
	bySource := map[string]int{}
	older := map[int64]int{} // segment → the version a unit was exported at, when not the current one
	for i, u := range f.Units {
		rep.Units[i] = UnitResult{Unit: u.ID}
		if seen[u.ID] {
			rep.Units[i].Outcome, rep.Units[i].MessageID = pipeline.ImportRefused, "interchange.duplicate_unit"
			continue
		}
		seen[u.ID] = true
		in := pipeline.ImportedUnit{HasText: u.HasTarget, Confirmed: confirmedState(f.Version, u.State, u.Approved)}
		in.Version, _ = strconv.Atoi(u.Ext["version"])
		var is pipeline.ImportSegment
		var sg pipeline.Segment
		at, ok := bySegKey[u.ID]
		if !ok && u.Ext["segment"] == "" {
			// A unit from a file that did not come from Tilmash (po2xliff and the like): its source
			// text is its key, the nth unit with a text being that text's nth segment.
			text := genericText(u.Source)
			bySource[pipeline.AlignKey(text)]++
			at, ok = bySegKey[pipeline.SegmentKey(text, bySource[pipeline.AlignKey(text)])]
		}
		if ok {
			sg = c.Segments[at]
			is = pipeline.ImportSegment{Found: true, Source: sg.Text, Inline: sg.Inline, Current: c.Translations[sg.ID]}
			rep.Units[i].SegmentID = sg.ID
			if in.Version == is.Current.Version {
				cur := is.Current
				is.Exported = &cur
			} else if in.Version > 0 {
				older[sg.ID] = in.Version
			}
		} else if segID, err := strconv.ParseInt(u.Ext["segment"], 10, 64); err == nil && segID > 0 {
			is.SourceChanged = pipeline.ErrorCode(st.CheckSegmentCurrent(ctx, articleID, lang, segID)) == pipeline.CodeConflict
		}
		if is.Found && u.HasTarget {
			in.Text, in.Problem = fromContent(u.Target, sg.Inline)
			if in.Problem == nil {
				in.Problem = checkImportedText(in.Text)
			}
			// A target whose markup the export had to leave out comes back as the export wrote it.
			if in.Problem == nil && in.Text == exportedText(is.Current.Text, sg.Inline) {
				in.Text = is.Current.Text
			}
		}
		work = append(work, pending{unit: i, seg: sg, in: in, segment: is})
	}
	if len(older) > 0 {
		at, err := st.FindTranslationsAt(ctx, c.Edition.ID, older)
		if err != nil {
			return nil, err
		}
		for i := range work {
			w := &work[i]
			if v, ok := older[w.seg.ID]; ok && w.segment.Found {
				if t, ok := at[w.seg.ID]; ok {
					w.segment.Exported = &t
				} else if v == 1 { // a segment's first version, before any history: empty
					w.segment.Exported = &pipeline.SegmentTranslation{Version: 1, State: pipeline.SegmentEmpty}
				}
				if w.segment.Exported != nil && w.in.Text == exportedText(w.segment.Exported.Text, w.seg.Inline) {
					w.in.Text = w.segment.Exported.Text
				}
			}
		}
	}

	var concepts []pipeline.Concept
	var updates []pipeline.SegmentUpdate
	var applied []int // indexes into rep.Units, parallel to updates
	for _, w := range work {
		d := pipeline.DecideImport(w.in, w.segment)
		res := &rep.Units[w.unit]
		res.Outcome = d.Outcome
		if d.Err != nil {
			res.MessageID, res.Data = d.Err.MessageID, d.Err.Data
			if d.Outcome == pipeline.ImportConflict {
				res.Current = w.segment.Current.Text
			}
		}
		if d.Outcome != pipeline.ImportApplied {
			continue
		}
		updates = append(updates, pipeline.SegmentUpdate{EditionID: c.Edition.ID, SegmentID: w.seg.ID, Text: w.in.Text,
			BaseVersion: w.segment.Current.Version, Confirm: d.Action == pipeline.SegmentConfirm, User: opts.User})
		applied = append(applied, w.unit)
	}
	if len(updates) > 0 && opts.Check != nil {
		if concepts, err = st.FindConcepts(ctx); err != nil {
			return nil, err
		}
		sources := map[int64]string{}
		for _, sg := range c.Segments {
			sources[sg.ID] = sg.Text
		}
		// The checks, as a workbench save runs them, on every text to apply; they take CPU, not
		// the database, so they run on every core.
		var wg sync.WaitGroup
		next := make(chan int)
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for i := range next {
					u := &updates[i]
					for _, fd := range opts.Check(pipeline.CheckUnit{SourceLang: c.Article.SourceLang, TargetLang: lang,
						Source: sources[u.SegmentID], Target: u.Text, Terms: concepts}) {
						fd.SegmentID = u.SegmentID
						u.Findings = append(u.Findings, fd)
					}
				}
			})
		}
		for i := range updates {
			next <- i
		}
		close(next)
		wg.Wait()
	}
	if len(updates) > 0 {
		errs, err := st.SaveSegments(ctx, updates)
		if err != nil {
			return nil, err
		}
		for i, e := range errs {
			if e == nil {
				continue
			}
			res := &rep.Units[applied[i]]
			var pe *pipeline.Error
			errors.As(e, &pe)
			res.Outcome = pipeline.ImportRefused
			if pe.Code == pipeline.CodeConflict {
				res.Outcome = pipeline.ImportConflict
				if t, ok := pe.Data["Text"].(string); ok {
					res.Current = t
				}
			}
			res.MessageID, res.Data = pe.MessageID, pe.Data
		}
	}
	for _, u := range rep.Units {
		switch u.Outcome {
		case pipeline.ImportApplied:
			rep.Applied++
		case pipeline.ImportUnchanged:
			rep.Unchanged++
		case pipeline.ImportConflict:
			rep.Conflicts++
		case pipeline.ImportRefused:
			rep.Refused++
		}
	}
	return rep, nil
}

// checkImportedText refuses a text the API would refuse for a segment: over 64 KB, or with a
// control character (XML cannot carry NUL).
func checkImportedText(s string) *pipeline.Error {
	if len(s) > maxTextBytes {
		return &pipeline.Error{Code: pipeline.CodeTooLarge, MessageID: "interchange.text_too_long",
			Data: map[string]any{"Max": maxTextBytes}}
	}
	if fault, r := pipeline.CheckText(s, false); fault != pipeline.TextOK {
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "interchange.text_invalid",
			Data: map[string]any{"Code": pipeline.RuneCode(r)}}
	}
	if !utf8.ValidString(s) {
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "interchange.text_invalid", Data: map[string]any{"Code": "UTF-8"}}
	}
	return nil
}

// problem is a reader's error without the format's prefix, for a person to read.
func problem(err error) string {
	s := err.Error()
	for _, k := range []error{ErrXLIFF, ErrTMX, ErrTBX} {
		s = strings.TrimPrefix(s, k.Error()+": ")
	}
	return s
}

// ReadError wraps a reader's refusal of a file as an invalid-input error a person can read.
func ReadError(err error) error {
	if pe := (*pipeline.Error)(nil); errors.As(err, &pe) {
		return err
	}
	if errors.Is(err, ErrXLIFF) || errors.Is(err, ErrTMX) || errors.Is(err, ErrTBX) {
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "interchange.file_invalid",
			Data: map[string]any{"Problem": problem(err)}, Err: err}
	}
	return err
}
