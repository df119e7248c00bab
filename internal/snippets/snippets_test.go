package snippets

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
)

const hello = "package main\n\nfunc main() { println(\"hi\") }\n"

func open(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := open(t, dir)
	id, err := s.Put(ctx, []byte(hello))
	if err != nil {
		t.Fatal(err)
	}
	if len(id) != IDLen || id != ID([]byte(hello)) {
		t.Errorf("id %q, want ID(source) of %d characters", id, IDLen)
	}
	again, err := s.Put(ctx, []byte(hello))
	if err != nil || again != id {
		t.Errorf("second Put: %q, %v; want %q", again, err, id)
	}
	got, err := s.Get(ctx, id)
	if err != nil || string(got) != hello {
		t.Errorf("Get = %q, %v; want the source", got, err)
	}
	// Reopened, it is still there.
	s.Close()
	s2 := open(t, dir)
	if got, err := s2.Get(ctx, id); err != nil || string(got) != hello {
		t.Errorf("after reopening: Get = %q, %v", got, err)
	}
}

func TestUnknownID(t *testing.T) {
	s := open(t, t.TempDir())
	for _, id := range []string{"000000000000", "abcdefABCDEF", "", "short", "../../etc/pa", "' OR 1=1 --xx", strings.Repeat("a", 1000)} {
		if _, err := s.Get(context.Background(), id); !errors.Is(err, ErrNotFound) {
			t.Errorf("Get(%q): err = %v, want ErrNotFound", id, err)
		}
	}
}

