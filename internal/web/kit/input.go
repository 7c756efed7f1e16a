package kit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/pipeline"
)

// Everything a person or a program sends is checked at the door, before any handler reads it:
// query parameters, url-encoded and multipart form fields, and raw bodies (JSON, CSV). NUL cannot
// be stored in PostgreSQL text and invalid UTF-8 would be stored as U+FFFD in place of what was
// sent (encoding/json replaces it without a word), so both are refused with 400 and the
// area's own error display; nothing is stored. Handlers then decode JSON with DecodeJSON, which
// checks the decoded fields: control characters in single-line fields and their length.

const (
	// MaxFormBytes bounds a form of the workbench and the newsroom, and any raw body sent there:
	// the largest is a comment or a send-back note of 4000 characters, far below it.
	MaxFormBytes = 1 << 20
	// maxLineRunes bounds a single-line value: the longest one people type is a finding's
	// dismissal reason, which the workbench form caps at 2000 characters.
	maxLineRunes = 2000
)

// multiLineFormFields are the form fields that take free text, which may span lines and hold
// any character but NUL: comments, and passwords.
var multiLineFormFields = map[string]bool{"body": true, "comment": true, "password": true, "text": true, "para": true}

// InputLimits are the largest request parts an area of the site reads at the door.
type InputLimits struct {
	body      int64 // a raw body: JSON, CSV
	form      int64 // a url-encoded form
	multipart int64 // a multipart form with its files
	file      int64 // the file in it, for the too-large message
}

// APIInputLimits are the API's: an article as JSON (text escaped up to six times its size), a
// termbase CSV of 10 MB, an uploaded file.
func APIInputLimits(maxBodyBytes int) InputLimits {
	file := int64(ingest.MaxFileBytes(maxBodyBytes))
	return InputLimits{body: max(int64(maxBodyBytes)*6+4096, MaxTermImportBytes), form: MaxFormBytes,
		multipart: file + 64<<10, file: file}
}

// ArticleFormInputLimits are the pages' that take a whole article, pasted, edited or as a file:
// the article limits, with room for a form's encoding of the text and the editor's decisions.
func ArticleFormInputLimits(maxBodyBytes int) InputLimits {
	if maxBodyBytes <= 0 {
		maxBodyBytes = pipeline.DefaultMaxBodyBytes
	}
	file := int64(ingest.MaxFileBytes(maxBodyBytes))
	return InputLimits{body: MaxFormBytes, form: int64(maxBodyBytes)*3 + 256<<10, multipart: file + 256<<10, file: file}
}

// PageInputLimits are the workbench's and the newsroom's, whose largest input is a comment.
var PageInputLimits = InputLimits{body: MaxFormBytes, form: MaxFormBytes, multipart: MaxFormBytes, file: MaxFormBytes}

// GuardInput refuses a request carrying a value that is not acceptable text, answering with
// fail (the API's JSON errors, or the workbench's page or JSON). It reads forms and bodies
// whole, up to lim, so a handler that ignores its body is covered too; the body it hands on is
// the same bytes.
func GuardInput(lim InputLimits, fail func(http.ResponseWriter, *http.Request, error)) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if err := checkQuery(r.URL.RawQuery); err != nil {
				fail(w, r, err)
				return
			}
			switch r.Method {
			case http.MethodGet, http.MethodHead, http.MethodOptions:
				next.ServeHTTP(w, r)
				return
			}
			mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
			var err error
			switch mt {
			case "application/x-www-form-urlencoded":
				err = checkURLEncodedForm(w, r, lim.form)
			case "multipart/form-data":
				err = checkMultipartForm(w, r, lim)
				if r.MultipartForm != nil {
					defer r.MultipartForm.RemoveAll() //nolint:errcheck // temporary files only
				}
			default:
				err = checkRawBody(w, r, lim.body, !strings.HasPrefix(mt, "text/"))
			}
			if err != nil {
				fail(w, r, err)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// checkQuery refuses a query string that cannot be read or holds a value that is not text.
func checkQuery(raw string) error {
	if raw == "" {
		return nil
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "input.query_invalid", Err: err}
	}
	return checkValues(q, func(string) bool { return false }, false)
}

