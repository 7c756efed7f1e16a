package main

import (
	"fmt"
	"os"
	"testing"

	"github.com/tilmash/tilmash/internal/document"
)

func TestDbg(t *testing.T) {
	b, _ := os.ReadFile(os.Getenv("F"))
	md, err := document.HTMLToMarkdown(string(b))
	fmt.Println(md, err)
}
