// Command barego is the baseline of bench/reader.sh: a bare net/http handler that writes one file's
// bytes from memory, with only Content-Type and Content-Length set.
package main

import (
	"flag"
	"log"
	"net/http"
	"os"
	"strconv"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18082", "listen address")
	file := flag.String("file", "", "the page to serve")
	flag.Parse()
	body, err := os.ReadFile(*file)
	if err != nil {
		log.Fatal(err)
	}
	n := strconv.Itoa(len(body))
	log.Fatal(http.ListenAndServe(*addr, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Length", n)
		w.Write(body) //nolint:errcheck // the client went away: nothing to do
	})))
}
