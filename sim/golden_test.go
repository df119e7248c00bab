package sim_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"lanes/internal/golden"
	"lanes/sim"
	"lanes/sim/trace"
)

// TestGoldenTraces pins the JSON traces of a few programs. The same test
// runs natively and under GOOS=js GOARCH=wasm (make test): both must match
// the same files byte for byte.
func TestGoldenTraces(t *testing.T) {
	tests := []struct {
		name     string
		prog     func()
		strategy sim.Strategy
		seed     int64
	}{
		{"counter-runtime", counter, sim.Runtime(), 1},
		{"addinside-random-7", addInside, sim.Random(), 7},
		{"addinside-pct-3", addInside, sim.PCT(3), 3},
		{"errgroup-runtime", errgroupCancel, sim.Runtime(), 1},
		{"ticker-random-2", contextWorker, sim.Random(), 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got bytes.Buffer
			tr := run(t, tc.prog, sim.Options{Strategy: tc.strategy, Seed: tc.seed})
			if err := trace.Encode(&got, tr); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", tc.name+".json"), got.Bytes())
		})
	}
}
