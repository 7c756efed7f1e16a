package pipeline

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
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

// ReadConceptsCSV reads a termbase CSV. Errors name the line and are *Error with CodeInvalid.
func ReadConceptsCSV(r io.Reader) ([]Concept, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, termCSVError(1, "missing header row", err)
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
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, termCSVError(line, "malformed row", err)
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
		for _, s := range append(append([]string{}, rec...), c.Note) {
			if !utf8.ValidString(s) || len(s) > 500 {
				return nil, termCSVError(line, "a field is not valid UTF-8 or longer than 500 bytes", nil)
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

func termCSVError(line int, msg string, cause error) *Error {
	err := fmt.Errorf("termbase CSV line %d: %s", line, msg)
	if cause != nil {
		err = fmt.Errorf("%w: %w", err, cause)
	}
	return &Error{Code: CodeInvalid, MessageID: "error.terms_csv_invalid",
		Data: map[string]any{"Line": line, "Problem": msg}, Err: err}
}
