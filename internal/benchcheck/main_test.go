package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A whole run's figures, every budget met.
const allMet = `fcp.lesson 100
fcp.floor 95
ready.lesson 500
ready.hello 450
wasm.Course/runtime/hints.events/s 30
native.Course/runtime/hints.events/s 100
native.PingPong.ns/op 440
wasm.PingPong.ns/op 1500
rps.page 4000
rps.static 4500
size.app.br 1300000
size.goapphello.br 1400000
size.plainhello.br 440000
`

func TestRun(t *testing.T) {
	tests := []struct {
		desc    string
		figures string // the file's content before the call
		args    []string
		stdin   string
		code    int
		wantOut []string // in BENCHMARKS.md
		wantFig string   // in the figures file after the call
	}{
		{desc: "every budget met", figures: allMet, args: []string{"-out", "B"}, code: 0, wantOut: []string{"## Budgets", "| ✓ |"}},
		{desc: "a ratio over its budget", figures: allMet + "fcp.lesson 200\n", args: []string{"-out", "B"}, code: 1, wantOut: []string{"2.11 | ratio ≤ 1.2 | ✗ |"}},
		{desc: "a figure not measured", figures: strings.Replace(allMet, "rps.page 4000\n", "", 1), args: []string{"-out", "B"}, code: 1,
			wantOut: []string{"| not measured |"}},
		{desc: "a bad figures file", figures: "fcp.lesson fast\n", args: []string{"-out", "B"}, code: 2},
		{desc: "bench output appended", args: []string{"-bench", "native"}, stdin: "BenchmarkPingPong \t 100\t 440 ns/op\n", code: 0,
			wantFig: "native.PingPong.ns/op 440\n"},
		{desc: "sizes set", figures: "a 1\n", args: []string{"-set", "size.app.br=1330000"}, code: 0, wantFig: "a 1\nsize.app.br 1330000\n"},
		{desc: "a bad size", args: []string{"-set", "size.app.br=big"}, code: 2},
		{desc: "two modes at once", args: []string{"-set", "-out", "B"}, code: 2},
		{desc: "no mode", args: nil, code: 2},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		fig, out := filepath.Join(dir, "figures.txt"), filepath.Join(dir, "B")
		if err := os.WriteFile(fig, []byte(tt.figures), 0o644); err != nil {
			t.Fatal(err)
		}
		args := []string{"-figures", fig}
		for _, a := range tt.args {
			if a == "B" {
				a = out
			}
			args = append(args, a)
		}
		var stdout, stderr strings.Builder
		if code := run(args, strings.NewReader(tt.stdin), &stdout, &stderr); code != tt.code {
			t.Errorf("%s: exit %d, want %d (stderr %q)", tt.desc, code, tt.code, stderr.String())
		}
		got, _ := os.ReadFile(out)
		for _, w := range tt.wantOut {
			if !strings.Contains(string(got), w) {
				t.Errorf("%s: BENCHMARKS.md lacks %q; it is:\n%s", tt.desc, w, got)
			}
		}
		if tt.wantFig != "" {
			if got, _ := os.ReadFile(fig); string(got) != tt.wantFig {
				t.Errorf("%s: figures file %q, want %q", tt.desc, got, tt.wantFig)
			}
		}
	}
}
