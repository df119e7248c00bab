package lessons_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"lanes/internal/lessongen/meta"
	"lanes/internal/realgo"
	"lanes/sim/rewrite"
)

// course is the course as issue 5 defines it, in the seed tutorial's
// order with Summary last (issue 14): slugs in order, variants with the
// default first.
var course = []struct {
	slug     string
	variants []string
}{
	{"race-to-exit", []string{"nowait", "sleep", "waitgroup"}},
	{"counter", []string{"workers"}},
	{"golden-rule", []string{"add-inside", "add-before", "wg-go"}},
	{"loop-trap", []string{"pre122", "argument", "go122"}},
	{"errgroup", []string{"withcontext", "plain", "limit"}},
	{"leaks", []string{"ticker", "context", "blocked-send"}},
	{"over-concurrency", []string{"unbounded", "pool", "semaphore", "chansem"}},
	{"panics", []string{"crash", "recover", "errgroup-panic"}},
	{"misuse", []string{"forgotten-done", "extra-done", "reuse"}},
	{"channels", []string{"unbuffered", "buffered", "close-range", "select-timeout"}},
	{"summary", nil},
}

func load(t *testing.T) []meta.Lesson {
	t.Helper()
	ls, err := meta.LoadAll(".")
	if err != nil {
		t.Fatalf("LoadAll: %v", err)
	}
	return ls
}

func TestCourse(t *testing.T) {
	ls := load(t)
	if len(ls) != len(course) {
		t.Fatalf("%d lessons, want %d", len(ls), len(course))
	}
	for i, want := range course {
		l := ls[i]
		if l.Slug != want.slug || l.Order != i+1 {
			t.Errorf("lesson %d is %s (order %d), want %s", i+1, l.Slug, l.Order, want.slug)
			continue
		}
		var names []string
		for _, v := range l.Variants {
			names = append(names, v.Name)
		}
		if !slices.Equal(names, want.variants) {
			t.Errorf("%s: variants %v, want %v", l.Slug, names, want.variants)
		}
		if len(l.Variants) > 0 && !l.Variants[0].Default {
			t.Errorf("%s: the default variant must come first", l.Slug)
		}
		if strings.TrimSpace(l.Body) == "" {
			t.Errorf("%s: lesson.md has no text", l.Slug)
		}
		dirs, _ := filepath.Glob(filepath.Join(l.Slug, "*", "main.go"))
		if len(dirs) != len(l.Variants) {
			t.Errorf("%s: %d program folders, want one per variant (%d)", l.Slug, len(dirs), len(l.Variants))
		}
	}
}

func TestPrograms(t *testing.T) {
	for _, l := range load(t) {
		for _, v := range l.Variants {
			dir := filepath.Join(l.Slug, v.Name)
			gos, _ := filepath.Glob(filepath.Join(dir, "*.go"))
			if len(gos) != 1 || filepath.Base(gos[0]) != "main.go" {
				t.Errorf("%s: Go files %v, want exactly main.go", dir, gos)
				continue
			}
			src, err := os.ReadFile(gos[0])
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(token.NewFileSet(), gos[0], src, parser.ImportsOnly)
			if err != nil {
				t.Errorf("%s: %v", dir, err)
				continue
			}
			if f.Name.Name != "main" {
				t.Errorf("%s: package %s, want main", dir, f.Name.Name)
			}
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if !slices.Contains(rewrite.SupportedImports(), p) {
					t.Errorf("%s: imports %q, not a shown-program package", dir, p)
				}
			}
			if n := strings.Count(string(src), "\n"); n > 45 { // aim for 30
				t.Errorf("%s: %d lines, want at most 45 to read beside a timeline", dir, n)
			}
			old := strings.HasPrefix(string(src), "//go:build go1.21\n")
			if old != (dir == filepath.Join("loop-trap", "pre122")) {
				t.Errorf("%s: starts with //go:build go1.21: %v; only loop-trap/pre122 should", dir, old)
			}
		}
	}
}

func TestVet(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet once per variant")
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for _, l := range load(t) {
		for _, v := range l.Variants {
			wg.Go(func() {
				sem <- struct{}{}
				defer func() { <-sem }()
				dir := filepath.Join(l.Slug, v.Name)
				fs, err := realgo.Vet(dir)
				if err != nil {
					t.Errorf("%s: %v", dir, err)
					return
				}
				var got []string
				for _, f := range fs {
					got = append(got, f.Message)
				}
				want := []string{}
				if v.Vet != "" {
					want = []string{v.Vet}
				}
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("%s: go vet says %q, lesson.md expects %q", dir, got, want)
				}
			})
		}
	}
	wg.Wait()
}

