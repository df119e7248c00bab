//go:build !wasm

package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"strings"
	"testing"
)

// TestEditorBundleFresh: the committed editor bundle (web/editor.js) was
// built by `make editor` from the committed sources and lockfile: every
// file editor/bundle.sum names still has the hash it recorded.
func TestEditorBundleFresh(t *testing.T) {
	f, err := os.Open("editor/bundle.sum")
	if err != nil {
		t.Fatalf("editor/bundle.sum: %v (run make editor)", err)
	}
	defer f.Close()
	want := map[string]bool{"editor/editor.js": true, "editor/package.json": true, "editor/package-lock.json": true, "web/editor.js": true}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok {
			t.Fatalf("editor/bundle.sum: malformed line %q", sc.Text())
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		h := sha256.Sum256(b)
		if got := hex.EncodeToString(h[:]); got != sum {
			t.Errorf("%s has changed since web/editor.js was built (sha256 %s, recorded %s): run make editor", name, got[:12], sum[:12])
		}
		delete(want, name)
	}
	for name := range want {
		t.Errorf("editor/bundle.sum does not name %s: run make editor", name)
	}
}
