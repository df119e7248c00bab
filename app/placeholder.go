package app

import (
	"fmt"
	"strings"

	"lanes/sim/trace"
	"lanes/timeline"
)

// placeholder is the catalog used until the real one is installed with
// SetCatalog: one lesson with a hard-coded trace and a plain drawing, enough
// for every page, test and screenshot to work.
type placeholder struct{}

const placeholderCode = `package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("worker", i)
		}()
	}
	wg.Wait()
	fmt.Println("Finished!")
}
`

func (placeholder) Lessons() []Lesson {
	return []Lesson{{
		Slug:     "hello-waitgroup",
		Title:    "Waiting for goroutines",
		Summary:  "main starts two workers and waits for both with a sync.WaitGroup.",
		TextHTML: "<p>A placeholder lesson: <code>main</code> starts two goroutines and waits for them with <code>wg.Wait()</code>.</p>",
		Thumb:    drawPlain(placeholderTrace(), 240, 6).SVG,
		Variants: []Variant{
			{Name: "fixed", Title: "Add before go", File: "main.go", Code: placeholderCode},
			{Name: "same", Title: "The same, again", File: "main.go", Code: placeholderCode},
		},
	}}
}

func (placeholder) Run(slug, variant string, seed int64, strategy string) (Run, error) {
	t := placeholderTrace()
	t.Seed, t.Strategy = seed, strategy
	return drawPlain(t, 640, 28), nil
}

func placeholderTrace() *trace.Trace {
	ev := []trace.Event{
		{G: 1, Kind: trace.KindState, State: trace.StateRunning},
		{G: 1, Kind: trace.KindWGAdd, Line: 11, Obj: 1, Delta: 1, Value: 1},
		{G: 1, Kind: trace.KindGo, Line: 12, Peer: 2},
		{G: 1, Kind: trace.KindWGAdd, Line: 11, Obj: 1, Delta: 1, Value: 2},
		{G: 1, Kind: trace.KindGo, Line: 12, Peer: 3},
		{G: 1, Kind: trace.KindWGWait, Line: 17, Obj: 1, Value: 2},
		{G: 2, Kind: trace.KindPrint, Line: 14, Text: "worker 1\n"},
		{G: 2, Kind: trace.KindWGAdd, Line: 13, Obj: 1, Delta: -1, Value: 1},
		{G: 3, Kind: trace.KindPrint, Line: 14, Text: "worker 2\n"},
		{G: 3, Kind: trace.KindWGAdd, Line: 13, Obj: 1, Delta: -1, Value: 0},
		{G: 1, Kind: trace.KindWGReturn, Line: 17, Obj: 1},
		{G: 1, Kind: trace.KindPrint, Line: 18, Text: "Finished!\n"},
		{G: 1, Kind: trace.KindExit, Line: 19, Text: "main returned"},
	}
	for i := range ev {
		ev[i].Seq = int32(i)
	}
	return &trace.Trace{
		Version: trace.Version, Program: "main.go", Strategy: "runtime", Seed: 1,
		Goroutines: []trace.Goroutine{
			{ID: 1, Name: "main", Func: "main.main"},
			{ID: 2, Name: "func1", Parent: 1, Line: 12, Func: "main.main.func1"},
			{ID: 3, Name: "func1", Parent: 1, Line: 12, Func: "main.main.func1"},
		},
		Objects: []trace.Object{{ID: 1, Kind: trace.ObjWaitGroup, Name: "WaitGroup 1", Line: 9}},
		Events:  ev,
		Outcome: trace.Outcome{Exit: trace.ExitOK, Output: "worker 1\nworker 2\nFinished!\n", PeakLive: 3, Steps: len(ev)},
	}
}

// drawPlain draws a trace as one lane per goroutine with a tick per event,
// events evenly spaced. It stands in for package lanes/timeline.
func drawPlain(t *trace.Trace, width, laneH int) Run {
	const left, pad = 64, 8
	n := len(t.Events)
	h := pad*2 + laneH*len(t.Goroutines)
	dx := float64(width-left-pad) / float64(max(n, 1))
	x := func(p int) float64 { return float64(left) + dx*float64(p) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="lanes-timeline" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="timeline">`, width, h, width, h)
	lane := map[trace.GoID]int{}
	for i, g := range t.Goroutines {
		lane[g.ID] = i
		y := pad + laneH*i
		fmt.Fprintf(&b, `<text x="4" y="%d" font-size="%d" class="lane-label">%s</text>`,
			y+laneH*2/3, max(laneH/2, 5), timeline.EscapeHTML(g.Name))
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%d" y2="%d" class="lane" stroke="currentColor" stroke-opacity="0.3"/>`,
			left, width-pad, y+laneH/2, y+laneH/2)
	}
	for i, e := range t.Events {
		y := pad + laneH*lane[e.G]
		fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" class="ev ev-%s" fill="currentColor" fill-opacity="0.6"><title>%s</title></rect>`,
			x(i)+1, y+laneH/4, max(dx-2, 1), laneH/2, e.Kind, timeline.EscapeHTML(e.Kind.String()+" "+e.Text))
	}
	b.WriteString(`</svg>`)
	steps := make([]float64, n+1)
	for p := range steps {
		steps[p] = x(p)
	}
	return Run{Trace: t, SVG: b.String(), StepX: steps, Top: pad / 2, Bottom: float64(h - pad/2)}
}
