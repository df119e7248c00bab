package nocrypto

import (
	"errors"
	"strings"
	"testing"
)

// lanesNewUUID makes what uuid.NewString makes: a version 4 UUID
// (variant 10) in lower-case hex, 8-4-4-4-12, a new one each time.
func TestNewUUID(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		s := lanesNewUUID()
		ok := len(s) == 36 && s[14] == '4' && strings.IndexByte("89ab", s[19]) >= 0
		for i := 0; ok && i < len(s); i++ {
			if i == 8 || i == 13 || i == 18 || i == 23 {
				ok = s[i] == '-'
			} else {
				ok = strings.IndexByte("0123456789abcdef", s[i]) >= 0
			}
		}
		if !ok {
			t.Fatalf("lanesNewUUID() = %q, not a version 4 UUID as uuid.NewString writes it", s)
		}
		if seen[s] {
			t.Fatalf("lanesNewUUID() gave %q twice", s)
		}
		seen[s] = true
	}
}

func TestNoEncryption(t *testing.T) {
	tests := []struct {
		desc string
		f    func(string, []byte) ([]byte, error)
	}{
		{"encrypt", encrypt},
		{"decrypt", decrypt},
	}
	for _, tc := range tests {
		if b, err := tc.f("0123456789abcdef0123456789abcdef", []byte("x")); b != nil || !errors.Is(err, errNoEncryption) {
			t.Errorf("%s = %q, %v; want nil, errNoEncryption", tc.desc, b, err)
		}
	}
}
