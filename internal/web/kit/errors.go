package kit

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"unicode"

	"github.com/tilmash/tilmash/pipeline"
)

// Errors travel as *pipeline.Error with a code and a go-i18n message ID; they become words only
// here, at the edge, in the language of whoever asked.
var (
	ErrInternal  = &pipeline.Error{Code: "internal", MessageID: "error.internal"}
	ErrForbidden = &pipeline.Error{Code: pipeline.CodeForbidden, MessageID: "error.forbidden"}
	ErrNotFound  = &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"}
)

// Status maps an error code to its HTTP status.
func Status(code pipeline.Code) int {
	switch code {
	case pipeline.CodeInvalid:
		return http.StatusBadRequest
	case pipeline.CodeNotFound:
		return http.StatusNotFound
	case pipeline.CodeConflict:
		return http.StatusConflict
	case pipeline.CodeForbidden:
		return http.StatusForbidden
	case pipeline.CodeUnauthorized:
		return http.StatusUnauthorized
	case pipeline.CodeTooLarge:
		return http.StatusRequestEntityTooLarge
	case pipeline.CodeIllegalState:
		return http.StatusConflict
	}
	return http.StatusInternalServerError
}

// apiError is the JSON body of every error response.
type apiError struct {
	Error struct {
		Code    string         `json:"code"`
		Message string         `json:"message"`
		Detail  map[string]any `json:"detail,omitempty"`
	} `json:"error"`
}

// WriteError answers with the error's status and its message in the requester's language, as
// JSON. Errors without a code are logged and answered with a generic message: their text may
// hold details that are not for the client.
func (b *Base) WriteError(w http.ResponseWriter, r *http.Request, err error) {
	var pe *pipeline.Error
	if !errors.As(err, &pe) || pe.Code == "" {
		b.Logger.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "error", err)
		pe = ErrInternal
	}
	code := Status(pe.Code)
	if code == http.StatusInternalServerError && pe != ErrInternal {
		b.Logger.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "error", err)
	}
	var body apiError
	body.Error.Code = string(pe.Code)
	body.Error.Message = b.Localizer(AcceptLang(r)).Message(pe)
	if pe.Code == pipeline.CodeConflict && pe.MessageID == "error.segment_conflict" {
		// The message data is keyed for the message templates (Text, By); the JSON names its
		// fields in snake_case like every other body.
		cur := make(map[string]any, len(pe.Data))
		for k, v := range pe.Data {
			cur[SnakeCase(k)] = v
		}
		body.Error.Detail = map[string]any{"current": cur}
	}
	WriteJSON(w, code, body)
}

// SnakeCase writes a Go name (UpdatedBy, Text) as a JSON field name (updated_by, text).
func SnakeCase(name string) string {
	var b strings.Builder
	for i, r := range name {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// WriteJSON answers with v as JSON.
func WriteJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v) //nolint:errcheck // the client went away
}

// DecodeJSON reads a JSON body of at most limit bytes into v, with clear errors for bodies that
// are too large, malformed, or carry unknown fields. The raw bytes are checked before decoding
// (checkBody: UTF-8, no NUL, no escapes that decode to NUL or U+FFFD) and the decoded fields
// after (checkFields), so that every JSON endpoint refuses what cannot be stored as sent.
func DecodeJSON(w http.ResponseWriter, r *http.Request, limit int64, v any) error {
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	data, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return &pipeline.Error{Code: pipeline.CodeTooLarge, MessageID: "error.body_too_large", Err: err}
		}
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.json_invalid",
			Data: map[string]any{"Detail": err.Error()}, Err: err}
	}
	if err := checkBody(data, true); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.json_invalid",
			Data: map[string]any{"Detail": err.Error()}, Err: err}
	}
	if dec.More() {
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.json_invalid",
			Data: map[string]any{"Detail": "unexpected data after the JSON value"}}
	}
	return checkFields(v)
}

// CopyData copies an error's or a finding's message data, so that translating it does not
// change the original.
func CopyData(d map[string]any) map[string]any {
	out := make(map[string]any, len(d))
	for k, v := range d {
		out[k] = v
	}
	return out
}