// onOneCore is what each program prints most often on real Go with
// GOMAXPROCS=1 (stdout, exit kind, first stderr line), as measured in its
// real.json. It is also the output the simulator's runtime strategy must
// reproduce.
var onOneCore = map[string]realgo.Outcome{
	"race-to-exit/nowait":        {Stdout: "Exiting...\n", Kind: "ok"},
	"race-to-exit/sleep":         {Stdout: "Finished!\nExiting...\n", Kind: "ok"},
	"race-to-exit/waitgroup":     {Stdout: "Finished!\nExiting...\n", Kind: "ok"},
	"counter/workers":            {Stdout: "Worker 3 starting\nWorker 1 starting\nWorker 2 starting\nWorker 1 done\nWorker 2 done\nWorker 3 done\nAll workers done\n", Kind: "ok"},
	"golden-rule/add-inside":     {Stdout: "all done?\n", Kind: "ok"},
	"golden-rule/add-before":     {Stdout: "worker 1 done\nworker 2 done\nworker 3 done\nall done\n", Kind: "ok"},
	"golden-rule/wg-go":          {Stdout: "worker 1 done\nworker 2 done\nworker 3 done\nall done\n", Kind: "ok"},
	"loop-trap/pre122":           {Stdout: "c\nc\nc\n", Kind: "ok"},
	"loop-trap/argument":         {Stdout: "c\na\nb\n", Kind: "ok"},
	"loop-trap/go122":            {Stdout: "c\na\nb\n", Kind: "ok"},
	"errgroup/withcontext":       {Stdout: "/a ok\n/c stopped: context canceled\nerror: fetch /b: 404 not found\n", Kind: "ok"},
	"errgroup/plain":             {Stdout: "/a ok\n/c ok\nerror: fetch /b: 404 not found\n", Kind: "ok"},
	"errgroup/limit":             {Stdout: "job 1 done\njob 2 done\njob 4 done\njob 5 done\nerror: job 3 failed\n", Kind: "ok"},
	"leaks/ticker":               {Stdout: "goroutines: 2\ngoroutines: 3\ngoroutines: 4\n", Kind: "ok"},
	"leaks/context":              {Stdout: "goroutines: 2\ngoroutines: 2\ngoroutines: 2\n", Kind: "ok"},
	"leaks/blocked-send":         {Stdout: "fastest: eu\ngoroutines: 3\n", Kind: "ok"},
	"over-concurrency/unbounded": {Stdout: "peak in flight: 1000\n", Kind: "ok"},
	"over-concurrency/pool":      {Stdout: "peak in flight: 10\n", Kind: "ok"},
	"over-concurrency/semaphore": {Stdout: "peak in flight: 10\n", Kind: "ok"},
	"over-concurrency/chansem":   {Stdout: "peak in flight: 10\n", Kind: "ok"},
	"panics/crash":               {Stderr: "panic: worker 2: bad input", ExitCode: 2, Kind: "panic"},
	"panics/recover":             {Stdout: "recovered: worker 2: bad input\nworker 1 done\nworker 3 done\nall done\n", Kind: "ok"},
	"panics/errgroup-panic":      {Stderr: "panic: task 2 failed badly", ExitCode: 2, Kind: "panic"},
	"misuse/forgotten-done":      {Stdout: "worker 1 done\nworker 2: nothing to do\nworker 3 done\n", Stderr: "fatal error: all goroutines are asleep - deadlock!", ExitCode: 2, Kind: "deadlock"},
	"misuse/extra-done":          {Stdout: "working\n", Stderr: "panic: sync: negative WaitGroup counter", ExitCode: 2, Kind: "panic"},
	"misuse/reuse":               {Stdout: "batch 1 done\n", Stderr: "panic: sync: WaitGroup is reused before previous Wait has returned", ExitCode: 2, Kind: "panic"},
	"channels/unbuffered":        {Stdout: "sent 1\n  consumed 1\nsent 2\n  consumed 2\nsent 3\n  consumed 3\nsent 4\n  consumed 4\n", Kind: "ok"},
	"channels/buffered":          {Stdout: "sent 1\nsent 2\nsent 3\n  consumed 1\nsent 4\n  consumed 2\n  consumed 3\n  consumed 4\n", Kind: "ok"},
	"channels/close-range":       {Stdout: "got one\ngot two\ngot three\nafter close: \"\", ok=false\n", Kind: "ok"},
	"channels/select-timeout":    {Stdout: "finished in 20ms\ngave up after 100ms\n", Kind: "ok"},
}

func TestRealJSON(t *testing.T) {
	for _, l := range load(t) {
		for _, v := range l.Variants {
			name := l.Slug + "/" + v.Name
			f, err := realgo.ReadFile(filepath.Join(l.Slug, v.Name, "real.json"))
			if err != nil {
				t.Errorf("%s: %v (run go generate ./app/lessons)", name, err)
				continue
			}
			if f.Go == "" || f.NumCPU < 1 || len(f.Programs) != 1 {
				t.Errorf("%s: real.json: go %q, %d CPUs, %d programs; want the machine and one program", name, f.Go, f.NumCPU, len(f.Programs))
				continue
			}
			p := f.Programs[0]
			sum, err := realgo.Hash(filepath.Join(l.Slug, v.Name))
			if err != nil {
				t.Fatal(err)
			}
			if p.Name != name || p.SHA256 != sum {
				t.Errorf("%s: real.json is for %s with other sources (run go generate ./app/lessons)", name, p.Name)
				continue
			}
			var procs []int
			for _, b := range p.Batches {
				procs = append(procs, b.GOMAXPROCS)
			}
			if !slices.Equal(procs, []int{1, 4}) || len(p.Batches[0].Outcomes) == 0 {
				t.Errorf("%s: batches at GOMAXPROCS %v, want [1 4]", name, procs)
				continue
			}
			got, want := p.Batches[0].Outcomes[0], onOneCore[name]
			got.Count = 0
			if got != want {
				t.Errorf("%s: most frequent outcome with GOMAXPROCS=1\n got %+v\nwant %+v", name, got, want)
			}
		}
	}
}
