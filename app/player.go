package app

import (
	"math"
	"strconv"
	"strings"

	"lanes/sim/trace"
	"lanes/timeline"
)

// speeds are the playback speeds; +Inf is "instant".
var speeds = []float64{0.25, 0.5, 1, 2, 4, 8, math.Inf(1)}

// defaultSpeed is the index of 1× in speeds.
const defaultSpeed = 2

// runSeconds is how long a whole run plays at 1×, whatever its size: the
// speed is in steps of the run, not fixed steps per second.
const runSeconds = 10

// minStepsPerSecond keeps a very short run from crawling.
const minStepsPerSecond = 2

// stepsPerSecond is how many events play per second at 1× in a run of n.
func stepsPerSecond(n int) float64 { return max(float64(n)/runSeconds, minStepsPerSecond) }

// player is the pure state of playback over n events: pos events are shown
// (0 ≤ pos ≤ n), frac is the way to the next one while playing.
type player struct {
	n, pos  int
	frac    float64
	playing bool
	speed   int  // index in speeds
	byLine  bool // the step buttons go by source line, not by event (stepping.go)
}

func (p *player) reset(n, pos int) {
	p.n, p.frac, p.playing = n, 0, false
	if pos < 0 || pos > n {
		pos = n
	}
	p.pos = pos
}

// seek moves to pos (clamped) and stops the in-between motion.
func (p *player) seek(pos int) {
	p.pos, p.frac = min(max(pos, 0), p.n), 0
}

// step moves by d events and pauses.
func (p *player) step(d int) {
	p.playing = false
	p.seek(p.pos + d)
}

// toggle starts or pauses playback; playing at the end starts over.
func (p *player) toggle() {
	if p.playing {
		p.playing = false
		return
	}
	if p.pos >= p.n {
		p.seek(0)
	}
	p.playing = true
	if math.IsInf(speeds[p.speed], 1) {
		p.seek(p.n)
		p.playing = false
	}
}

// faster and slower change the speed by one notch.
func (p *player) faster() { p.speed = min(p.speed+1, len(speeds)-1) }
func (p *player) slower() { p.speed = max(p.speed-1, 0) }

// advance plays dt seconds; it reports whether pos changed.
func (p *player) advance(dt float64) bool {
	if !p.playing {
		return false
	}
	s := speeds[p.speed]
	if math.IsInf(s, 1) {
		p.seek(p.n)
		p.playing = false
		return true
	}
	p.frac += dt * s * stepsPerSecond(p.n)
	old := p.pos
	for p.frac >= 1 && p.pos < p.n {
		p.frac--
		p.pos++
	}
	if p.pos >= p.n {
		p.pos, p.frac, p.playing = p.n, 0, false
	}
	return p.pos != old
}

// speedLabel formats a speed for the picker.
func speedLabel(i int) string {
	s := speeds[i]
	if math.IsInf(s, 1) {
		return "instant"
	}
	return strconv.FormatFloat(s, 'f', -1, 64) + "×"
}

// frame is what the page shows with the first pos events of a trace.
type frame struct {
	lines   map[trace.GoID]int32 // each live goroutine's current line
	console string               // output so far
	caption string               // the last event, in words
}

// leavesLine says whether e ends its goroutine's stay at a line of the
// code: it returned, or died (killed at exit, leaked).
func leavesLine(e *trace.Event) bool {
	return e.Kind == trace.KindState && (e.State == trace.StateDone || !e.State.Alive() && e.State != trace.StateNone)
}

func frameAt(t *trace.Trace, pos int) frame {
	f := frame{lines: map[trace.GoID]int32{}}
	if t == nil {
		return f
	}
	pos = min(max(pos, 0), len(t.Events))
	var out strings.Builder
	for _, e := range t.Events[:pos] {
		if e.Line > 0 {
			f.lines[e.G] = e.Line
		}
		switch {
		case e.Kind == trace.KindPrint:
			out.WriteString(e.Text)
		case leavesLine(&e):
			delete(f.lines, e.G)
		}
	}
	f.console = out.String()
	f.caption = timeline.StepCaption(t, pos)
	return f
}

// endLine is the line a run that ended in Go's panic or fatal error text
// ended at: the panicking goroutine's last line, or, for a deadlock (or
// another fatal error), main's, where it is stuck; 0 for a run that
// ended otherwise. At the end no goroutine runs, so a short code pane
// (an embed's) shows this line rather than the file's first ones.
func endLine(t *trace.Trace) int32 {
	if t == nil || t.Outcome.Stderr == "" {
		return 0
	}
	g := trace.GoID(1) // main
	if strings.HasPrefix(t.Outcome.Stderr, "panic") {
		for i := len(t.Events) - 1; i >= 0; i-- {
			if e := &t.Events[i]; e.Kind == trace.KindPanic {
				if e.Line > 0 {
					return e.Line // not its deferred calls' lines after it
				}
				g = e.G
				break
			}
		}
	}
	for i := len(t.Events) - 1; i >= 0; i-- {
		if e := &t.Events[i]; e.G == g && e.Line > 0 {
			return e.Line
		}
	}
	return 0
}
