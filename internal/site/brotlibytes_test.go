package site

import (
	"bytes"
	"io"
	"testing"

	"github.com/andybalholm/brotli"
)

// brotliBytes' 16 MB window still decodes (the window size is in the
// stream), for inputs below and above the default 4 MB window.
func TestBrotliBytesRoundTrip(t *testing.T) {
	big := bytes.Repeat([]byte("lanes wasm "), 5<<20/11)
	tests := []struct {
		desc string
		in   []byte
	}{
		{desc: "empty", in: nil},
		{desc: "small", in: []byte("hello, brotli")},
		{desc: "over 4 MB", in: big},
	}
	for _, tt := range tests {
		br, err := brotliBytes(tt.in, 5)
		if err != nil {
			t.Fatalf("%s: brotliBytes: %v", tt.desc, err)
		}
		got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
		if err != nil || !bytes.Equal(got, tt.in) {
			t.Errorf("%s: round trip = %d bytes, %v; want %d bytes", tt.desc, len(got), err, len(tt.in))
		}
	}
}
