// Command benchcheck is the last word of `make bench`: it collects the
// run's figures into one file and judges them against their budgets
// (internal/budget holds the budgets and the judging).
//
//	benchcheck -figures FILE -bench PREFIX < go-test-bench-output
//	    appends every metric of the benchmark lines as PREFIX.NAME.UNIT
//	benchcheck -figures FILE -set KEY=VALUE…
//	    appends figures measured otherwise (sizes)
//	benchcheck -figures FILE -out BENCHMARKS.md
//	    appends the budgets' table to BENCHMARKS.md and exits 1 when one
//	    is not met (✗), 2 on bad input
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"lanes/internal/budget"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("benchcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	figures := fs.String("figures", "", "the run's figures file (required)")
	prefix := fs.String("bench", "", "read go test -bench output on stdin, append its figures under this prefix")
	set := fs.Bool("set", false, "append the KEY=VALUE arguments")
	out := fs.String("out", "", "append the budgets' table to this file; exit 1 if one is not met")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	modes := 0
	for _, on := range []bool{*prefix != "", *set, *out != ""} {
		if on {
			modes++
		}
	}
	if *figures == "" || modes != 1 {
		fmt.Fprintln(stderr, "usage: benchcheck -figures FILE (-bench PREFIX | -set KEY=VALUE… | -out BENCHMARKS.md)")
		return 2
	}
	switch {
	case *set:
		f := budget.Figures{}
		for _, a := range fs.Args() {
			k, v, ok := strings.Cut(a, "=")
			n, err := strconv.ParseFloat(v, 64)
			if !ok || k == "" || strings.ContainsAny(k, " \t") || err != nil {
				fmt.Fprintf(stderr, "benchcheck: %q: want KEY=NUMBER\n", a)
				return 2
			}
			f[k] = n
		}
		return appendFigures(*figures, f, stderr)
	case *prefix != "":
		return appendFigures(*figures, budget.ParseBench(*prefix, stdin), stderr)
	}
	b, err := os.ReadFile(*figures)
	if err != nil {
		fmt.Fprintf(stderr, "benchcheck: %v\n", err)
		return 2
	}
	f, err := budget.Parse(bytes.NewReader(b))
	if err != nil {
		fmt.Fprintf(stderr, "benchcheck: %s: %v\n", *figures, err)
		return 2
	}
	vs := budget.Judge(budget.Rows, f)
	var t strings.Builder
	fmt.Fprintf(&t, "## Budgets (issue 17; %s)\n\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	t.WriteString("Each figure beside the limit it is held against, both measured in this run; the budget is on their ratio " +
		"(or on the figure itself where it says so). A ✗ makes `make bench` fail.\n\n")
	t.WriteString(budget.Table(vs))
	fmt.Fprint(stdout, t.String())
	file, err := os.OpenFile(*out, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		fmt.Fprintf(stderr, "benchcheck: %v\n", err)
		return 2
	}
	_, err = fmt.Fprint(file, "\n"+t.String())
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(stderr, "benchcheck: %v\n", err)
		return 2
	}
	if !budget.AllMet(vs) {
		fmt.Fprintln(stderr, "benchcheck: a budget is not met (✗)")
		return 1
	}
	return 0
}

// appendFigures appends f to the figures file.
func appendFigures(name string, f budget.Figures, stderr io.Writer) int {
	file, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644)
	if err == nil {
		err = f.Write(file)
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "benchcheck: %v\n", err)
		return 2
	}
	return 0
}
