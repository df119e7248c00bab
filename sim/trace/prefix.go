package trace

// Prefix is the run so far after its first n events: the goroutines and
// objects those events know, no outcome (Exit is ExitNone: the run has
// not ended). A view of a run still being decided (the scheduler game at
// a pause) draws its prefix, so that it shows nothing of a future that
// has not happened: no goroutine not yet started, no end, no total.
//
// Goroutine and object ids are given in order of first appearance, so
// the prefix keeps the first of each list.
func (t *Trace) Prefix(n int) *Trace {
	n = min(max(n, 0), len(t.Events))
	p := *t
	p.Events = t.Events[:n:n]
	p.Outcome = Outcome{}
	gs, objs := 1, 0 // main exists from the start
	for _, e := range p.Events {
		gs = max(gs, int(e.G), int(e.Peer))
		objs = max(objs, int(e.Obj))
	}
	p.Goroutines = t.Goroutines[:min(gs, len(t.Goroutines)):min(gs, len(t.Goroutines))]
	p.Objects = t.Objects[:min(objs, len(t.Objects)):min(objs, len(t.Objects))]
	return &p
}
