package budget

import (
	"fmt"
	"strings"
	"testing"
)

func TestJudge(t *testing.T) {
	le := Row{Name: "fcp", Figure: Quantity{Key: "f"}, Limit: Quantity{Key: "l"}, Unit: "ms", Op: "≤", Budget: 1.2}
	ge := Row{Name: "rps", Figure: Quantity{Key: "f"}, Limit: Quantity{Key: "l"}, Op: "≥", Budget: 0.8}
	size := Row{Name: "size", Figure: Quantity{Key: "f"}, Limit: Quantity{Key: "l"}, Unit: "MB", Op: "≤", Budget: 1.33, OnFigure: true}
	quot := Row{Name: "sim", Figure: Quantity{Key: "w", Per: "n"}, Limit: Quantity{Key: "pn", Per: "pw"}, Op: "≥", Budget: 0.27, OnFigure: true}
	info := Row{Name: "info", Figure: Quantity{Key: "f"}, Limit: Quantity{Key: "l"}}
	tests := []struct {
		desc      string
		row       Row
		f         Figures
		wantRatio float64
		measured  bool
		ok        bool
	}{
		{desc: "≤ met", row: le, f: Figures{"f": 110, "l": 100}, wantRatio: 1.1, measured: true, ok: true},
		{desc: "≤ met at the budget as shown (1.204 shows 1.20)", row: le, f: Figures{"f": 120.4, "l": 100}, wantRatio: 1.204, measured: true, ok: true},
		{desc: "≤ not met (1.206 shows 1.21)", row: le, f: Figures{"f": 120.6, "l": 100}, wantRatio: 1.206, measured: true},
		{desc: "≥ met", row: ge, f: Figures{"f": 90, "l": 100}, wantRatio: 0.9, measured: true, ok: true},
		{desc: "≥ not met", row: ge, f: Figures{"f": 29, "l": 100}, wantRatio: 0.29, measured: true},
		{desc: "the figure not measured is not met", row: ge, f: Figures{"l": 100}},
		{desc: "the limit not measured is not met", row: le, f: Figures{"f": 100}},
		{desc: "a zero limit is not measured", row: le, f: Figures{"f": 100, "l": 0}},
		{desc: "on the figure: the size met without its limit", row: size, f: Figures{"f": 1299999}, ok: true},
		{desc: "on the figure: the size at the budget's byte is met", row: size, f: Figures{"f": 1330000}, ok: true},
		{desc: "on the figure: one byte over is not met", row: size, f: Figures{"f": 1330001}},
		{desc: "on the figure: over, though it shows as 1.33 MB", row: size, f: Figures{"f": 1334598}},
		{desc: "on the figure: a figure not measured is not met", row: size, f: Figures{}},
		{desc: "on the figure: the size grown", row: size, f: Figures{"f": 1380658, "l": 1.4e6}, wantRatio: 1380658 / 1.4e6, measured: true},
		{desc: "quotients: the figure met", row: quot, f: Figures{"w": 30, "n": 100, "pn": 44, "pw": 150}, wantRatio: 0.3 / (44.0 / 150), measured: true, ok: true},
		{desc: "quotients: the figure not met", row: quot, f: Figures{"w": 20, "n": 100, "pn": 44, "pw": 150}, wantRatio: 0.2 / (44.0 / 150), measured: true},
		{desc: "quotients: a part missing", row: quot, f: Figures{"w": 30, "pn": 44, "pw": 150}},
		{desc: "a row without a budget is always met", row: info, f: Figures{}, ok: true},
	}
	for _, tt := range tests {
		v := Judge([]Row{tt.row}, tt.f)[0]
		if v.Measured != tt.measured || v.OK != tt.ok || fmt.Sprintf("%.6f", v.Ratio) != fmt.Sprintf("%.6f", tt.wantRatio) {
			t.Errorf("%s: Judge = measured %v, ok %v, ratio %.6f; want %v, %v, %.6f", tt.desc, v.Measured, v.OK, v.Ratio, tt.measured, tt.ok, tt.wantRatio)
		}
	}
}

func TestAllMet(t *testing.T) {
	tests := []struct {
		desc string
		vs   []Verdict
		want bool
	}{
		{desc: "none", want: true},
		{desc: "all met", vs: []Verdict{{OK: true}, {OK: true}}, want: true},
		{desc: "one not met", vs: []Verdict{{OK: true}, {OK: false}}, want: false},
	}
	for _, tt := range tests {
		if got := AllMet(tt.vs); got != tt.want {
			t.Errorf("%s: AllMet = %v, want %v", tt.desc, got, tt.want)
		}
	}
}

// Every row's keys are made by some step of make bench: a typo would make
// a budget that can never be met.
func TestRowsKeys(t *testing.T) {
	made := map[string]bool{
		"fcp.lesson": true, "fcp.floor": true, "ready.lesson": true, "ready.hello": true,
		"wasm.Course/runtime/hints.events/s": true, "native.Course/runtime/hints.events/s": true,
		"native.PingPong.ns/op": true, "wasm.PingPong.ns/op": true, "rps.page": true, "rps.static": true,
		"size.app.br": true, "size.goapphello.br": true, "size.plainhello.br": true,
	}
	for _, r := range Rows {
		for _, k := range []string{r.Figure.Key, r.Figure.Per, r.Limit.Key, r.Limit.Per} {
			if k != "" && !made[k] {
				t.Errorf("row %q: no step of make bench writes %q", r.Name, k)
			}
		}
		if r.Op != "" && r.Op != "≤" && r.Op != "≥" {
			t.Errorf("row %q: Op %q, want ≤, ≥ or none", r.Name, r.Op)
		}
	}
}

func TestTableMarksAndMissing(t *testing.T) {
	vs := Judge(Rows, Figures{"fcp.lesson": 180, "fcp.floor": 90, "size.app.br": 1.2e6})
	got := Table(vs)
	for _, want := range []string{
		"| lesson first contentful paint | 180 ms | a one-paragraph page from the same server | 90 ms | 2.00 | ratio ≤ 1.2 | ✗ |",
		"| app.wasm, brotli | 1,200,000 bytes | a go-app hello as go-app ships | not measured | – | figure ≤ 1,330,000 bytes | ✓ |",
		"| lesson interactive (its own timeline live and playable) | not measured |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Table lacks %q; it is:\n%s", want, got)
		}
	}
}

func TestBytesText(t *testing.T) {
	tests := []struct {
		desc string
		v    float64
		want string
	}{
		{desc: "zero", v: 0, want: "0 bytes"},
		{desc: "three digits", v: 999, want: "999 bytes"},
		{desc: "four digits", v: 1000, want: "1,000 bytes"},
		{desc: "the budget", v: 1.33e6, want: "1,330,000 bytes"},
		{desc: "rounded to the byte", v: 1334597.6, want: "1,334,598 bytes"},
		{desc: "negative", v: -1234, want: "-1,234 bytes"},
	}
	for _, tt := range tests {
		if got := bytesText(tt.v); got != tt.want {
			t.Errorf("%s: bytesText(%v) = %q, want %q", tt.desc, tt.v, got, tt.want)
		}
	}
}

func ExampleTable() {
	f := Figures{"rps.page": 4000, "rps.static": 4500}
	fmt.Print(Table(Judge(Rows[3:4], f)))
	// Output:
	// | figure | measured | limit it is held against | measured | ratio | budget | |
	// | --- | ---: | --- | ---: | ---: | --- | --- |
	// | cached lesson page, requests/s (c = 50, loopback) | 4000 req/s | a small static file's | 4500 req/s | 0.89 | ratio ≥ 0.8 | ✓ |
}
