// Package budget judges `make bench`'s figures against their budgets.
//
// Terms. A figure is one measured number under a key ("fcp.lesson",
// "rps.static"…). `make bench`'s steps append figures to one file, a
// line each: "KEY VALUE" (blank lines and lines starting with # are
// skipped); go test -bench output is turned into figures by ParseBench.
// A row (Rows) sets a figure beside the limit it is held against, both
// measured in the same run, and their ratio against a budget; a row whose
// budget is on the figure alone (Row.OnFigure) shows the ratio only for
// information. Judge says ✓ or ✗ for each row; a figure that was not
// measured is a ✗ (a budget nobody checked is not met). Table renders the
// rows as Markdown for BENCHMARKS.md.
//
// Absolute times on a shared machine move by 2× from one run to the next;
// ratios in the same run do not: that is why every budget but the wasm's
// size is a ratio.
package budget

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Figures are measured numbers by key.
type Figures map[string]float64

// Parse reads figures, a "KEY VALUE" line each. A key seen twice keeps its
// last value (a step re-run appends again).
func Parse(r io.Reader) (Figures, error) {
	f := Figures{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) != 2 {
			return nil, fmt.Errorf("line %d: %q: want KEY VALUE", n, line)
		}
		v, err := strconv.ParseFloat(fields[1], 64)
		if err != nil {
			return nil, fmt.Errorf("line %d: %q: the value is not a number", n, line)
		}
		f[fields[0]] = v
	}
	return f, sc.Err()
}

// ParseBench turns go test -bench output into figures: every metric of a
// benchmark line is a figure "PREFIX.NAME.UNIT", where NAME is the
// benchmark's name without "Benchmark" and without the "-N" GOMAXPROCS
// suffix ("BenchmarkPingPong-2 … 440 ns/op" with prefix "native" is
// "native.PingPong.ns/op" 440). A benchmark run several times (-count)
// gives the median of its results. Other lines are skipped.
func ParseBench(prefix string, r io.Reader) Figures {
	all := map[string][]float64{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(fields[1]); err != nil {
			continue // not a result line (e.g. a log line)
		}
		name := strings.TrimPrefix(fields[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i >= 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		for i := 2; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				break
			}
			k := prefix + "." + name + "." + fields[i+1]
			all[k] = append(all[k], v)
		}
	}
	f := Figures{}
	for k, vs := range all {
		slices.Sort(vs)
		f[k] = vs[len(vs)/2]
	}
	return f
}

// Write writes figures in Parse's format, sorted by key.
func (f Figures) Write(w io.Writer) error {
	for _, k := range sortedKeys(f) {
		if _, err := fmt.Fprintf(w, "%s %s\n", k, strconv.FormatFloat(f[k], 'f', -1, 64)); err != nil {
			return err
		}
	}
	return nil
}
