package timeline

import (
	"strconv"

	"lanes/sim/trace"
)

// TrackBuffer is a buffered channel's fill: how many values wait in its
// buffer, from 0 to its capacity.
const TrackBuffer TrackKind = "buffer"

// maxBufferTracks is how many buffered channels get a fill track; a run
// with more (one result channel per job…) gets none, as a wall of tracks
// would say less than the captions do.
const maxBufferTracks = 3

// bufferTracks are the fill tracks of the run's buffered channels that saw
// a send, in the order they were made: the value after each send and
// receive (trace.Event.Value is the buffer's length after it).
func (l *layouter) bufferTracks() []Track {
	t, d := l.t, l.d
	idx := map[trace.ObjID]int{}
	var out []Track
	for i := range t.Objects {
		o := &t.Objects[i]
		if o.Kind == trace.ObjChan && o.Cap > 0 {
			idx[o.ID] = -1
		}
	}
	if len(idx) == 0 {
		return nil
	}
	for k := range t.Events {
		e := &t.Events[k]
		if e.Kind != trace.KindSend && e.Kind != trace.KindRecv {
			continue
		}
		i, ok := idx[e.Obj]
		if !ok {
			continue
		}
		if i < 0 {
			if e.Kind != trace.KindSend {
				continue
			}
			i = len(out)
			idx[e.Obj] = i
			o := t.Object(e.Obj)
			title := "values waiting in " + o.Name + "'s buffer (capacity " + strconv.FormatInt(o.Cap, 10) + ")"
			if o.Line > 0 {
				title += ", made at line " + strconv.Itoa(int(o.Line))
			}
			out = append(out, Track{Kind: TrackBuffer, Label: o.Name + " buffer", Title: title, Max: o.Cap,
				Points: []Point{{X: d.Left, Seq: 0, V: 0}}})
		}
		tr := &out[i]
		if last := tr.Points[len(tr.Points)-1]; last.V != e.Value {
			tr.Points = addPoint(tr.Points, Point{X: d.X(k), Seq: k, V: e.Value})
		}
	}
	if len(out) > maxBufferTracks {
		return nil
	}
	return out
}
