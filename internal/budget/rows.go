package budget

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// A Quantity is a figure (Key), or the quotient of two (Key ÷ Per).
type Quantity struct{ Key, Per string }

// value is the quantity in f; false if a figure it needs was not measured
// (or would divide by zero).
func (q Quantity) value(f Figures) (float64, bool) {
	v, ok := f[q.Key]
	if !ok {
		return 0, false
	}
	if q.Per == "" {
		return v, true
	}
	d, ok := f[q.Per]
	if !ok || d == 0 {
		return 0, false
	}
	return v / d, true
}

// A Row is a figure, the limit it is held against and its budget.
type Row struct {
	Name, LimitName string // what the figure and the limit are, for the table
	Figure, Limit   Quantity
	Unit            string // of figure and limit: "ms", "req/s", "MB" (kept and shown in bytes), "" (a number)
	// The budget: Op is "≤", "≥", or "" (shown, not judged). It is on
	// figure ÷ limit, or on the figure alone when OnFigure.
	Op       string
	Budget   float64
	OnFigure bool
}

// Rows are `make bench`'s budgets (issue 17).
var Rows = []Row{
	{Name: "lesson first contentful paint", LimitName: "a one-paragraph page from the same server",
		Figure: Quantity{Key: "fcp.lesson"}, Limit: Quantity{Key: "fcp.floor"}, Unit: "ms", Op: "≤", Budget: 1.2},
	{Name: "lesson interactive (its own timeline live and playable)", LimitName: "a go-app hello-world mounted, built the same way",
		Figure: Quantity{Key: "ready.lesson"}, Limit: Quantity{Key: "ready.hello"}, Unit: "ms", Op: "≤", Budget: 1.3},
	{Name: "simulator per event, wasm ÷ native (GOMAXPROCS=1), every course program", LimitName: "an unbuffered channel ping-pong, wasm ÷ native",
		Figure: Quantity{Key: "wasm.Course/runtime/hints.events/s", Per: "native.Course/runtime/hints.events/s"},
		Limit:  Quantity{Key: "native.PingPong.ns/op", Per: "wasm.PingPong.ns/op"}, Op: "≥", Budget: 0.27, OnFigure: true},
	{Name: "cached lesson page, requests/s (c = 50, loopback)", LimitName: "a small static file's",
		Figure: Quantity{Key: "rps.page"}, Limit: Quantity{Key: "rps.static"}, Unit: "req/s", Op: "≥", Budget: 0.8},
	{Name: "app.wasm, brotli", LimitName: "a go-app hello as go-app ships",
		Figure: Quantity{Key: "size.app.br"}, Limit: Quantity{Key: "size.goapphello.br"}, Unit: "MB", Op: "≤", Budget: 1.33, OnFigure: true},
	{Name: "app.wasm, brotli", LimitName: "a plain Go hello (syscall/js)",
		Figure: Quantity{Key: "size.app.br"}, Limit: Quantity{Key: "size.plainhello.br"}, Unit: "MB"},
}

// A Verdict is a row judged on the figures of one run.
type Verdict struct {
	Row
	Figure, Limit, Ratio float64
	HasFigure, HasLimit  bool // measured
	Measured             bool // the figure and the limit were both measured
	OK                   bool // the budget is met (or the row is not judged)
}

// round2 is v as the table shows it (two decimals): what is shown is what
// is judged.
func round2(v float64) float64 { return math.Round(v*100) / 100 }

// judge says whether judged meets the row's budget. A size on the figure
// alone (Unit "MB", OnFigure) is judged in bytes against the budget's
// bytes, unrounded: 1,334,598 bytes is over 1.33 MB even though it shows
// as 1.33. Ratios are judged as the table shows them (two decimals).
func (r Row) judge(judged float64) bool {
	if r.Unit == "MB" && r.OnFigure {
		judged, budget := math.Round(judged), math.Round(r.Budget*1e6)
		if r.Op == "≤" {
			return judged <= budget
		}
		return judged >= budget
	}
	if r.Op == "≤" {
		return round2(judged) <= r.Budget
	}
	return round2(judged) >= r.Budget
}

// Judge judges every row on f.
func Judge(rows []Row, f Figures) []Verdict {
	out := make([]Verdict, 0, len(rows))
	for _, r := range rows {
		v := Verdict{Row: r}
		fig, ok1 := r.Figure.value(f)
		lim, ok2 := r.Limit.value(f)
		v.Figure, v.Limit, v.HasFigure, v.HasLimit = fig, lim, ok1, ok2
		v.Measured = ok1 && ok2 && lim != 0
		if v.Measured {
			v.Ratio = fig / lim
		}
		judged, has := v.Ratio, v.Measured
		if r.OnFigure {
			judged, has = fig, ok1
		}
		v.OK = r.Op == "" || has && r.judge(judged)
		out = append(out, v)
	}
	return out
}

// AllMet reports whether every verdict is met.
func AllMet(vs []Verdict) bool {
	for _, v := range vs {
		if !v.OK {
			return false
		}
	}
	return true
}

// format shows a value of the row's unit.
func (r Row) format(v float64) string {
	switch r.Unit {
	case "ms":
		return fmt.Sprintf("%.0f ms", v)
	case "req/s":
		return fmt.Sprintf("%.0f req/s", v)
	case "MB":
		return bytesText(v)
	}
	return fmt.Sprintf("%.2f", v)
}

// Table renders the verdicts as a Markdown table.
func Table(vs []Verdict) string {
	var b strings.Builder
	b.WriteString("| figure | measured | limit it is held against | measured | ratio | budget | |\n")
	b.WriteString("| --- | ---: | --- | ---: | ---: | --- | --- |\n")
	for _, v := range vs {
		fig, lim, ratio := "not measured", "not measured", "–"
		if v.HasFigure {
			fig = v.format(v.Figure)
		}
		if v.HasLimit {
			lim = v.format(v.Limit)
		}
		if v.Measured {
			ratio = fmt.Sprintf("%.2f", v.Ratio)
		}
		budget, mark := "–", ""
		if v.Op != "" {
			on := "ratio"
			if v.OnFigure {
				on = "figure"
			}
			budget = fmt.Sprintf("%s %s %g", on, v.Op, v.Budget)
			if v.Unit == "MB" && v.OnFigure {
				budget = fmt.Sprintf("%s %s %s", on, v.Op, bytesText(v.Budget*1e6))
			}
			mark = "✗"
			if v.OK {
				mark = "✓"
			}
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", v.Name, fig, v.LimitName, lim, ratio, budget, mark)
	}
	return b.String()
}

// bytesText is a size in bytes, exactly, its thousands grouped: "1,334,598
// bytes" (a size in MB with two decimals would hide 5 KB).
func bytesText(v float64) string {
	s := strconv.FormatInt(int64(math.Round(v)), 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String() + " bytes"
}

func sortedKeys(f Figures) []string {
	keys := make([]string, 0, len(f))
	for k := range f {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
