package main

import (
	"os"

	"github.com/tilmash/tilmash/internal/eval"
)

func main() { os.Exit(eval.RunStructure(os.Args[1:], os.Stdout, os.Stderr)) }
