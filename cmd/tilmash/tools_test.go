package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// skipToolsEnv lets a developer without the tools these tests drive run the rest: with it set to
// 1, a test whose tool is missing is skipped, saying so. Without it, a missing tool fails the
// test, naming the package to install; .ci/run installs every one and never sets it.
const skipToolsEnv = "TILMASH_TEST_SKIP_TOOLS"

// missingTool fails the test because tool is not installed (install says how to install it), or
// skips it when skipToolsEnv is 1.
func missingTool(t testing.TB, tool, install string, err error) {
	t.Helper()
	if os.Getenv(skipToolsEnv) == "1" {
		t.Skipf("%s is not installed (%v); skipped because %s=1", tool, err, skipToolsEnv)
	}
	t.Fatalf("%s is not installed (%v): %s, or set %s=1 to skip the tests that need it", tool, err, install, skipToolsEnv)
}

// chromiumPath is Debian's Chromium, which drives the browser tests.
const chromiumPath = "/usr/bin/chromium"

// requireChromium fails the test (or skips it, see skipToolsEnv) without Chromium.
func requireChromium(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		missingTool(t, "Chromium", "apt-get install chromium", err)
	}
}

// axeScript reads axe-core, which checks pages against WCAG in the browser tests, installed at
// the repository root with
//
//	npm install --no-audit --no-fund --prefix .cache/axe axe-core@4
//
// (TILMASH_AXE_JS names another copy).
func axeScript(t testing.TB) string {
	t.Helper()
	path := os.Getenv("TILMASH_AXE_JS")
	if path == "" {
		path = filepath.Join("..", "..", ".cache", "axe", "node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		missingTool(t, "axe-core", "npm install --no-audit --no-fund --prefix .cache/axe axe-core@4 at the repository root", err)
	}
	return string(b)
}

// requireTidy returns HTML Tidy's path.
func requireTidy(t testing.TB) string {
	t.Helper()
	path, err := exec.LookPath("tidy")
	if err != nil {
		missingTool(t, "tidy", "apt-get install tidy", err)
	}
	return path
}

// feedPython is Debian's Python, which has feedparser from python3-feedparser.
const feedPython = "/usr/bin/python3"

// requireFeedparser fails the test (or skips it) when Debian's Python cannot import feedparser.
func requireFeedparser(t testing.TB) string {
	t.Helper()
	if out, err := exec.Command(feedPython, "-c", "import feedparser").CombinedOutput(); err != nil {
		missingTool(t, "feedparser", "apt-get install python3-feedparser", fmt.Errorf("%v: %s", err, out))
	}
	return feedPython
}