func TestRefused(t *testing.T) {
	s := open(t, t.TempDir())
	tests := []struct {
		desc, src, want string
	}{
		{desc: "empty", src: "", want: "empty"},
		{desc: "blank", src: " \n\t", want: "empty"},
		{desc: "65 KiB", src: "package main\n//" + strings.Repeat("x", 65<<10), want: "at most 65536 bytes"},
		{desc: "invalid UTF-8", src: "package main\n// \xff\xfe\n", want: "not valid UTF-8"},
	}
	for _, tt := range tests {
		_, err := s.Put(context.Background(), []byte(tt.src))
		var inv *Invalid
		if !errors.As(err, &inv) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want *Invalid saying %q", tt.desc, err, tt.want)
		}
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM snippets`).Scan(&n)
	if n != 0 {
		t.Errorf("%d rows stored, want none", n)
	}
}

func TestWAL(t *testing.T) {
	s := open(t, t.TempDir())
	var mode string
	if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode %q, %v; want wal", mode, err)
	}
}

// Concurrent writers, of the same program and of different ones, from 8
// goroutines (and two Stores on one directory, as two processes would).
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	stores := []*Store{open(t, dir), open(t, dir)}
	const workers, each = 8, 10
	var wg sync.WaitGroup
	errs := make(chan error, workers*each*2)
	ids := make([][]string, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := stores[w%2]
			for i := range each {
				if _, err := s.Put(ctx, []byte(hello)); err != nil {
					errs <- err
				}
				id, err := s.Put(ctx, fmt.Appendf(nil, "%s// %d %d\n", hello, w, i))
				if err != nil {
					errs <- err
				}
				ids[w] = append(ids[w], id)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	var n int
	if err := stores[0].db.QueryRow(`SELECT count(*) FROM snippets`).Scan(&n); err != nil || n != workers*each+1 {
		t.Errorf("%d rows (%v), want %d", n, err, workers*each+1)
	}
	for w := range workers {
		for i, id := range ids[w] {
			got, err := stores[1].Get(ctx, id)
			if want := fmt.Sprintf("%s// %d %d\n", hello, w, i); err != nil || string(got) != want {
				t.Errorf("Get(%s) = %q, %v; want %q", id, got, err, want)
			}
		}
	}
}

// A transaction rolled back between its write and its commit leaves
// nothing behind.
func TestRolledBack(t *testing.T) {
	ctx := context.Background()
	s := open(t, t.TempDir())
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	id := ID([]byte(hello))
	if _, err := tx.Exec(`INSERT INTO snippets (id, source, sha256, created) VALUES (?, ?, ?, 0)`, id, hello[:10], []byte("x")); err != nil {
		t.Fatal(err)
	}
	tx.Rollback()
	if _, err := s.Get(ctx, id); !errors.Is(err, ErrNotFound) {
		t.Errorf("after a rollback: err = %v, want ErrNotFound", err)
	}
}

// A row that does not hash to its id is never served.
func TestCorruptRow(t *testing.T) {
	ctx := context.Background()
	s := open(t, t.TempDir())
	id := ID([]byte(hello))
	if _, err := s.db.Exec(`INSERT INTO snippets (id, source, sha256, created) VALUES (?, ?, ?, 0)`, id, hello[:10], []byte("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, id); !errors.Is(err, ErrCorrupt) {
		t.Errorf("err = %v, want ErrCorrupt", err)
	}
}

// A process killed in the middle of a transaction (after its write, before
// its commit) leaves a store that opens and holds nothing of it.
func TestKilledMidTransaction(t *testing.T) {
	if dir := os.Getenv("LANES_SNIPPETS_CRASH_DIR"); dir != "" {
		crashMidTransaction(dir) // never returns
	}
	dir := t.TempDir()
	ctx := context.Background()
	s := open(t, dir)
	before, err := s.Put(ctx, []byte(hello)) // committed before the crash
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledMidTransaction$", "-test.v")
	cmd.Env = append(os.Environ(), "LANES_SNIPPETS_CRASH_DIR="+dir)
	out, err := cmd.CombinedOutput()
	if !strings.Contains(string(out), "written, not committed") {
		t.Fatalf("the crashing process did not reach its write: %v\n%s", err, out)
	}
	s.Close()
	s2 := open(t, dir)
	if got, err := s2.Get(ctx, before); err != nil || string(got) != hello {
		t.Errorf("the snippet committed before the crash: %q, %v", got, err)
	}
	half := "package main\n// half\n"
	if _, err := s2.Get(ctx, ID([]byte(half))); !errors.Is(err, ErrNotFound) {
		t.Errorf("the snippet written but not committed: err = %v, want ErrNotFound", err)
	}
	var n int
	if err := s2.db.QueryRow(`SELECT count(*) FROM snippets`).Scan(&n); err != nil || n != 1 {
		t.Errorf("%d rows (%v), want 1", n, err)
	}
}

// crashMidTransaction writes a snippet in a transaction and exits the
// process without committing or closing anything.
func crashMidTransaction(dir string) {
	s, err := Open(dir)
	if err != nil {
		fmt.Println(err)
		os.Exit(3)
	}
	tx, err := s.db.Begin()
	if err != nil {
		fmt.Println(err)
		os.Exit(3)
	}
	half := "package main\n// half\n"
	if _, err := tx.Exec(`INSERT INTO snippets (id, source, sha256, created) VALUES (?, ?, ?, 0)`, ID([]byte(half)), half, []byte{}); err != nil {
		fmt.Println(err)
		os.Exit(3)
	}
	fmt.Println("written, not committed")
	os.Exit(9)
}

// A still is kept beside its program, replaced by a later one, and read
// back as it was stored.
func TestStills(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, _, _, err := s.Still(ctx, "abc"); err != ErrNotFound {
		t.Fatalf("Still of a program without one: err = %v, want ErrNotFound", err)
	}
	tests := []struct {
		desc, id, key, trace, msg string
	}{
		{desc: "a trace", id: "abc", key: "k1", trace: `{"v":3}`},
		{desc: "replaced by a message", id: "abc", key: "k2", msg: "main.go:4:2: declared and not used: x"},
		{desc: "a -programs name", id: "hello", key: "k3", trace: `{}`},
	}
	for _, tt := range tests {
		var tr []byte
		if tt.trace != "" {
			tr = []byte(tt.trace)
		}
		if err := s.PutStill(ctx, tt.id, tt.key, tr, tt.msg); err != nil {
			t.Fatalf("%s: PutStill: %v", tt.desc, err)
		}
		key, gotTrace, msg, err := s.Still(ctx, tt.id)
		if err != nil || key != tt.key || string(gotTrace) != tt.trace || msg != tt.msg {
			t.Errorf("%s: Still = %q, %q, %q, %v; want %q, %q, %q", tt.desc, key, gotTrace, msg, err, tt.key, tt.trace, tt.msg)
		}
	}
	if err := s.PutStill(ctx, "big", "k", make([]byte, MaxStill+1), ""); err == nil {
		t.Errorf("PutStill of a trace over MaxStill: no error")
	}
}
