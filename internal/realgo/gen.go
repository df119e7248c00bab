package realgo

// Re-measure the fidelity suite on this machine, idle and loaded by two
// CPU-burning goroutines (about two minutes):
//go:generate go run ./cmd/realruns -fidelity ../../testdata/fidelity -runs 20 -parallel 2 -load 2
