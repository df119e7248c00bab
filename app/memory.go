package app

import (
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// MemoryPanel is "Measured in your browser" on the over-concurrency lesson:
// it parks N real goroutines inside the running WebAssembly program, reads
// runtime.ReadMemStats before and after, shows the bytes per goroutine and
// releases them. The measuring is wasm-only (memory_wasm.go); prerendered
// and in native builds the panel is a button that says so.
type MemoryPanel struct {
	app.Compo

	n       int
	running bool
	res     *MemResult
	err     string
}

// MemResult is one measurement: memory grown while n goroutines were
// parked, from runtime.MemStats (bytes).
type MemResult struct {
	N          int
	StackInuse int64 // StackInuse after − before
	HeapAlloc  int64 // HeapAlloc after − before (the goroutine structs, sudogs…)
	Sys        int64 // Sys after − before: what the runtime took from the browser
	Millis     float64
}

// PerGoroutine is the stack and heap growth divided by N.
func (r MemResult) PerGoroutine() float64 {
	if r.N == 0 {
		return 0
	}
	return float64(r.StackInuse+r.HeapAlloc) / float64(r.N)
}

// MemCounts are the choices of N.
var MemCounts = []int{1000, 10000, 100000}

func (m *MemoryPanel) count() int {
	if m.n == 0 {
		return MemCounts[0]
	}
	return m.n
}

func (m *MemoryPanel) onCount(ctx app.Context, e app.Event) {
	if n, err := strconv.Atoi(ctx.JSSrc().Get("value").String()); err == nil && slices.Contains(MemCounts, n) {
		m.n = n
	}
}

func (m *MemoryPanel) onMeasure(ctx app.Context, e app.Event) {
	if m.running {
		return
	}
	n := m.count()
	m.running, m.err = true, ""
	ctx.Async(func() {
		yieldToPage() // let "measuring…" paint first
		r, err := measureGoroutines(n)
		ctx.Dispatch(func(ctx app.Context) {
			m.running = false
			if err != nil {
				m.err = err.Error()
				return
			}
			m.res = &r
		})
	})
}

// Render draws the panel.
func (m *MemoryPanel) Render() app.UI {
	n := m.count()
	return app.Section().Class("memory").Aria("label", "Measured in your browser").Body(
		app.H2().Text("Measured in your browser"),
		app.P().Text("The tutorial says a goroutine costs about 2 KB. This parks real goroutines inside the Go program running this page (WebAssembly), reads runtime.ReadMemStats before and after, then lets them go."),
		div("memory-bar",
			app.Select().Class("memory-n").Aria("label", "goroutines").OnChange(m.onCount).Body(
				app.Range(MemCounts).Slice(func(i int) app.UI {
					return option(strconv.Itoa(MemCounts[i]), commas(MemCounts[i])+" goroutines", MemCounts[i] == n)
				}),
			),
			app.If(m.running, func() app.UI {
				return button("memory-run").Disabled(true).Text("Measuring…")
			}).Else(func() app.UI {
				return button("memory-run").Text("Measure").OnClick(m.onMeasure)
			}),
		),
		app.If(m.err != "", func() app.UI { return pText("run-error", m.err) }),
		app.If(m.res != nil, func() app.UI {
			r := *m.res
			return div("memory-result",
				app.P().Body(
					app.Strong().Class("memory-per").Text(strconv.FormatFloat(r.PerGoroutine()/1024, 'f', 2, 64)+" KB"),
					app.Text(" per parked goroutine in this browser ("+commas(r.N)+" goroutines, "+strconv.FormatFloat(r.Millis, 'f', 0, 64)+" ms to start them)."),
				),
				app.Ul().Body(
					app.Li().Text("stacks: "+kb(r.StackInuse, r.N)+" per goroutine"),
					app.Li().Text("heap (goroutine records, closures): "+kb(r.HeapAlloc, r.N)+" per goroutine"),
					app.Li().Text("memory the runtime took from the browser meanwhile: "+strconv.FormatFloat(float64(r.Sys)/(1<<20), 'f', 1, 64)+" MB"),
				),
			)
		}),
	)
}

func kb(total int64, n int) string {
	return strconv.FormatFloat(float64(total)/float64(n)/1024, 'f', 2, 64) + " KB"
}

// commas writes n with thousands separators: 100000 → "100,000".
func commas(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