func checkURLEncodedForm(w http.ResponseWriter, r *http.Request, limit int64) error {
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	if err := r.ParseForm(); err != nil {
		return formError(err)
	}
	return checkValues(r.PostForm, func(k string) bool { return multiLineFormFields[k] }, true)
}

func checkMultipartForm(w http.ResponseWriter, r *http.Request, lim InputLimits) error {
	r.Body = http.MaxBytesReader(w, r.Body, lim.multipart)
	if err := r.ParseMultipartForm(lim.multipart); err != nil {
		return UploadError(err, lim.file)
	}
	return checkValues(r.MultipartForm.Value, func(k string) bool { return multiLineFormFields[k] }, true)
}

func formError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return &pipeline.Error{Code: pipeline.CodeTooLarge, MessageID: "error.body_too_large", Err: err}
	}
	return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "input.form_invalid", Err: err}
}

// checkValues checks form or query fields, names and values, in the order of their names so that
// the same request always gets the same answer. limitLength applies maxLineRunes to single-line
// values (a query string is bounded by the header limit instead).
func checkValues(vs map[string][]string, multiLine func(string) bool, limitLength bool) error {
	keys := make([]string, 0, len(vs))
	for k := range vs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if fault, c := pipeline.CheckText(k, true); fault != pipeline.TextOK {
			return fieldError(fault, c, printable(k))
		}
		for _, v := range vs[k] {
			if err := checkValue(k, v, multiLine(k), limitLength); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkValue checks one field's value.
func checkValue(field, v string, multiLine, limitLength bool) error {
	if fault, c := pipeline.CheckText(v, !multiLine); fault != pipeline.TextOK {
		return fieldError(fault, c, field)
	}
	if !multiLine && limitLength && utf8.RuneCountInString(v) > maxLineRunes {
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "input.field_too_long",
			Data: map[string]any{"Field": field, "Max": maxLineRunes}}
	}
	return nil
}

func fieldError(fault pipeline.TextFault, c rune, field string) error {
	data := map[string]any{"Field": field}
	if fault == pipeline.TextControl {
		data["Code"] = pipeline.RuneCode(c)
	}
	return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "input.field_" + string(fault), Data: data}
}

// printable is a field name fit to quote in a message, whatever it holds.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || r == 0 || pipeline.IsControlChar(r) {
			return '?'
		}
		return r
	}, strings.ToValidUTF8(s, "?"))
}

// checkRawBody reads a body that is not a form whole and checks it with checkBody, then puts the
// same bytes back for the handler.
func checkRawBody(w http.ResponseWriter, r *http.Request, limit int64, isJSON bool) error {
	if r.Body == nil || r.Body == http.NoBody {
		return nil
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	r.Body.Close() // read to the end or refused
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return &pipeline.Error{Code: pipeline.CodeTooLarge, MessageID: "error.body_too_large", Err: err}
		}
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "input.form_invalid", Err: err}
	}
	if err := checkBody(data, isJSON); err != nil {
		return err
	}
	r.Body = io.NopCloser(bytes.NewReader(data))
	return nil
}

