package twinbuild

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// mkEntry makes the cache directory name holding size bytes, last used at
// used.
func mkEntry(t *testing.T, cache, name string, size int, used time.Time) {
	t.Helper()
	dir := filepath.Join(cache, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "lanes-twin"), make([]byte, size), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(dir, used, used); err != nil {
		t.Fatal(err)
	}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestPrune(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	ago := func(m int) time.Time { return now.Add(-time.Duration(m) * time.Minute) }
	tests := []struct {
		desc       string
		entries    map[string]time.Time // each 100 bytes
		maxEntries int
		maxBytes   int64
		keep       string
		left       []string
	}{
		{desc: "within bounds", entries: map[string]time.Time{"a": ago(60), "b": ago(90)},
			maxEntries: 2, maxBytes: 1000, left: []string{"a", "b"}},
		{desc: "too many: least recently used go", entries: map[string]time.Time{"a": ago(60), "b": ago(90), "c": ago(30), "d": ago(120)},
			maxEntries: 2, maxBytes: 1000, left: []string{"a", "c"}},
		{desc: "too many bytes", entries: map[string]time.Time{"a": ago(60), "b": ago(90), "c": ago(30)},
			maxEntries: 10, maxBytes: 250, left: []string{"a", "c"}},
		{desc: "the entry just built stays", entries: map[string]time.Time{"a": ago(60), "b": ago(90), "c": ago(30)},
			maxEntries: 1, maxBytes: 1000, keep: "b", left: []string{"b", "c"}},
		{desc: "recently used entries stay", entries: map[string]time.Time{"a": ago(1), "b": ago(2), "c": ago(300)},
			maxEntries: 1, maxBytes: 1000, left: []string{"a", "b"}},
		{desc: "builds in progress are not entries", entries: map[string]time.Time{"a": ago(60), "a.tmp123": ago(300)},
			maxEntries: 1, maxBytes: 1000, left: []string{"a", "a.tmp123"}},
	}
	for _, tt := range tests {
		cache := t.TempDir()
		for name, used := range tt.entries {
			mkEntry(t, cache, name, 100, used)
		}
		if _, err := Prune(cache, tt.maxEntries, tt.maxBytes, MinAge, tt.keep, now); err != nil {
			t.Errorf("%s: Prune: %v", tt.desc, err)
		}
		if got := names(t, cache); !slices.Equal(got, tt.left) {
			t.Errorf("%s: left %q, want %q", tt.desc, got, tt.left)
		}
	}
}

func TestRemoveStale(t *testing.T) {
	now := time.Now()
	cache := t.TempDir()
	mkEntry(t, cache, "k1", 10, now.Add(-48*time.Hour))               // an entry: stays
	mkEntry(t, cache, "k2.tmp99", 10, now.Add(-StaleAge-time.Minute)) // abandoned
	mkEntry(t, cache, "k3.tmp42", 10, now.Add(-time.Minute))          // in progress
	if err := RemoveStale(cache, StaleAge, now); err != nil {
		t.Fatal(err)
	}
	if got, want := names(t, cache), []string{"k1", "k3.tmp42"}; !slices.Equal(got, want) {
		t.Errorf("left %q, want %q", got, want)
	}
}

// A Build that builds removes abandoned builds and touches what it uses; a
// cancelled build leaves nothing behind.
func TestBuildKeepsTheCacheClean(t *testing.T) {
	if testing.Short() {
		t.Skip("builds with the go command")
	}
	useTempCache(t)
	cache, _ := CacheDir()
	old := time.Now().Add(-StaleAge - time.Hour)
	mkEntry(t, cache, "0123.tmp5", 10, old)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	path := write(t, "hello.go", hello)
	if _, err := BuildContext(ctx, path); err == nil || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled build: err = %v, want context.Canceled", err)
	}
	if got := names(t, cache); len(got) != 0 {
		t.Errorf("after a cancelled build the cache holds %q, want nothing", got)
	}

	exe, err := Build(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := names(t, cache); len(got) != 1 || strings.Contains(got[0], ".tmp") {
		t.Errorf("after a build the cache holds %q, want one entry", got)
	}
	entry := filepath.Dir(exe)
	if err := os.Chtimes(entry, old, old); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(path); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(entry); err != nil || !fi.ModTime().After(old.Add(time.Hour)) {
		t.Errorf("a cached build did not touch its entry (%v, %v)", fi.ModTime(), err)
	}
}
