package timeline

import (
	"strconv"
	"strings"

	"lanes/sim/trace"
)

// Caption is a short human description of event seq of t, e.g.
// "worker 2: wg.Done() — counter 1 → 0, main's Wait returns". It is "" for
// a seq out of range.
func Caption(t *trace.Trace, seq int) string {
	if seq < 0 || seq >= len(t.Events) {
		return ""
	}
	return newNamer(t).caption(t, seq, true)
}

// namer gives goroutines display names: the call as the program spells
// it ("worker(1, &wg)", see trace.Goroutine.Call) or the function's name,
// "func" for a function literal; numbered in spawn order when several
// goroutines share it ("func 1", "func 2").
type namer struct {
	display []string // by GoID
	lit     []bool   // by GoID: started from a function literal
}

func newNamer(t *trace.Trace) *namer {
	n := &namer{display: make([]string, len(t.Goroutines)+1), lit: make([]bool, len(t.Goroutines)+1)}
	base := make([]string, len(t.Goroutines))
	count := map[string]int{}
	for i, g := range t.Goroutines {
		base[i] = baseName(&g)
		count[base[i]]++
	}
	seen := map[string]int{}
	for i, g := range t.Goroutines {
		if int(g.ID) >= len(n.display) || g.ID < 1 {
			continue
		}
		name := base[i]
		n.lit[g.ID] = name == "func" || strings.HasPrefix(name, "func(") || strings.HasPrefix(name, "func ")
		if count[name] > 1 {
			seen[name]++
			// "worker 2"; after loop variables "func i=0 #2", not "func i=0 2",
			// which reads as part of the value.
			sep := " "
			if strings.Contains(name, "=") {
				sep = " #"
			}
			name += sep + strconv.Itoa(seen[name])
		}
		n.display[g.ID] = name
	}
	return n
}

// baseName is g's name before numbering: its call, or its function's
// name, with Go's names for function literals (func1, func2.1) and an
// empty call's parentheses dropped ("func", "worker").
func baseName(g *trace.Goroutine) string {
	if g.Call != "" {
		return strings.TrimSuffix(g.Call, "()")
	}
	if litName(g.Name) {
		return "func"
	}
	return g.Name
}

// litName reports Go's name for a function literal: func1, func2.1.
func litName(s string) bool {
	rest, ok := strings.CutPrefix(s, "func")
	if !ok || rest == "" {
		return false
	}
	for _, c := range rest {
		if (c < '0' || c > '9') && c != '.' {
			return false
		}
	}
	return true
}

func (n *namer) name(g trace.GoID) string {
	if g > 0 && int(g) < len(n.display) {
		return n.display[g]
	}
	if g == trace.NoGoroutine {
		return "clock"
	}
	return "goroutine " + strconv.Itoa(int(g))
}

// label is a lane label: the display name, and for a function literal
// the line of its go statement ("func 2 (line 12)").
func (n *namer) label(g *trace.Goroutine) string {
	if g.Line > 0 && int(g.ID) < len(n.lit) && g.ID > 0 && n.lit[g.ID] {
		return n.display[g.ID] + " (line " + strconv.Itoa(int(g.Line)) + ")"
	}
	return n.display[g.ID]
}

func (n *namer) title(g *trace.Goroutine) string {
	s := "goroutine " + strconv.Itoa(int(g.ID)) + ": " + n.display[g.ID]
	if g.Func != "" {
		s += " (" + g.Func + ")"
	}
	if g.Parent != trace.NoGoroutine {
		s += ", started by " + n.name(g.Parent)
		if g.Line > 0 {
			s += " at line " + strconv.Itoa(int(g.Line))
		}
	}
	return s
}

