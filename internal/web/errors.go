package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/tilmash/tilmash/pipeline"
)

var errInternal = &pipeline.Error{Code: "internal", MessageID: "error.internal"}

// status maps an error code to its HTTP status.
func status(code pipeline.Code) int {
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

// writeError answers with the error's status and its message in the requester's language.
// Errors without a code are logged and answered with a generic message: their text may hold
// details that are not for the client.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var pe *pipeline.Error
	if !errors.As(err, &pe) || pe.Code == "" {
		s.cfg.Logger.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "error", err)
		pe = errInternal
	}
	code := status(pe.Code)
	if code == http.StatusInternalServerError && pe != errInternal {
		s.cfg.Logger.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "error", err)
	}
	var body apiError
	body.Error.Code = string(pe.Code)
	loc := s.localizer(acceptLang(r))
	data := map[string]any{}
	for k, v := range pe.Data {
		data[k] = v
	}
	if n, ok := data["Count"].(int); ok {
		body.Error.Message = loc.T(pe.MessageID, data, n)
	} else {
		body.Error.Message = loc.T(pe.MessageID, data)
	}
	if pe.Code == pipeline.CodeConflict && pe.MessageID == "error.segment_conflict" {
		body.Error.Detail = map[string]any{"current": pe.Data}
	}
	writeJSON(w, code, body)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v) //nolint:errcheck // the client went away
}

// decodeJSON reads a JSON body of at most limit bytes into v, with clear errors for bodies that
// are too large, malformed, or carry unknown fields. The raw bytes are checked before decoding
// (checkBody: UTF-8, no NUL, no escapes that decode to NUL or U+FFFD) and the decoded fields
// after (checkFields), so that every JSON endpoint refuses what cannot be stored as sent.
func decodeJSON(w http.ResponseWriter, r *http.Request, limit int64, v any) error {
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
