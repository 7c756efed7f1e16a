// Package argon2id hashes and verifies passwords with Argon2id, in the PHC string format
// ($argon2id$v=19$m=65536,t=3,p=4$salt$hash) so that parameters can change without breaking
// stored hashes.
package argon2id

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Parameters follow RFC 9106's second recommended option (64 MiB, 3 passes).
const (
	memoryKiB = 64 * 1024
	passes    = 3
	lanes     = 4
	keyLen    = 32
	saltLen   = 16
)

// Bounds on the parameters of a stored hash. Verify trusts a hash only this far: the cost is
// read from the row, so one bad row (or one written by a careless import) could otherwise make
// every sign-in to that account allocate gigabytes or run for minutes. The bounds leave room to
// raise the parameters above (twice the memory, more passes) without breaking stored hashes.
const (
	MaxMemoryKiB = 128 * 1024
	MaxPasses    = 10
	MaxLanes     = 16
	minKeyLen    = 16
	maxKeyLen    = 64
	minSaltLen   = 8
	maxSaltLen   = 64
)

var b64 = base64.RawStdEncoding

// Hash returns the PHC string for password with a fresh random salt.
func Hash(password string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, passes, memoryKiB, lanes, keyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, memoryKiB, passes, lanes,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// Verify reports whether password matches a hash made by Hash (with any parameters within
// MaxMemoryKiB, MaxPasses and MaxLanes, a key of 16 to 64 bytes and a salt of 8 to 64). A
// malformed hash, or one whose parameters exceed the bounds, is an error, never a match, and is
// refused before any work is done.
func Verify(password, encoded string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errors.New("not an argon2id hash")
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, errors.New("unsupported argon2 version")
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 {
		return false, errors.New("malformed argon2 parameters")
	}
	if m > MaxMemoryKiB || t > MaxPasses || p > MaxLanes || m < 8*uint32(p) {
		return false, fmt.Errorf("argon2 parameters m=%d,t=%d,p=%d are out of bounds", m, t, p)
	}
	if len(parts[4]) > b64.EncodedLen(maxSaltLen) || len(parts[5]) > b64.EncodedLen(maxKeyLen) {
		return false, errors.New("argon2 salt or hash too long")
	}
	salt, err := b64.DecodeString(parts[4])
	if err != nil || len(salt) < minSaltLen || len(salt) > maxSaltLen {
		return false, errors.New("malformed salt")
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) < minKeyLen || len(want) > maxKeyLen {
		return false, errors.New("malformed hash")
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}
