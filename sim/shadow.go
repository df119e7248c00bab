package sim

// Shadow returns the simulator's state of the mirror value key (a pointer
// to it) in the current run, and whether it is fresh: made now, because
// key is used for the first time in this run (the zero S, which the
// mirror may complete). Mirrors whose values must print as Go's own do
// (sim/sync: fmt prints unexported fields of a struct by reflection, so
// their fields must be Go's) keep their simulator state here, out of sight
// of fmt, and only Go's own fields in the value.
func Shadow[S any](key any) (s *S, fresh bool) {
	r := mustRun()
	if v, ok := r.shadows[key]; ok {
		return v.(*S), false
	}
	if r.shadows == nil {
		r.shadows = map[any]any{}
	}
	s = new(S)
	r.shadows[key] = s
	return s, true
}
