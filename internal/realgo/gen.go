package realgo

// Re-measure the fidelity suite on this machine (about half a minute):
//go:generate go run ./cmd/realruns -fidelity ../../testdata/fidelity -runs 20 -parallel 2
