package timeline

// The legend: samples of what a diagram draws, in its SVG (legend) or as
// an HTML list under the picture's box (LegendHTML).

import "unicode/utf8"

func (w *svgw) legend(d *Diagram) {
	for _, it := range d.Legend {
		w.swatch(it.Key, it.X, it.Y)
		w.text("dim", it.X+24, it.Y+3.5, "", it.Label)
		w.s("\n")
	}
}

// swatch draws the legend's sample of key, 18 px wide from x, centred on y.
func (w *svgw) swatch(key string, x, y float64) {
	switch key {
	case "running", "end-done":
		w.rect("s-run", x, y-5, 18, 10, "", -1, -1)
		if key == "end-done" {
			w.line("e-done", x+18, y-6, x+18, y+6, -1)
		}
	case "runnable":
		w.rect("s-rdy", x, y-1.5, 18, 3, "", -1, -1)
	case "blocked":
		w.rect(`s-blk" fill="url(#`+w.id+`-hatch)`, x, y-5, 18, 10, "", -1, -1)
	case "sleeping":
		w.rect("s-slp", x, y-4, 18, 8, "", -1, -1)
	case "killed":
		w.zigzag("e-cut", x+9, y, -1, "")
	case "leaked":
		w.zigzag("e-leak", x+9, y, -1, "")
	case "stack": // a group lane's chart: from the base up, running, runnable, blocked, sleeping
		w.rect("gk-slp", x, y-6, 18, 12, "", -1, -1)
		w.rect(`gk-blk" fill="url(#`+w.id+`-hatch)`, x, y-3, 18, 9, "", -1, -1)
		w.rect("gk-rdy", x, y, 18, 6, "", -1, -1)
		w.rect("gk-run", x, y+3, 18, 3, "", -1, -1)
	case string(MarkMany):
		w.rect("m-many", x, y-2, 18, 4, "", -1, -1)
	default:
		w.s(`<path class="m m-`, key, `" d="`)
		w.shape(MarkKind(key), x+9, y)
		w.s(`"/>`)
	}
}

// LegendHTML is the legend of what d shows (the states, ends and marker
// kinds it draws) as an HTML list, for a page to put under the timeline's
// box, where it wraps to the page's width: inside a picture wider than
// its box (a phone's, before the page lays the run out again) it would
// run off to the right. Each sample is a small SVG of the picture's root
// class and theme: the picture's style paints it, and its hatching is
// the picture's pattern (opts.IDPrefix, "lanes" by default). It lists
// the same items whether or not d was laid out with its own legend.
func LegendHTML(d *Diagram, opts SVGOptions) string {
	if opts.IDPrefix == "" {
		opts.IDPrefix = "lanes"
	}
	th := [...]string{ThemeAuto: "th-auto", ThemeLight: "th-light", ThemeDark: "th-dark"}[opts.Theme%3]
	w := &svgw{b: make([]byte, 0, 1024), id: opts.IDPrefix}
	w.s(`<ul class="tl-legend" aria-label="legend">`)
	for _, k := range legendKeys(d) {
		w.s(`<li><svg class="lanes-tl `, th, `" width="18" height="16" viewBox="0 0 18 16" aria-hidden="true">`)
		w.swatch(k, 0, 8)
		w.s(`</svg>`, EscapeHTML(legendLabels[k]), `</li>`)
	}
	w.s(`</ul>`)
	return string(w.b)
}

var legendLabels = map[string]string{
	"running": "running", "runnable": "runnable", "blocked": "blocked (hatched)",
	"sleeping": "sleeping (dashed)", "end-done": "returned", "killed": "killed at exit",
	"leaked": "leaked", "stack": "a group: how many in each state",
	string(MarkGo): "go", string(MarkAdd): "Add", string(MarkDone): "Done",
	string(MarkWait): "Wait", string(MarkReturn): "Wait returns", string(MarkPrint): "print",
	string(MarkPanic): "panic", string(MarkRecover): "recover", string(MarkCancel): "cancel",
	string(MarkAcquire): "acquire/lock", string(MarkRelease): "release/unlock",
	string(MarkSend): "send", string(MarkRecv): "receive", string(MarkClose): "close",
	string(MarkSelect): "select", string(MarkTimer): "timer", string(MarkOnce): "once",
	string(MarkMany): "many events (zoom in)",
}

var legendOrder = []string{"running", "runnable", "blocked", "sleeping", "end-done", "killed", "leaked", "stack",
	string(MarkGo), string(MarkAdd), string(MarkDone), string(MarkWait), string(MarkReturn),
	string(MarkPrint), string(MarkSend), string(MarkRecv), string(MarkClose), string(MarkSelect),
	string(MarkAcquire), string(MarkRelease), string(MarkOnce), string(MarkTimer),
	string(MarkCancel), string(MarkPanic), string(MarkRecover), string(MarkMany)}

// legendKeys is what d's legend lists: the four states always, ends,
// group lanes' charts and marker kinds when present, in legendOrder.
func legendKeys(d *Diagram) []string {
	used := map[string]bool{"running": true, "runnable": true, "blocked": true, "sleeping": true}
	for i := range d.Lanes {
		ln := &d.Lanes[i]
		switch ln.End {
		case EndDone:
			used["end-done"] = true
		case EndKilled, EndLeaked:
			used[string(ln.End)] = true
		}
		if len(ln.Stack) > 0 {
			used["stack"] = true
		}
		for j := range ln.Markers {
			used[string(ln.Markers[j].Kind)] = true
		}
	}
	for i := range d.Tracks {
		if len(d.Tracks[i].Marks) > 0 {
			used[string(MarkReturn)] = true
		}
	}
	var keys []string
	for _, k := range legendOrder {
		if used[k] {
			keys = append(keys, k)
		}
	}
	return keys
}

// legend lays out, from y down, the legend of what the diagram shows
// (legendKeys), wrapping rows; it returns the new height.
func (l *layouter) legend(y float64) float64 {
	d := l.d
	x, row := 8.0, y+legendH/2
	for _, k := range legendKeys(d) {
		w := 26 + 6.6*float64(utf8.RuneCountInString(legendLabels[k]))
		if x+w > d.Width-8 {
			x, row = 8, row+legendH
		}
		d.Legend = append(d.Legend, LegendItem{Key: k, Label: legendLabels[k], X: x, Y: row})
		x += w + 10
	}
	return row + legendH/2 + 4
}
