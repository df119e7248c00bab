package app

import (
	"maps"
	"testing"
)

// TestFrameCache: the incremental frame equals frameAt going forward, back
// and forward again.
func TestFrameCache(t *testing.T) {
	tr := helloRun(t).Trace
	var c frameCache
	n := len(tr.Events)
	for _, pos := range []int{0, 3, n / 2, n, 2, n - 1, n - 1, 0, n} {
		got, want := c.at(tr, pos), frameAt(tr, pos)
		if got.console != want.console || got.caption != want.caption || !maps.Equal(got.lines, want.lines) {
			t.Errorf("at %d: got %+v, want %+v", pos, got, want)
		}
	}
}
