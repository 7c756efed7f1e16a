package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Provider fault modes.
const (
	modeOK      = ""
	modeLimited = "429"  // 429 with Retry-After
	modeBroken  = "5xx"  // 500, 502 or 503
	modeHang    = "hang" // no answer until the client gives up
)

// fakeMT is a LibreTranslate-API server on loopback. Its translation of text into language L is
// "[L] text", so a draft can be traced back to the segment it was made for. It can be told to
// fail for a while: answer 429 with Retry-After, answer 5xx, or hold requests until the client
// gives up.
type fakeMT struct {
	url string
	srv *http.Server
	// hangDone releases held requests when the campaign ends.
	hangDone chan struct{}

	mu         sync.Mutex
	mode       string
	until      time.Time
	retryAfter int

	requests, faulted atomic.Int64
}

// serverCodes are the codes the fake offers, as a current LibreTranslate does ("zh-Hans").
var serverCodes = map[string]string{"en": "en", "ru": "ru", "kk": "kk", "zh-Hans": "zh", "zh": "zh"}

func startFakeMT() (*fakeMT, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	f := &fakeMT{url: "http://" + ln.Addr().String(), hangDone: make(chan struct{})}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /languages", f.handleLanguages)
	mux.HandleFunc("POST /translate", f.handleTranslate)
	f.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = f.srv.Serve(ln) }()
	return f, nil
}

func (f *fakeMT) close() {
	close(f.hangDone)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = f.srv.Shutdown(ctx)
}

// fail makes the server misbehave in mode for d.
func (f *fakeMT) fail(mode string, d time.Duration, retryAfter int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mode, f.until, f.retryAfter = mode, time.Now().Add(d), retryAfter
}

// heal ends a fault at once. Requests already held stay held until their clients give up, as
// they would with a real server that stopped answering.
func (f *fakeMT) heal() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.mode = modeOK
}

func (f *fakeMT) current() (string, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.mode != modeOK && time.Now().After(f.until) {
		f.mode = modeOK
	}
	return f.mode, f.retryAfter
}

// misbehave answers according to the current fault and reports whether it did.
func (f *fakeMT) misbehave(w http.ResponseWriter, r *http.Request) bool {
	f.requests.Add(1)
	mode, retryAfter := f.current()
	switch mode {
	case modeLimited:
		w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
		writeJSONStatus(w, http.StatusTooManyRequests, map[string]string{"error": "Too many request limits violations"})
	case modeBroken:
		codes := []int{http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable}
		writeJSONStatus(w, codes[rand.IntN(len(codes))], map[string]string{"error": "internal error"})
	case modeHang:
		select {
		case <-r.Context().Done():
		case <-f.hangDone:
		case <-time.After(3 * time.Minute):
		}
	default:
		return false
	}
	f.faulted.Add(1)
	return true
}

func (f *fakeMT) handleLanguages(w http.ResponseWriter, r *http.Request) {
	if f.misbehave(w, r) {
		return
	}
	all := []string{"en", "ru", "kk", "zh-Hans"}
	var out []map[string]any
	for _, c := range all {
		out = append(out, map[string]any{"code": c, "name": c, "targets": all})
	}
	writeJSONStatus(w, http.StatusOK, out)
}

func (f *fakeMT) handleTranslate(w http.ResponseWriter, r *http.Request) {
	if f.misbehave(w, r) {
		return
	}
	var req struct {
		Q      json.RawMessage `json:"q"`
		Source string          `json:"source"`
		Target string          `json:"target"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeJSONStatus(w, http.StatusBadRequest, map[string]string{"error": "bad request"})
		return
	}
	target, ok := serverCodes[req.Target]
	if _, srcOK := serverCodes[req.Source]; !ok || !srcOK {
		writeJSONStatus(w, http.StatusBadRequest, map[string]string{"error": fmt.Sprintf("%s is not supported", req.Target)})
		return
	}
	var texts []string
	single := false
	if err := json.Unmarshal(req.Q, &texts); err != nil {
		var one string
		if err := json.Unmarshal(req.Q, &one); err != nil {
			writeJSONStatus(w, http.StatusBadRequest, map[string]string{"error": "bad q"})
			return
		}
		texts, single = []string{one}, true
	}
	// Some work: a base latency and a little per text, so that translation takes a while.
	select {
	case <-time.After(time.Duration(100+rand.IntN(200)+40*len(texts)) * time.Millisecond):
	case <-r.Context().Done():
		return
	}
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = fakeTranslation(target, t)
	}
	if single {
		writeJSONStatus(w, http.StatusOK, map[string]any{"translatedText": out[0]})
		return
	}
	writeJSONStatus(w, http.StatusOK, map[string]any{"translatedText": out})
}

// fakeTranslation is the fake's translation of text into lang (a site language code).
func fakeTranslation(lang, text string) string {
	return "[" + lang + "] " + text
}

func writeJSONStatus(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}
