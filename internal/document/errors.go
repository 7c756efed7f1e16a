package document

import (
	"errors"

	"github.com/tilmash/tilmash/pipeline"
)

// Message IDs of the errors Parse returns. Their texts live in locales/document.*.toml.
const (
	msgTextEmpty       = "error.text_empty"
	msgTextInvalidUTF8 = "error.text_invalid_utf8"
	msgTextNoBody      = "error.text_no_body"
	msgFormatUnknown   = "error.format_unknown"
)

var (
	errTextEmpty   = errors.New("article text is empty")
	errInvalidUTF8 = errors.New("article text is not valid UTF-8")
	errNoBody      = errors.New("no article body found: only a title, navigation or a byline")
)

// invalid builds the invalid-input error a user sees for unusable article text.
func invalid(messageID string, cause error) *pipeline.Error {
	return pipeline.Errorf(pipeline.CodeInvalid, messageID, cause)
}
