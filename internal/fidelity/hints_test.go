package fidelity

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"lanes/app/lessons/registry"
	"lanes/internal/twinbuild"
	"lanes/sim"
	"lanes/sim/rewrite"
	"lanes/sim/trace"
)

// The rewriter's line hints (sim.StepAt) only skip stack walks whose answer
// is known: with sim.Options.WalkLines, which ignores them, every trace must
// be byte-identical. These tests check it for every course twin and every
// fidelity program, under each strategy with several seeds.

const hintSeeds = 6

// sameWithoutHints runs prog with and without the hints and describes the
// first difference, or returns "".
func sameWithoutHints(prog func(), strategy string, seed int64) string {
	run := func(walk bool) []byte {
		s, err := sim.NewStrategy(strategy)
		if err != nil {
			panic(err)
		}
		tr := sim.Run(prog, sim.Options{Strategy: s, Seed: seed, Program: "main.go", WalkLines: walk})
		b, err := trace.Marshal(tr)
		if err != nil {
			panic(err)
		}
		return b
	}
	hinted, walked := run(false), run(true)
	if bytes.Equal(hinted, walked) {
		return ""
	}
	return firstDiff(hinted, walked)
}

// firstDiff shows where two JSON traces part.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-200)
	return fmt.Sprintf("traces differ at byte %d:\nwith hints: …%s…\nwalking:    …%s…", i,
		a[from:min(len(a), i+80)], b[from:min(len(b), i+80)])
}

func TestLineHintsCourse(t *testing.T) {
	hinted := 0
	err := filepath.WalkDir("../../app/lessons/twins", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			hinted += bytes.Count(b, []byte("sim.StepAt("))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if hinted == 0 {
		t.Fatal("no sim.StepAt in the course twins: nothing is checked")
	}
	n := 0
	for _, l := range registry.Lessons {
		for _, v := range l.Variants {
			for _, v := range append([]registry.Variant{v}, v.Params...) {
				for _, strategy := range sim.StrategyNames() {
					for seed := int64(1); seed <= hintSeeds; seed++ {
						if d := sameWithoutHints(v.Main, strategy, seed); d != "" {
							t.Errorf("%s/%s, %s seed %d: %s", l.Slug, v.Name, strategy, seed, d)
						}
						n++
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no course variant")
	}
}

// hintMain is the program TestLineHintsFidelity builds: it runs every twin
// both ways and prints the differences.
const hintMain = `package main

import (
	"bytes"
	"fmt"
	"os"

	"lanes/sim"
	"lanes/sim/trace"
%s)

func main() {
	progs := []struct {
		name string
		main func()
	}{
%s	}
	failed := false
	for _, p := range progs {
		for _, strategy := range sim.StrategyNames() {
			for seed := int64(1); seed <= %d; seed++ {
				var js [2][]byte
				for i, walk := range []bool{false, true} {
					s, _ := sim.NewStrategy(strategy)
					tr := sim.Run(p.main, sim.Options{Strategy: s, Seed: seed, Program: p.name, WalkLines: walk})
					b, err := trace.Marshal(tr)
					if err != nil {
						panic(err)
					}
					js[i] = b
				}
				if !bytes.Equal(js[0], js[1]) {
					failed = true
					fmt.Printf("%%s, %%s seed %%d: traces differ\n%%s\n%%s\n", p.name, strategy, seed, js[0], js[1])
				}
			}
		}
	}
	if failed {
		os.Exit(1)
	}
	fmt.Println("ok", len(progs))
}
`

// TestLineHintsFidelity rewrites every fidelity program and builds them
// into one executable (in a go build overlay: twinbuild.BuildOverlay)
// that compares their traces with and without the hints.
func TestLineHintsFidelity(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the fidelity twins (-short)")
	}
	root, err := twinbuild.Root()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fidelity programs: %v", err)
	}
	const virtual = "internal/fidelity/hintcheck"
	overlay := map[string][]byte{}
	var imports, progs strings.Builder
	hinted := 0
	for i, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		pkg := fmt.Sprintf("p%02d", i)
		twin, err := rewrite.Rewrite(filepath.Base(file), src, rewrite.Options{Dir: root, Package: pkg, Filename: "main.go"})
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		hinted += bytes.Count(twin, []byte("sim.StepAt("))
		overlay[pkg+"/twin.go"] = twin
		fmt.Fprintf(&imports, "\t%s %q\n", pkg, "lanes/"+virtual+"/"+pkg)
		fmt.Fprintf(&progs, "\t\t{%q, %s.Main},\n", filepath.Base(file), pkg)
	}
	if hinted == 0 {
		t.Fatal("no sim.StepAt in the fidelity twins: nothing is checked")
	}
	overlay["main.go"] = fmt.Appendf(nil, hintMain, imports.String(), progs.String(), hintSeeds)
	tmp := t.TempDir()
	exe := filepath.Join(tmp, "hintcheck")
	if out, err := twinbuild.BuildOverlay(root, virtual, tmp, overlay, exe); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(exe).CombinedOutput()
	if err != nil {
		t.Fatalf("hintcheck: %v\n%s", err, out)
	}
	if want := fmt.Sprintf("ok %d\n", len(files)); string(out) != want {
		t.Errorf("hintcheck printed %q, want %q", out, want)
	}
}

// BenchmarkCourse runs every course variant (the programs the browser
// runs) once per iteration under the runtime and random strategies, with
// the line hints and without them (walk).
func BenchmarkCourse(b *testing.B) {
	var progs []func()
	for _, l := range registry.Lessons {
		for _, v := range l.Variants {
			progs = append(progs, v.Main)
		}
	}
	for _, strategy := range []string{"runtime", "random"} {
		for _, walk := range []bool{false, true} {
			name := strategy + "/hints"
			if walk {
				name = strategy + "/walk"
			}
			b.Run(name, func(b *testing.B) {
				run := func(seed int64) int {
					events := 0
					for _, p := range progs {
						s, _ := sim.NewStrategy(strategy)
						events += len(sim.Run(p, sim.Options{Strategy: s, Seed: seed, WalkLines: walk}).Events)
					}
					return events
				}
				for i := range 20 { // warm-up (see sim's BenchmarkRun)
					run(int64(i))
				}
				events := 0
				for i := 0; b.Loop(); i++ {
					events += run(int64(i))
				}
				b.ReportMetric(float64(events)/b.Elapsed().Seconds(), "events/s")
				b.ReportMetric(float64(b.N*len(progs))/b.Elapsed().Seconds(), "runs/s")
			})
		}
	}
}
