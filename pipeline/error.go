package pipeline

import (
	"errors"
	"time"
)

// Code classifies an error so that each edge can react to it: the web layer picks an HTTP
// status, the workers decide between retrying, snoozing and failing for good.
type Code string

const (
	CodeInvalid      Code = "invalid"       // the input is malformed or not acceptable
	CodeNotFound     Code = "not_found"     // the thing asked for does not exist
	CodeConflict     Code = "conflict"      // a stale version or a duplicate
	CodeForbidden    Code = "forbidden"     // signed in, but not allowed
	CodeUnauthorized Code = "unauthorized"  // not signed in
	CodeTooLarge     Code = "too_large"     // the input is over a size limit
	CodeIllegalState Code = "illegal_state" // the action does not fit the current state

	// Provider outcomes, as machine-translation adapters report them.
	CodeRateLimited Code = "rate_limited" // try again after RetryAfter, without counting an attempt
	CodeUnavailable Code = "unavailable"  // 5xx, timeouts, connection errors: retry with backoff
	CodeAuth        Code = "auth"         // rejected credentials: retrying will not help
	CodeUnsupported Code = "unsupported"  // the provider does not offer this language pair
	CodeBadResponse Code = "bad_response" // the provider answered something unusable
)

// Error is an error a person may read. MessageID names a go-i18n message that the edge translates
// into the viewer's language with Data as its template data; Err keeps the technical cause for logs
// and must never carry secrets.
type Error struct {
	Code       Code
	MessageID  string
	Data       map[string]any
	RetryAfter time.Duration // with CodeRateLimited: how long the provider asked us to wait
	Err        error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Err.Error()
	}
	return string(e.Code) + ": " + e.MessageID
}

func (e *Error) Unwrap() error { return e.Err }

// ErrorCode returns the Code of the first *Error in err's chain, or "" when there is none.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// Errorf builds an *Error with the given code and message ID around a technical cause.
func Errorf(code Code, messageID string, cause error) *Error {
	return &Error{Code: code, MessageID: messageID, Err: cause}
}
