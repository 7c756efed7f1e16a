package batch

import (
	"fmt"
	"strings"
)

// Limits bound one request to a service.
type Limits struct {
	MaxTexts int // texts per request; 0 means no limit
	MaxBytes int // Overhead plus the sizes of the texts; 0 means no limit
	Overhead int // what every request costs besides its texts, such as the JSON envelope
}

// Batch is one request's share of the input: the texts and their positions in the input.
type Batch struct {
	Texts   []string
	Indexes []int
}

// TooLargeError reports a single text that does not fit into a request on its own.
type TooLargeError struct {
	Index int // position in the input
	Size  int // its size as the service counts it, overhead included
	Limit int
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("text %d needs %d bytes in a request, the limit is %d", e.Index, e.Size, e.Limit)
}

// Split cuts the non-blank texts into consecutive batches, filling each as far as the limits
// allow (greedy, which gives the fewest requests for texts in a fixed order). size gives a text's
// cost in bytes; nil means its UTF-8 length. A text that is over the limit on its own is a
// *TooLargeError.
func Split(texts []string, l Limits, size func(string) int) ([]Batch, error) {
	if size == nil {
		size = func(s string) int { return len(s) }
	}
	var out []Batch
	var cur Batch
	curBytes := l.Overhead
	for i, t := range texts {
		if strings.TrimSpace(t) == "" {
			continue
		}
		n := size(t)
		if l.MaxBytes > 0 && l.Overhead+n > l.MaxBytes {
			return nil, &TooLargeError{Index: i, Size: l.Overhead + n, Limit: l.MaxBytes}
		}
		full := (l.MaxTexts > 0 && len(cur.Texts) >= l.MaxTexts) ||
			(l.MaxBytes > 0 && curBytes+n > l.MaxBytes)
		if full && len(cur.Texts) > 0 {
			out = append(out, cur)
			cur, curBytes = Batch{}, l.Overhead
		}
		cur.Texts = append(cur.Texts, t)
		cur.Indexes = append(cur.Indexes, i)
		curBytes += n
	}
	if len(cur.Texts) > 0 {
		out = append(out, cur)
	}
	return out, nil
}
