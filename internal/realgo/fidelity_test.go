package realgo

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"lanes/sim/rewrite"
)

// The fidelity suite: ../../testdata/fidelity/NN_topic.go, each a complete
// package main whose header comment says what it checks ("// Checks: …")
// and which `go vet` findings it expects ("// vet: …", none means clean).
// Its real-Go outcomes live in real.json there, written by
// `go generate ./internal/realgo` (cmd/realruns).

const fidelityDir = "../../testdata/fidelity"

var fidelityName = regexp.MustCompile(`^\d\d_[a-z0-9_]+\.go$`)

type fidelityProgram struct {
	name, path string
	checks     string   // the "// Checks:" line
	vet        []string // expected vet messages
}

func fidelityPrograms(t *testing.T) []fidelityProgram {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(fidelityDir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var ps []fidelityProgram
	for _, f := range files {
		p := fidelityProgram{name: filepath.Base(f), path: f}
		if !fidelityName.MatchString(p.name) {
			t.Errorf("%s: name does not match NN_topic.go", p.name)
		}
		fset := token.NewFileSet()
		af, err := parser.ParseFile(fset, f, nil, parser.ParseComments)
		if err != nil {
			t.Errorf("%s: %v", p.name, err)
			continue
		}
		if af.Name.Name != "main" {
			t.Errorf("%s: package %s, want main", p.name, af.Name.Name)
		}
		for _, imp := range af.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if !slices.Contains(rewrite.SupportedImports(), path) {
				t.Errorf("%s: imports %q, not one of the shown-program packages", p.name, path)
			}
		}
		for _, cg := range af.Comments {
			if cg.Pos() > af.Package {
				break
			}
			for _, c := range cg.List {
				if s, ok := strings.CutPrefix(c.Text, "// Checks: "); ok {
					p.checks = s
				}
				if s, ok := strings.CutPrefix(c.Text, "// vet: "); ok {
					p.vet = append(p.vet, s)
				}
			}
		}
		if p.checks == "" {
			t.Errorf("%s: no \"// Checks: …\" line in the header comment", p.name)
		}
		ps = append(ps, p)
	}
	return ps
}

func TestFidelityPrograms(t *testing.T) {
	ps := fidelityPrograms(t)
	if len(ps) < 25 {
		t.Errorf("fidelity suite has %d programs, want at least 25", len(ps))
	}
}

func TestFidelityVet(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet once per program")
	}
	ps := fidelityPrograms(t)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for _, p := range ps {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			fs, err := Vet(p.path)
			if err != nil {
				t.Errorf("%s: %v", p.name, err)
				return
			}
			var got []string
			for _, f := range fs {
				got = append(got, f.Message)
			}
			if strings.Join(got, "\n") != strings.Join(p.vet, "\n") {
				t.Errorf("%s: go vet findings %q, want %q (from its \"// vet:\" header lines)", p.name, got, p.vet)
			}
		})
	}
	wg.Wait()
}

func TestFidelityRealJSON(t *testing.T) {
	f, err := ReadFile(filepath.Join(fidelityDir, "real.json"))
	if err != nil {
		t.Fatalf("read real.json (run go generate ./internal/realgo): %v", err)
	}
	if f.Go == "" || f.GOOS == "" || f.GOARCH == "" || f.NumCPU < 1 {
		t.Errorf("real.json machine = %q %q/%q %d CPUs, want all set", f.Go, f.GOOS, f.GOARCH, f.NumCPU)
	}
	ps := fidelityPrograms(t)
	if len(f.Programs) != len(ps) {
		t.Errorf("real.json has %d programs, want %d", len(f.Programs), len(ps))
	}
	for _, p := range ps {
		rp := f.Lookup(p.name)
		if rp == nil {
			t.Errorf("%s: missing from real.json (run go generate ./internal/realgo)", p.name)
			continue
		}
		sum, err := Hash(p.path)
		if err != nil {
			t.Fatal(err)
		}
		if rp.SHA256 != sum {
			t.Errorf("%s: real.json was measured on other sources (run go generate ./internal/realgo)", p.name)
		}
		checkBatches(t, p.name, rp.Batches)
	}
}

// checkBatches asserts runs at GOMAXPROCS 1 and 4 whose outcome counts add
// up, on an idle machine and then, if measured, on a loaded one.
func checkBatches(t *testing.T, name string, bs []Batch) {
	t.Helper()
	var procs, loaded []int
	for _, b := range bs {
		if b.Loaded {
			loaded = append(loaded, b.GOMAXPROCS)
		} else if len(loaded) > 0 {
			t.Errorf("%s: an idle batch after a loaded one", name)
		} else {
			procs = append(procs, b.GOMAXPROCS)
		}
		n := 0
		for _, o := range b.Outcomes {
			n += o.Count
			if o.Kind != Kind(o.ExitCode, o.Stderr) {
				t.Errorf("%s: GOMAXPROCS=%d: outcome kind %q, want %q", name, b.GOMAXPROCS, o.Kind, Kind(o.ExitCode, o.Stderr))
			}
		}
		if b.Runs == 0 || n != b.Runs {
			t.Errorf("%s: GOMAXPROCS=%d: %d runs, outcome counts add up to %d", name, b.GOMAXPROCS, b.Runs, n)
		}
	}
	if !slices.Equal(procs, []int{1, 4}) {
		t.Errorf("%s: batches at GOMAXPROCS %v, want [1 4]", name, procs)
	}
	if len(loaded) > 0 && !slices.Equal(loaded, []int{1, 4}) {
		t.Errorf("%s: loaded batches at GOMAXPROCS %v, want [1 4]", name, loaded)
	}
}
