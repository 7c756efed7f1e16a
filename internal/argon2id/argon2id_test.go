package argon2id

import (
	"encoding/base64"
	"runtime"
	"strings"
	"testing"
)

func TestHashVerify(t *testing.T) {
	t.Parallel()
	h, err := Hash("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		pw   string
		want bool
	}{{"correct horse", true}, {"correct horsE", false}, {"", false}} {
		ok, err := Verify(tc.pw, h)
		if err != nil || ok != tc.want {
			t.Errorf("Verify(%q) = %v, %v; want %v", tc.pw, ok, err, tc.want)
		}
	}
	h2, _ := Hash("correct horse")
	if h == h2 {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	for _, bad := range []string{"", "$argon2id$", "$argon2i$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=x$AA$AA"} {
		if ok, err := Verify("x", bad); ok || err == nil {
			t.Errorf("Verify on %q = %v, %v; want an error", bad, ok, err)
		}
	}
}

// TestVerifyRefusesCostlyParameters: a stored hash whose parameters exceed the bounds is an
// error, never a match, and costs no Argon2 work: a hash asking for 512 MiB allocates next to
// nothing.
func TestVerifyRefusesCostlyParameters(t *testing.T) {
	h, err := Hash("pw")
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(h, "$")
	salt, key := parts[4], parts[5]
	with := func(params, salt, key string) string {
		return "$argon2id$v=19$" + params + "$" + salt + "$" + key
	}
	long := func(n int) string { return base64.RawStdEncoding.EncodeToString(make([]byte, n)) }
	for _, bad := range []string{
		with("m=524288,t=1,p=1", salt, key),     // 512 MiB
		with("m=4294967295,t=1,p=1", salt, key), // 4 TiB
		with("m=65536,t=1000000,p=4", salt, key),
		with("m=65536,t=3,p=255", salt, key),
		with("m=8,t=1,p=4", salt, key), // less memory than the lanes need
		with("m=65536,t=3,p=4", long(4096), key),
		with("m=65536,t=3,p=4", long(4), key),
		with("m=65536,t=3,p=4", salt, long(1<<20)),
		with("m=65536,t=3,p=4", salt, long(4)),
	} {
		var ok bool
		var verr error
		allocated := bytesAllocated(func() { ok, verr = Verify("pw", bad) })
		// Fatal, not Error: a Verify that does the work would go on to the 4 TiB hash.
		if ok || verr == nil {
			t.Fatalf("Verify on %.60q = %v, %v; want an error", bad, ok, verr)
		}
		if allocated > 1<<20 {
			t.Fatalf("Verify on %.60q allocated %d bytes before refusing; want next to nothing", bad, allocated)
		}
	}
	// The parameters Hash writes, and bounded ones above them, still verify.
	if ok, err := Verify("pw", h); !ok || err != nil {
		t.Errorf("Verify on a fresh hash = %v, %v", ok, err)
	}
}

func bytesAllocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
