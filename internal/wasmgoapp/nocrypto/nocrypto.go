package nocrypto

// This file is copied into go-app's package app for the browser build
// (internal/wasmgoapp), where it replaces crypto.go. Its package clause is
// rewritten.

import (
	stderrors "errors"
	"math/rand/v2"
)

// errNoEncryption is what encrypt and decrypt return.
var errNoEncryption = stderrors.New("go-app's encryption is not in Lanes' browser build (internal/wasmgoapp/nocrypto)")

func encrypt(key string, v []byte) ([]byte, error) { return nil, errNoEncryption }

func decrypt(key string, v []byte) ([]byte, error) { return nil, errNoEncryption }

// lanesNewUUID returns a random UUID (version 4, RFC 9562) as
// uuid.NewString writes it: 8-4-4-4-12 lower-case hex digits.
func lanesNewUUID() string {
	var b [16]byte
	for i := 0; i < 16; i += 8 {
		u := rand.Uint64()
		for j := range 8 {
			b[i+j] = byte(u >> (8 * j))
		}
	}
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // variant 10
	const hex = "0123456789abcdef"
	out := make([]byte, 0, 36)
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out = append(out, '-')
		}
		out = append(out, hex[c>>4], hex[c&0xf])
	}
	return string(out)
}
