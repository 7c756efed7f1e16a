package pgserver

import (
	"io"
	"strings"
	"sync"
)

// logTailSize is how much of the most recent server output is kept for
// error messages.
const logTailSize = 4 << 10

// logTail forwards server output to the caller's writer and remembers the
// last few kilobytes, so that a failed start can say why.
//
// Write never fails: if the caller's writer returns an error, the output is
// dropped rather than reported, because an error here would stop the copy
// from the server's stderr pipe and eventually block the server.
type logTail struct {
	mu  sync.Mutex
	out io.Writer
	buf []byte
}

func newLogTail(out io.Writer) *logTail {
	return &logTail{out: out}
}

// Write implements io.Writer.
func (l *logTail) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.out != nil {
		_, _ = l.out.Write(p)
	}
	l.buf = append(l.buf, p...)
	if over := len(l.buf) - logTailSize; over > 0 {
		l.buf = append(l.buf[:0], l.buf[over:]...)
	}
	return len(p), nil
}

// Tail returns the remembered output, starting at a line boundary.
func (l *logTail) Tail() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := string(l.buf)
	if len(l.buf) >= logTailSize {
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			s = s[i+1:]
		}
	}
	return strings.TrimSpace(s)
}

// Contains reports whether the remembered output mentions substr.
func (l *logTail) Contains(substr string) bool {
	return strings.Contains(l.Tail(), substr)
}