// checkBody refuses a raw body that is not UTF-8 or holds NUL, naming the line. In JSON it also
// refuses the escapes that decoding would turn into the same: \u0000, and a \u escape of half a
// surrogate pair, which encoding/json replaces with U+FFFD. Other escapes, and text outside
// strings, are the JSON decoder's to judge.
func checkBody(data []byte, isJSON bool) error {
	line := 1
	inString := false
	fail := func(id string) error {
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: id, Data: map[string]any{"Line": line}}
	}
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c == 0:
			return fail("input.body_nul")
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				return fail("input.body_invalid_utf8")
			}
			i += size
			continue
		case c == '\n':
			line++
		case isJSON && c == '"':
			inString = !inString
		case isJSON && inString && c == '\\' && i+1 < len(data):
			if data[i+1] != 'u' {
				i += 2 // \" \\ \n and the like
				continue
			}
			code, ok := hex4(data, i+2)
			if !ok {
				i += 2 // malformed: the decoder says so
				continue
			}
			switch {
			case code == 0:
				return fail("input.body_nul")
			case code >= 0xDC00 && code <= 0xDFFF:
				return fail("input.body_surrogate")
			case code >= 0xD800 && code <= 0xDBFF:
				low, ok := rune(0), i+8 < len(data) && data[i+6] == '\\' && data[i+7] == 'u'
				if ok {
					low, ok = hex4(data, i+8)
				}
				if !ok || low < 0xDC00 || low > 0xDFFF {
					return fail("input.body_surrogate")
				}
				i += 12
				continue
			}
			i += 6
			continue
		}
		i++
	}
	return nil
}

// hex4 reads the four hex digits of a \u escape at data[at:].
func hex4(data []byte, at int) (rune, bool) {
	if at+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[at : at+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// checkFields checks the string fields of a decoded JSON request: no NUL, UTF-8 (both already
// true of a body that passed checkBody), and for fields tagged `input:"line"` (names, bylines,
// categories, reasons, terms: a single line of plain text) no control characters other than
// tab and line breaks, and at most maxLineRunes. Other fields take free text, such as an article
// or a translation. Map keys are single-line. Field names in errors are the JSON names, with map
// keys: "terms.ru".
func checkFields(v any) error {
	return walkFields(reflect.ValueOf(v), "", true)
}

func walkFields(v reflect.Value, name string, multiLine bool) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return walkFields(v.Elem(), name, multiLine)
	case reflect.String:
		return checkValue(name, v.String(), multiLine, true)
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			jsonName, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || jsonName == "-" {
				continue
			}
			if jsonName == "" {
				jsonName = f.Name
			}
			if name != "" {
				jsonName = name + "." + jsonName
			}
			if err := walkFields(v.Field(i), jsonName, f.Tag.Get("input") != "line"); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return nil // json.RawMessage: its bytes passed checkBody, its decoder checks the rest
		}
		for i := range v.Len() {
			if err := walkFields(v.Index(i), name, multiLine); err != nil {
				return err
			}
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			field := name
			if k.Kind() == reflect.String {
				if err := checkValue(name, k.String(), false, true); err != nil {
					return err
				}
				field = name + "." + printable(k.String())
			}
			if err := walkFields(v.MapIndex(k), field, multiLine); err != nil {
				return err
			}
		}
	}
	return nil
}

// MaxTermImportBytes bounds a termbase CSV sent to the API.
const MaxTermImportBytes = 10 << 20

// Release times are refused outside [publishFloor, now + publishHorizon]. A release time is
// when news goes out: one before 2000 is a missing century or an empty date (year 1, year 25),
// one more than ten years ahead a mistyped year (2205 for 2025). Either would leave an edition
// embargoed for ever or dated in antiquity, and the reader site, feeds and sitemap would carry
// that date.
var publishFloor = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

const publishHorizon = 10 * 365 * 24 * time.Hour

// CheckPublishAt refuses a release time outside the sane range; raw is what was sent, for the
// message.
func CheckPublishAt(t, now time.Time, raw string) error {
	if t.Before(publishFloor) || t.After(now.Add(publishHorizon)) {
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "input.publish_at_range",
			Data: map[string]any{"Value": raw}}
	}
	return nil
}

// UploadError turns a failed multipart read into the error a person sees.
func UploadError(err error, limit int64) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) || errors.Is(err, multipart.ErrMessageTooLarge) {
		return TooLarge(limit)
	}
	return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.ingest.upload_invalid", Err: err}
}

// TooLarge is the refusal of an uploaded file over limit bytes.
func TooLarge(limit int64) error {
	return &pipeline.Error{Code: pipeline.CodeTooLarge, MessageID: "error.ingest.file_too_large",
		Data: map[string]any{"Limit": limit}, Err: fmt.Errorf("upload over %d bytes", limit)}
}
