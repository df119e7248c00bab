package app

import (
	"strings"
	"testing"
)

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
		{desc: "one second at 1x is 4 steps", do: func(p *player) { p.reset(10, 0); p.toggle(); p.advance(1) }, wantPos: 4, playing: true},
		{desc: "8x reaches the end and stops", do: func(p *player) { p.reset(10, 0); p.speed = 5; p.toggle(); p.advance(1) }, wantPos: 10},
		{desc: "instant jumps to the end", do: func(p *player) { p.reset(10, 0); p.speed = len(speeds) - 1; p.toggle() }, wantPos: 10},
		{desc: "pause keeps position", do: func(p *player) { p.reset(10, 0); p.toggle(); p.advance(0.5); p.toggle(); p.advance(5) }, wantPos: 2},
		{desc: "slower and faster stay in range", do: func(p *player) {
			p.reset(10, 0)
			for range 20 {
				p.slower()
			}
			p.toggle()
			p.advance(1)
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
	tr := placeholderTrace()
	tests := []struct {
		desc        string
		pos         int
		console     string
		captionPart string
		mainLine    int32
	}{
		{desc: "start", pos: 0, console: "", captionPart: "start"},
		{desc: "after the first print", pos: 7, console: "worker 1\n", captionPart: `prints "worker 1"`, mainLine: 17},
		{desc: "end", pos: len(tr.Events), console: "worker 1\nworker 2\nFinished!\n", captionPart: "program exits", mainLine: 19},
		{desc: "past the end clamps", pos: 1000, console: "worker 1\nworker 2\nFinished!\n", captionPart: "program exits", mainLine: 19},
	}
	for _, tt := range tests {
		f := frameAt(tr, tt.pos)
		if f.console != tt.console {
			t.Errorf("%s: console = %q, want %q", tt.desc, f.console, tt.console)
		}
		if !strings.Contains(f.caption, tt.captionPart) {
			t.Errorf("%s: caption = %q, want it to contain %q", tt.desc, f.caption, tt.captionPart)
		}
		if got := f.lines[1]; got != tt.mainLine {
			t.Errorf("%s: main's line = %d, want %d", tt.desc, got, tt.mainLine)
		}
	}
}

func TestWithPlayhead(t *testing.T) {
	r := drawPlain(placeholderTrace(), 640, 28)
	svg := withPlayhead(r, 3)
	if !strings.HasSuffix(svg, `</svg>`) || strings.Count(svg, "lanes-playhead") != 1 {
		t.Fatalf("withPlayhead: want one playhead inside the svg, got %q", svg[max(0, len(svg)-200):])
	}
	want := `x1="` + num(r.StepX[3]) + `"`
	if !strings.Contains(svg, want) {
		t.Errorf("withPlayhead(3): want %s in the playhead", want)
	}
}
