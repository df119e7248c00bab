// Package sync holds the shape of the real sync.Mutex's inner state
// (internal/sync.Mutex), so that the mirror sync.Mutex prints as Go's:
// fmt prints a struct's unexported fields by reflection, with their type
// names ("sync.Mutex{state:0, sema:0x0}" under %#v).
package sync

// Mutex is internal/sync.Mutex: state holds Go's flags (1 locked, 2 woken,
// 4 starving) and the number of waiters shifted left by 3.
type Mutex struct {
	state int32
	sema  uint32
}

// Set sets the state.
func (m *Mutex) Set(state int32) { m.state = state }
