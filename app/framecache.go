package app

import (
	"strings"

	"lanes/sim/trace"
	"lanes/timeline"
)

// frameCache is frameAt made incremental: the page asks for the frame at
// the player's position several times per drawing (code pane, caption,
// console) and, while playing, at positions that only grow. Going forward
// it reads only the new events; going back it starts over. The frame it
// returns shares its lines map with the cache: read it before the next
// call.
type frameCache struct {
	t   *trace.Trace
	pos int
	f   frame
	out strings.Builder
}

// at is frameAt(t, pos).
func (c *frameCache) at(t *trace.Trace, pos int) frame {
	if t == nil {
		return frameAt(nil, 0)
	}
	pos = min(max(pos, 0), len(t.Events))
	if c.t == t && c.pos == pos {
		return c.f
	}
	if c.t != t || pos < c.pos {
		c.t, c.pos = t, 0
		c.f = frame{lines: map[trace.GoID]int32{}}
		c.out.Reset()
	}
	for _, e := range t.Events[c.pos:pos] {
		if e.Line > 0 {
			c.f.lines[e.G] = e.Line
		}
		switch {
		case e.Kind == trace.KindPrint:
			c.out.WriteString(e.Text)
		case e.Kind == trace.KindState && (e.State == trace.StateDone || !e.State.Alive() && e.State != trace.StateNone):
			delete(c.f.lines, e.G)
		}
	}
	c.pos = pos
	c.f.console = c.out.String()
	c.f.caption = timeline.StepCaption(t, pos)
	return c.f
}