// caption describes event seq; full also looks at other events (who is
// woken by a WaitGroup reaching zero).
func (n *namer) caption(t *trace.Trace, seq int, full bool) string {
	e := &t.Events[seq]
	who := n.name(e.G) + ": "
	obj := t.Object(e.Obj)
	oname, recv := "", "wg"
	if obj != nil {
		oname = obj.Name
		if ident(obj.Name) {
			recv = obj.Name
		}
	}
	paren := func(s string) string {
		if s == "" {
			return ""
		}
		return " (" + s + ")"
	}
	switch e.Kind {
	case trace.KindState:
		switch e.State {
		case trace.StateRunning:
			return who + "runs"
		case trace.StateRunnable:
			return who + "runnable"
		case trace.StateBlocked:
			what := e.Text
			if what == "" {
				what = "object"
			}
			return who + "blocked on " + what + paren(oname)
		case trace.StateSleeping:
			return who + "sleeping"
		case trace.StateDone:
			return who + "returns (done)"
		case trace.StateKilled:
			return who + "killed at exit"
		case trace.StateLeaked:
			s := who + "leaked"
			for _, lk := range t.Outcome.Leaked {
				if lk.G == e.G && lk.Reason != "" {
					s += ": " + lk.Reason + " forever"
				}
			}
			return s
		}
		return who + e.State.String()
	case trace.KindStmt:
		return who + "line " + strconv.Itoa(int(e.Line))
	case trace.KindGo:
		if g := t.Goroutine(e.Peer); g != nil && g.Call != "" {
			return who + "go " + n.name(e.Peer) + " (goroutine " + strconv.Itoa(int(e.Peer)) + ")"
		}
		return who + "go " + n.nameOf(t, e.Peer) + " → " + n.name(e.Peer) + " (goroutine " + strconv.Itoa(int(e.Peer)) + ")"
	case trace.KindWGAdd:
		call := recv + ".Add(" + strconv.FormatInt(e.Delta, 10) + ")"
		if e.Delta == -1 {
			call = recv + ".Done()"
		}
		s := who + call + " — counter " + strconv.FormatInt(e.Value-e.Delta, 10) + " → " + strconv.FormatInt(e.Value, 10)
		if full && e.Value == 0 {
			for _, g := range waiters(t, seq) {
				s += ", " + n.name(g) + "'s Wait returns"
			}
		}
		return s
	case trace.KindWGWait:
		s := who + recv + ".Wait() — counter " + strconv.FormatInt(e.Value, 10)
		if e.Value == 0 {
			return s + ", returns at once"
		}
		return s + ", blocks"
	case trace.KindWGReturn:
		return who + recv + ".Wait() returns"
	case trace.KindLock, trace.KindUnlock:
		op := e.Text
		if op == "" {
			op = map[bool]string{true: "Lock", false: "Unlock"}[e.Kind == trace.KindLock]
		}
		return who + oname + "." + op + "()"
	case trace.KindOnce:
		return who + oname + ".Do runs its function"
	case trace.KindMake:
		return who + "make " + oname
	case trace.KindSend:
		s := who + "send " + quoteVal(e.Text) + " on " + oname
		if e.Peer != trace.NoGoroutine {
			s += " → " + n.name(e.Peer)
		} else if obj != nil && obj.Cap > 0 {
			s += " (buffer " + strconv.FormatInt(e.Value, 10) + "/" + strconv.FormatInt(obj.Cap, 10) + ")"
		}
		return s
	case trace.KindRecv:
		s := who + "receive " + quoteVal(e.Text) + " from " + oname
		if e.Delta == 0 {
			s = who + "receive from closed " + oname
		}
		if e.Peer != trace.NoGoroutine {
			s += " ← " + n.name(e.Peer)
		}
		return s
	case trace.KindClose:
		return who + "close(" + oname + ")"
	case trace.KindSelect:
		if e.Value < 0 {
			return who + "select chose default"
		}
		return who + "select chose case " + strconv.FormatInt(e.Value, 10) + paren(oname)
	case trace.KindSleep:
		return who + "time.Sleep(" + trace.Time(e.Delta).String() + ")"
	case trace.KindTimer:
		return "timer fires" + paren(oname)
	case trace.KindPrint:
		return who + "prints " + strconv.Quote(strings.TrimSuffix(e.Text, "\n"))
	case trace.KindPanic:
		return who + "panic: " + e.Text
	case trace.KindRecover:
		return who + "recover() = " + e.Text
	case trace.KindCancel:
		s := "context cancelled" + paren(oname)
		if e.G != trace.NoGoroutine {
			s = who + s
		}
		if e.Text != "" {
			s += ": " + e.Text
		}
		return s
	case trace.KindAcquire, trace.KindRelease:
		op := map[bool]string{true: "acquire ", false: "release "}[e.Kind == trace.KindAcquire]
		s := who + op + strconv.FormatInt(e.Delta, 10) + " of " + oname + " — " + strconv.FormatInt(e.Value, 10)
		if obj != nil && obj.Cap > 0 {
			s += "/" + strconv.FormatInt(obj.Cap, 10)
		}
		return s + " in use"
	case trace.KindTimeSlip:
		return "time slips: the clock jumps " + trace.Time(e.Delta).String() + " ahead while goroutines could run (a late timer)"
	case trace.KindExit:
		s := "program exits"
		if e.Text != "" {
			s += ": " + e.Text
		}
		return s
	}
	return who + e.Kind.String()
}

// nameOf is the display name of goroutine g as written in a go statement.
func (n *namer) nameOf(t *trace.Trace, g trace.GoID) string {
	if gr := t.Goroutine(g); gr != nil {
		return gr.Name
	}
	return "goroutine"
}

// waiters lists the goroutines blocked in Wait on the object of event seq
// just before it.
func waiters(t *trace.Trace, seq int) []trace.GoID {
	obj := t.Events[seq].Obj
	waiting := map[trace.GoID]bool{}
	var order []trace.GoID
	for k := 0; k < seq; k++ {
		e := &t.Events[k]
		if e.Obj != obj {
			continue
		}
		switch e.Kind {
		case trace.KindWGWait:
			if e.Value != 0 && !waiting[e.G] {
				waiting[e.G] = true
				order = append(order, e.G)
			}
		case trace.KindWGReturn:
			waiting[e.G] = false
		}
	}
	var out []trace.GoID
	for _, g := range order {
		if waiting[g] {
			out = append(out, g)
		}
	}
	return out
}

// ident reports whether s looks like a Go expression naming a variable
// ("wg", "s.wg"), so it can be shown as a receiver.
func ident(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		ok := r == '_' || r == '.' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (i > 0 && r >= '0' && r <= '9')
		if !ok {
			return false
		}
	}
	return true
}

func quoteVal(s string) string {
	if s == "" {
		return "a value"
	}
	return s
}
