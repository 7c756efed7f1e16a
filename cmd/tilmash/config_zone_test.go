package main

import (
	"errors"
	"testing"
	"time"
)

// TestNewsroomTimeZoneSetting: TILMASH_TIME_ZONE names the newsroom's zone; left empty it is the
// server's, by name where the system says it (TZ); a name that is no zone stops the program at
// start with a usage error, and so does a live interval out of bounds.
func TestNewsroomTimeZoneSetting(t *testing.T) {
	t.Parallel()
	load := func(env map[string]string) (*Config, error) {
		var c Config
		fs := newFlagSet("serve")
		c.bind(fs, func(k string) string { return env[k] })
		c.bindServer(fs, func(k string) string { return env[k] })
		if err := fs.Parse(nil); err != nil {
			t.Fatal(err)
		}
		return &c, c.validate()
	}
	c, err := load(map[string]string{"TILMASH_TIME_ZONE": "Asia/Almaty", "TILMASH_LIVE_EVERY": "500ms"})
	if err != nil {
		t.Fatal(err)
	}
	if z, err := c.zone(); err != nil || z.String() != "Asia/Almaty" || c.LiveEvery != 500*time.Millisecond {
		t.Errorf("zone %v (%v), live every %v", z, err, c.LiveEvery)
	}
	if c, err = load(map[string]string{"TZ": "Europe/Moscow"}); err != nil {
		t.Fatal(err)
	}
	if z, _ := c.zone(); z.String() != "Europe/Moscow" {
		t.Errorf("with TZ=Europe/Moscow and no setting the newsroom's zone is %v", z)
	}
	for _, env := range []map[string]string{{"TILMASH_TIME_ZONE": "Mars/Olympus"}, {"TILMASH_TIME_ZONE": "Local"},
		{"TILMASH_LIVE_EVERY": "1ms"}, {"TILMASH_LIVE_EVERY": "soon"}} {
		var ue usageError
		if _, err := load(env); !errors.As(err, &ue) {
			t.Errorf("%v: err = %v, want a usage error", env, err)
		}
	}
}
