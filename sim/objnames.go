package sim

import (
	"strconv"
	"strings"

	"lanes/sim/trace"
)

// This file tells apart objects that share a name, once the run is over:
// a variable declared in a loop or in a function called twice, two
// functions' wg, two time.After calls on one line. Every object of a
// trace then has its own name, so the lanes, tracks, captions, hover
// cards and the game can say which one they mean.
//
// Objects of one name made at different lines take their line, "wg (line
// 12)" and "wg (line 30)"; those made at the same line are numbered in
// the order they were made, "ctx 1", "ctx 2", "ctx 3" (as goroutines of
// one function are: "func 1", "func 2"); a call's name keeps its line at
// the end, "time.After 2 (line 13)". A context's Done channel is named
// after its context: "ctx 2.Done()".

// nameAfter records that object id is the Done channel of object of.
func (r *run) nameAfter(id, of trace.ObjID) {
	if r.doneOf == nil {
		r.doneOf = map[trace.ObjID]trace.ObjID{}
	}
	r.doneOf[id] = of
}

// uniqueNames gives the trace's objects distinct names (see above).
func (r *run) uniqueNames() {
	if !r.rec {
		return
	}
	UniqueNames(r.tr.Objects, r.doneOf)
}

// UniqueNames renames objs in place so that no two share a name (see the
// rules above); doneOf maps a Done channel to the object it is named
// after.
func UniqueNames(objs []trace.Object, doneOf map[trace.ObjID]trace.ObjID) {
	byName := map[string][]int{}
	var order []string
	for i := range objs {
		if _, ok := doneOf[objs[i].ID]; ok {
			continue
		}
		n := objs[i].Name
		if _, ok := byName[n]; !ok {
			order = append(order, n)
		}
		byName[n] = append(byName[n], i)
	}
	for _, name := range order {
		idx := byName[name]
		if len(idx) < 2 {
			continue
		}
		base, call := name, ""
		if i := strings.Index(name, " (line "); i >= 0 {
			base, call = name[:i], name[i:]
		}
		perLine := map[int32]int{}
		for _, i := range idx {
			perLine[objs[i].Line]++
		}
		seen := map[int32]int{}
		for _, i := range idx {
			o := &objs[i]
			n := base
			if perLine[o.Line] > 1 {
				seen[o.Line]++
				n += " " + strconv.Itoa(seen[o.Line])
			}
			switch {
			case call != "":
				n += call
			case len(perLine) > 1 && o.Line > 0:
				n += " (line " + strconv.Itoa(int(o.Line)) + ")"
			}
			o.Name = n
		}
	}
	for id, of := range doneOf {
		if int(id) <= len(objs) && int(of) >= 1 && int(of) <= len(objs) && objs[id-1].ID == id {
			objs[id-1].Name = objs[of-1].Name + ".Done()"
		}
	}
}
