// Command realruns measures what Go programs do on the real Go runtime and
// writes the results as real.json files (see lanes/internal/realgo.File).
//
//	realruns -fidelity testdata/fidelity   # every NN_*.go → testdata/fidelity/real.json
//	realruns -lessons app/lessons          # every <slug>/<variant>/ → <slug>/<variant>/real.json
//
// Each program is built once and run -runs times under each GOMAXPROCS in
// -procs, -parallel processes at a time, stopping a batch early when it
// exceeds -budget; with -load N, every such batch is measured again while
// N CPU-burning goroutines spin beside the runs (batches marked "loaded").
// Timings go to stderr.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"lanes/internal/realgo"
)

func main() {
	fidelity := flag.String("fidelity", "", "directory of NN_topic.go programs; writes real.json there")
	lessons := flag.String("lessons", "", "lessons directory; writes <slug>/<variant>/real.json")
	runs := flag.Int("runs", 200, "runs per program and GOMAXPROCS value")
	procs := flag.String("procs", "1,4", "comma-separated GOMAXPROCS values")
	parallel := flag.Int("parallel", 4, "processes run at once")
	timeout := flag.Duration("timeout", 30*time.Second, "timeout per run")
	budget := flag.Duration("budget", 0, "wall time per batch after which no new runs start (0: none)")
	only := flag.String("only", "", "measure only programs whose name contains one of these comma-separated strings")
	load := flag.Int("load", 0, "also measure each batch while this many CPU-burning goroutines run beside it (loaded batches)")
	flag.Parse()

	var ps []int
	for _, f := range strings.Split(*procs, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			fail(fmt.Errorf("bad -procs %q", *procs))
		}
		ps = append(ps, n)
	}
	var opts []realgo.Options
	for _, p := range ps {
		opts = append(opts, realgo.Options{GOMAXPROCS: p, Runs: *runs, Timeout: *timeout, Parallel: *parallel, Budget: *budget})
	}
	if *load > 0 {
		for _, o := range opts[:len(ps)] {
			o.Load = *load
			opts = append(opts, o)
		}
	}
	start := time.Now()
	var err error
	switch {
	case *fidelity != "" && *lessons == "":
		err = doFidelity(*fidelity, *only, opts)
	case *lessons != "" && *fidelity == "":
		err = doLessons(*lessons, *only, opts)
	default:
		err = fmt.Errorf("give exactly one of -fidelity or -lessons")
	}
	if err != nil {
		fail(err)
	}
	fmt.Fprintf(os.Stderr, "realruns: total %v\n", time.Since(start).Round(10*time.Millisecond))
}

func selected(name, only string) bool {
	if only == "" {
		return true
	}
	for _, s := range strings.Split(only, ",") {
		if s != "" && strings.Contains(name, s) {
			return true
		}
	}
	return false
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "realruns:", err)
	os.Exit(1)
}

func measure(path, name string, opts []realgo.Options) (realgo.Program, error) {
	t := time.Now()
	p, err := realgo.Measure(path, name, opts...)
	if err != nil {
		return p, err
	}
	var parts []string
	for _, b := range p.Batches {
		loaded := ""
		if b.Loaded {
			loaded = " loaded"
		}
		parts = append(parts, fmt.Sprintf("P=%d%s: %d runs, %d outcomes", b.GOMAXPROCS, loaded, b.Runs, len(b.Outcomes)))
	}
	fmt.Fprintf(os.Stderr, "%-40s %8v  %s\n", name, time.Since(t).Round(10*time.Millisecond), strings.Join(parts, "; "))
	return p, nil
}

func doFidelity(dir, only string, opts []realgo.Options) error {
	files, err := filepath.Glob(filepath.Join(dir, "[0-9][0-9]_*.go"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	out := filepath.Join(dir, "real.json")
	f := realgo.NewFile()
	old, _ := realgo.ReadFile(out) // kept for programs skipped by -only
	for _, file := range files {
		name := filepath.Base(file)
		if !selected(name, only) {
			if old != nil && old.Lookup(name) != nil {
				f.Programs = append(f.Programs, *old.Lookup(name))
			}
			continue
		}
		p, err := measure(file, name, opts)
		if err != nil {
			return err
		}
		f.Programs = append(f.Programs, p)
	}
	return f.WriteFile(out)
}

func doLessons(dir, only string, opts []realgo.Options) error {
	mains, err := filepath.Glob(filepath.Join(dir, "*", "*", "main.go"))
	if err != nil {
		return err
	}
	sort.Strings(mains)
	for _, m := range mains {
		vdir := filepath.Dir(m)
		name := filepath.Base(filepath.Dir(vdir)) + "/" + filepath.Base(vdir)
		if !selected(name, only) {
			continue
		}
		p, err := measure(vdir, name, opts)
		if err != nil {
			return err
		}
		f := realgo.NewFile()
		f.Programs = []realgo.Program{p}
		if err := f.WriteFile(filepath.Join(vdir, "real.json")); err != nil {
			return err
		}
	}
	return nil
}
