package app

import (
	"strings"
	"testing"

	"lanes/course"
	"lanes/course/coursetest"
	"lanes/sim/trace"
)

// helloRun is the default run of coursetest's hello lesson.
func helloRun(t *testing.T) course.Drawing {
	t.Helper()
	d, err := coursetest.New().Run("hello", "", course.ViewState{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// firstPrint is the position right after the first print of a trace.
func firstPrint(tr *trace.Trace) int {
	for i, e := range tr.Events {
		if e.Kind == trace.KindPrint {
			return i + 1
		}
	}
	return -1
}

func TestPlayer(t *testing.T) {
	tests := []struct {
		desc    string
		do      func(p *player)
		wantPos int
		playing bool
	}{
		{desc: "reset to end", do: func(p *player) { p.reset(10, -1) }, wantPos: 10},
		{desc: "reset past the end clamps", do: func(p *player) { p.reset(10, 99) }, wantPos: 10},
		{desc: "step back and forward", do: func(p *player) { p.reset(10, 5); p.step(-1); p.step(-1); p.step(1) }, wantPos: 4},
		{desc: "step stops at 0", do: func(p *player) { p.reset(10, 1); p.step(-5) }, wantPos: 0},
		{desc: "play at end restarts", do: func(p *player) { p.reset(10, -1); p.toggle() }, wantPos: 0, playing: true},
		{desc: "a short run plays at least 2 steps a second", do: func(p *player) { p.reset(10, 0); p.toggle(); p.advance(1) }, wantPos: 2, playing: true},
		{desc: "a run of 100 plays in 10 s at 1x: 10 steps a second", do: func(p *player) { p.reset(100, 0); p.toggle(); p.advance(1) }, wantPos: 10, playing: true},
		{desc: "a run of 20,000 plays in 10 s at 1x", do: func(p *player) {
			p.reset(20000, 0)
			p.toggle()
			for range 599 { // 60 fps for 9.98 s
				p.advance(1.0 / 60)
			}
		}, wantPos: 19966, playing: true},
		{desc: "and is over after 10 s", do: func(p *player) {
			p.reset(20000, 0)
			p.toggle()
			for range 601 {
				p.advance(1.0 / 60)
			}
		}, wantPos: 20000},
		{desc: "8x reaches the end and stops", do: func(p *player) { p.reset(10, 0); p.speed = 5; p.toggle(); p.advance(1) }, wantPos: 10},
		{desc: "instant jumps to the end", do: func(p *player) { p.reset(10, 0); p.speed = len(speeds) - 1; p.toggle() }, wantPos: 10},
		{desc: "pause keeps position", do: func(p *player) { p.reset(10, 0); p.toggle(); p.advance(1.5); p.toggle(); p.advance(5) }, wantPos: 3},
		{desc: "slower and faster stay in range", do: func(p *player) {
			p.reset(10, 0)
			for range 20 {
				p.slower()
			}
			p.toggle()
			p.advance(2)
		}, wantPos: 1, playing: true},
	}
	for _, tt := range tests {
		p := &player{speed: defaultSpeed}
		tt.do(p)
		if p.pos != tt.wantPos || p.playing != tt.playing {
			t.Errorf("%s: pos=%d playing=%v, want pos=%d playing=%v", tt.desc, p.pos, p.playing, tt.wantPos, tt.playing)
		}
	}
}

func TestFrameAt(t *testing.T) {
	tr := helloRun(t).Trace
	end := tr.Events[len(tr.Events)-1].Line
	tests := []struct {
		desc        string
		pos         int
		console     string
		captionPart string
		mainLine    int32
	}{
		{desc: "start", pos: 0, console: "", captionPart: "start"},
		{desc: "after the first print", pos: firstPrint(tr), console: "worker 2\n", captionPart: `prints "worker 2"`},
		{desc: "end", pos: len(tr.Events), console: "worker 2\nworker 1\nFinished!\n", captionPart: "program exits", mainLine: end},
		{desc: "past the end clamps", pos: 1000, console: "worker 2\nworker 1\nFinished!\n", captionPart: "program exits", mainLine: end},
	}
	for _, tt := range tests {
		f := frameAt(tr, tt.pos)
		if f.console != tt.console {
			t.Errorf("%s: console = %q, want %q", tt.desc, f.console, tt.console)
		}
		if !strings.Contains(f.caption, tt.captionPart) {
			t.Errorf("%s: caption = %q, want it to contain %q", tt.desc, f.caption, tt.captionPart)
		}
		if got := f.lines[1]; tt.mainLine != 0 && got != tt.mainLine {
			t.Errorf("%s: main's line = %d, want %d", tt.desc, got, tt.mainLine)
		}
	}
}

func TestWithPlayhead(t *testing.T) {
	r := helloRun(t)
	svg := r.WithPlayhead(3)
	if !strings.HasSuffix(strings.TrimSpace(svg), `</svg>`) || strings.Count(svg, "lanes-playhead") != 1 {
		t.Fatalf("WithPlayhead: want one playhead inside the svg, got %q", svg[max(0, len(svg)-200):])
	}
	want := `x1="` + course.Num(r.StepX[3]) + `"`
	if !strings.Contains(svg, want) {
		t.Errorf("WithPlayhead(3): want %s in the playhead", want)
	}
}
