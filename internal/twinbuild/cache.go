package twinbuild

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// The twin cache's upkeep.
//
//   - An entry is a directory <key> of the cache; a build in progress is a
//     directory <key>.tmp<random> renamed to <key> when it is complete, so
//     an entry is never seen half written.
//   - A build that was killed leaves its .tmp directory behind: every Build
//     that builds removes the .tmp directories older than StaleAge (a
//     younger one may be another process's build in progress).
//   - Using an entry touches it (its directory's modification time), and
//     every Build that adds an entry prunes the cache: the least recently
//     used entries go until at most MaxEntries entries of at most MaxBytes
//     bytes in all remain. Entries used within the last MinAge are never
//     removed (another process may be about to run them), nor is the one
//     just built, so the cache may exceed its bounds for a while.

// Cache bounds (see Prune).
const (
	MaxEntries = 128
	MaxBytes   = 512 << 20
	MinAge     = 10 * time.Minute
	StaleAge   = 30 * time.Minute
)

// touch marks the entry dir as just used.
func touch(dir string) {
	now := time.Now()
	os.Chtimes(dir, now, now) // best effort: a read-only cache still works
}

// isTemp reports whether name is a build in progress (or an abandoned one).
func isTemp(name string) bool { return strings.Contains(name, ".tmp") }

// RemoveStale removes the directories of builds in progress in cache that
// were last modified before now minus age: builds that were interrupted.
func RemoveStale(cache string, age time.Duration, now time.Time) error {
	entries, err := os.ReadDir(cache)
	if err != nil {
		return err
	}
	var first error
	for _, e := range entries {
		if !e.IsDir() || !isTemp(e.Name()) {
			continue
		}
		fi, err := e.Info()
		if err != nil || !fi.ModTime().Before(now.Add(-age)) {
			continue
		}
		if err := os.RemoveAll(filepath.Join(cache, e.Name())); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Prune removes the least recently used entries of cache until at most
// maxEntries entries of at most maxBytes bytes in all remain, sparing the
// entry keep and every entry used after now minus minAge. It returns the
// names of the entries removed.
func Prune(cache string, maxEntries int, maxBytes int64, minAge time.Duration, keep string, now time.Time) ([]string, error) {
	dirs, err := os.ReadDir(cache)
	if err != nil {
		return nil, err
	}
	type entry struct {
		name string
		used time.Time
		size int64
	}
	var entries []entry
	for _, d := range dirs {
		if !d.IsDir() || isTemp(d.Name()) {
			continue
		}
		fi, err := d.Info()
		if err != nil {
			continue
		}
		entries = append(entries, entry{d.Name(), fi.ModTime(), dirSize(filepath.Join(cache, d.Name()))})
	}
	// Most recently used first: keep a prefix, remove what follows.
	slices.SortFunc(entries, func(a, b entry) int { return b.used.Compare(a.used) })
	var removed []string
	var n int
	var total int64
	for _, e := range entries {
		spare := e.name == keep || e.used.After(now.Add(-minAge))
		if spare || (n+1 <= maxEntries && total+e.size <= maxBytes) {
			n++
			total += e.size
			continue
		}
		if err := os.RemoveAll(filepath.Join(cache, e.name)); err != nil {
			return removed, err
		}
		removed = append(removed, e.name)
	}
	return removed, nil
}

// dirSize is the total size of the regular files under dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}
