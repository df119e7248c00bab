package timeline

import (
	"strconv"
	"strings"

	"lanes/sim/trace"
)

// Card is what the timeline's hover card says about one event: who did
// what, at which line, on which objects, and when.
type Card struct {
	Step    int    // the event's number (Seq)
	Who     string // "worker 2", "clock"
	What    string // "wg.Done() — counter 1 → 0"
	Line    int32  // 0: none
	Objects []string
	Time    string // virtual time: "0", "10ms"
}

// Describe is the card of event seq (false when there is none).
func Describe(t *trace.Trace, seq int) (Card, bool) {
	if t == nil || seq < 0 || seq >= len(t.Events) {
		return Card{}, false
	}
	n := newNamer(t)
	e := &t.Events[seq]
	c := Card{Step: seq, Who: n.name(e.G), Line: e.Line, Time: fmtTime(e.Time)}
	c.What = strings.TrimPrefix(n.caption(t, seq, true), c.Who+": ")
	if o := t.Object(e.Obj); o != nil {
		c.Objects = append(c.Objects, o.Name+" ("+o.Kind.String()+")")
	}
	if e.Peer != trace.NoGoroutine && (e.Kind == trace.KindSend || e.Kind == trace.KindRecv || e.Kind == trace.KindGo) {
		c.Objects = append(c.Objects, "with "+n.name(e.Peer))
	}
	return c, true
}

// Lines is the card as lines of text: the heading (who and what), then
// "line 13 · 10ms · step 42" and the objects.
func (c Card) Lines() []string {
	out := []string{c.Who + ": " + c.What}
	meta := ""
	if c.Line > 0 {
		meta = "line " + strconv.Itoa(int(c.Line)) + " · "
	}
	meta += "at " + c.Time + " · step " + strconv.Itoa(c.Step+1)
	out = append(out, meta)
	if len(c.Objects) > 0 {
		out = append(out, strings.Join(c.Objects, ", "))
	}
	return out
}
