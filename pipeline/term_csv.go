package pipeline

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// The termbase CSV format, shared by `tilmash terms import`, `GET /api/v1/terms?format=csv` and
// `tilmash qa --terms`: a header row, then one concept per row.
//
//	en,ru,kk,zh,note,do_not_translate,forbidden_en,forbidden_ru,forbidden_kk,forbidden_zh
//
// Columns may come in any order and all but one language column may be left out; forbidden
// variants are separated by "|"; do_not_translate is true or false (empty is false).
var termCSVColumns = []string{"en", "ru", "kk", "zh", "note", "do_not_translate",
	"forbidden_en", "forbidden_ru", "forbidden_kk", "forbidden_zh"}

// MaxTermFieldBytes bounds a term, a forbidden variant and a note, in the CSV and the API alike,
// so that whatever the API stores exports and imports again.
const MaxTermFieldBytes = 500

// ReadConceptsCSV reads a termbase CSV. Errors name the line and are *Error with CodeInvalid.
// The file is read whole before anything is returned, so a bad row anywhere means nothing is
// imported. Every row must have exactly the header's columns: a short row is a file cut or
// shifted by a stray separator, and reading it as empty cells would store terms in the wrong
// languages. Fields must be UTF-8 without NUL or control characters (tab and line breaks aside).
func ReadConceptsCSV(r io.Reader) ([]Concept, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if pe := (*Error)(nil); errors.As(err, &pe) {
			return nil, pe
		}
		return nil, termCSVError(csvErrorLine(err, 1), "missing header row", err)
	}
	if err := checkCSVFields(cr, header); err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		known := false
		for _, c := range termCSVColumns {
			known = known || c == h
		}
		if !known {
			return nil, termCSVError(1, fmt.Sprintf("unknown column %q (known: %s)", h, strings.Join(termCSVColumns, ", ")), nil)
		}
		if _, dup := col[h]; dup {
			return nil, termCSVError(1, fmt.Sprintf("column %q appears twice", h), nil)
		}
		col[h] = i
	}
	hasLang := false
	for _, l := range Languages {
		_, ok := col[string(l)]
		hasLang = hasLang || ok
	}
	if !hasLang {
		return nil, termCSVError(1, "no language column (en, ru, kk or zh)", nil)
	}
	var out []Concept
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			if pe := (*Error)(nil); errors.As(err, &pe) {
				return nil, pe // the reader's own refusal, which names the line
			}
			return nil, termCSVError(csvErrorLine(err, 0), "malformed row", err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a line of spaces: blank
		}
		if err := checkCSVFields(cr, rec); err != nil {
			return nil, err
		}
		if len(rec) != len(header) {
			return nil, &Error{Code: CodeInvalid, MessageID: "input.csv_columns",
				Data: map[string]any{"Line": line, "Got": len(rec), "Want": len(header)},
				Err:  fmt.Errorf("termbase CSV line %d: %d columns, the header has %d", line, len(rec), len(header))}
		}
		field := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		c := Concept{Terms: map[Lang]string{}, Forbidden: map[Lang][]string{}, Note: field("note")}
		for _, l := range Languages {
			if t := field(string(l)); t != "" {
				c.Terms[l] = t
			}
			for _, v := range strings.Split(field("forbidden_"+string(l)), "|") {
				if v = strings.TrimSpace(v); v != "" {
					c.Forbidden[l] = append(c.Forbidden[l], v)
				}
			}
		}
		switch strings.ToLower(field("do_not_translate")) {
		case "", "false", "no", "0":
		case "true", "yes", "1":
			c.DoNotTranslate = true
		default:
			return nil, termCSVError(line, fmt.Sprintf("do_not_translate must be true or false, not %q", field("do_not_translate")), nil)
		}
		if len(c.Terms) == 0 {
			if strings.TrimSpace(strings.Join(rec, "")) == "" {
				continue // a blank line
			}
			return nil, termCSVError(line, "no term in any language", nil)
		}
		for _, s := range rec {
			if len(s) > MaxTermFieldBytes {
				return nil, termCSVError(line, fmt.Sprintf("a field is longer than %d bytes", MaxTermFieldBytes), nil)
			}
		}
		out = append(out, c)
	}
}

// WriteConceptsCSV writes concepts in the termbase CSV format, with every column.
func WriteConceptsCSV(w io.Writer, concepts []Concept) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(termCSVColumns); err != nil {
		return err
	}
	for _, c := range concepts {
		rec := []string{c.Terms[English], c.Terms[Russian], c.Terms[Kazakh], c.Terms[Chinese], c.Note,
			fmt.Sprint(c.DoNotTranslate)}
		for _, l := range Languages {
			rec = append(rec, strings.Join(c.Forbidden[l], "|"))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// checkCSVFields refuses a record with a field that is not text, naming the line the field is on
// (a quoted field may span lines, so this is not the record's number).
func checkCSVFields(cr *csv.Reader, rec []string) error {
	for i, f := range rec {
		fault, c := CheckText(f, true)
		if fault == TextOK {
			continue
		}
		line, _ := cr.FieldPos(i)
		data := map[string]any{"Line": line}
		if fault == TextControl {
			data["Code"] = RuneCode(c)
		}
		return &Error{Code: CodeInvalid, MessageID: "input.csv_" + string(fault), Data: data,
			Err: fmt.Errorf("termbase CSV line %d: %s", line, fault)}
	}
	return nil
}

// csvErrorLine is the line a CSV parse error names, or fallback.
func csvErrorLine(err error, fallback int) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) && pe.Line > 0 {
		return pe.Line
	}
	return fallback
}

func termCSVError(line int, msg string, cause error) *Error {
	err := fmt.Errorf("termbase CSV line %d: %s", line, msg)
	if cause != nil {
		err = fmt.Errorf("%w: %w", err, cause)
	}
	return &Error{Code: CodeInvalid, MessageID: "error.terms_csv_invalid",
		Data: map[string]any{"Line": line, "Problem": msg}, Err: err}
}
