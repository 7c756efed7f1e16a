package interchange_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The files Tilmash writes are read back by translate-toolkit, a tool nobody here wrote
// (Debian's translate-toolkit, which .ci/run installs). These tests fail, not skip, without it.

// toolkitScript prints the units translate-toolkit's storage factory finds in a file, as JSON.
const toolkitScript = `
import json, sys
from translate.storage import factory
store = factory.getobject(sys.argv[1])
units = []
for u in store.units:
    if getattr(u, "isheader", lambda: False)():
        continue
    units.append({"id": u.getid(), "source": u.source, "target": u.target, "notes": u.getnotes()})
print(json.dumps({"class": type(store).__name__, "units": units}))
`

type toolkitUnit struct {
	ID, Source, Target, Notes string
}

// toolkitPython is a Python that can import translate-toolkit: python3 on the PATH, or Debian's.
func toolkitPython(t testing.TB) string {
	t.Helper()
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import translate.storage.factory").Run() == nil {
			return p
		}
	}
	missingTool(t, "translate-toolkit", "apt-get install translate-toolkit: the files Tilmash writes must be checked with it")
	return ""
}

// missingTool fails the test because a tool it drives is not installed, naming the package, or
// skips it when TILMASH_TEST_SKIP_TOOLS=1: a developer's opt-out, which .ci/run never sets.
func missingTool(t testing.TB, tool, install string) {
	t.Helper()
	if os.Getenv("TILMASH_TEST_SKIP_TOOLS") == "1" {
		t.Skipf("%s is not installed; skipped because TILMASH_TEST_SKIP_TOOLS=1", tool)
	}
	t.Fatalf("%s is not installed (%s), or set TILMASH_TEST_SKIP_TOOLS=1 to skip the tests that need it", tool, install)
}

// toolkitRead writes data to a file named name and reads it with translate-toolkit.
func toolkitRead(t testing.TB, name string, data []byte) (class string, units []toolkitUnit) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(toolkitPython(t), "-c", toolkitScript, path).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("translate-toolkit cannot read %s: %v\n%s", name, err, msg)
	}
	var res struct {
		Class string
		Units []toolkitUnit
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("translate-toolkit's answer: %v\n%s", err, out)
	}
	return res.Class, res.Units
}

// toolkitConvert runs one of translate-toolkit's converters (po2xliff, po2tmx, csv2tbx, …).
func toolkitConvert(t testing.TB, tool string, args ...string) {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		path = "/usr/bin/" + tool
		if _, serr := os.Stat(path); serr != nil {
			missingTool(t, tool, "apt-get install translate-toolkit")
		}
	}
	cmd := exec.Command(toolkitPython(t), append([]string{path}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
}
