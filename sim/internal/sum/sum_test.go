package sum

import (
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"
)

// SHA256 agrees with crypto/sha256 on every length around the block and
// padding boundaries, and on a long output.
func TestSHA256(t *testing.T) {
	tests := []struct {
		desc string
		data []byte
	}{
		{"empty", nil},
		{"abc", []byte("abc")},
		{"long output", []byte(strings.Repeat("worker 3 done\n", 10000))},
	}
	for n := range 200 {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(i*7 + n)
		}
		tests = append(tests, struct {
			desc string
			data []byte
		}{fmt.Sprintf("%d bytes", n), b})
	}
	for _, tc := range tests {
		if got, want := SHA256(tc.data), sha256.Sum256(tc.data); got != want {
			t.Errorf("%s (%d bytes): got %x, want %x", tc.desc, len(tc.data), got, want)
		}
	}
}
