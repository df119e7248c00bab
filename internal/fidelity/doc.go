// Package fidelity holds no code, only tests: the simulator checked against
// the real Go runtime on the programs of testdata/fidelity (written and
// measured by the lessons side, see internal/realgo).
//
// Spec, for every program NN_topic.go there:
//   - Its twin is built once with internal/twinbuild and run as a separate
//     process: `trace -json` (strategy runtime, seed 1) and `explore -json`
//     over 2,000 random and 2,000 pct schedules (each exploration's first
//     schedule is the runtime strategy's).
//   - An outcome is compared by its exit kind (ok, panic, deadlock, fatal,
//     exit), exit status, whole stdout and first line of stderr (Go's
//     "panic: …" or "fatal error: …" line).
//   - real.json holds batches at GOMAXPROCS 1 and 4, on an idle machine and
//     on a loaded one ("loaded": CPU burners beside the runs; see realgo).
//   - TestRuntimeMatchesReal: when every idle real run at GOMAXPROCS=1
//     recorded in testdata/fidelity/real.json had the same outcome, the
//     runtime strategy's run has exactly that outcome (byte-identical
//     stdout).
//   - TestRealOutcomesAmongSimulated: every outcome of real.json, at
//     GOMAXPROCS 1 and 4, idle and loaded, is among the simulator's
//     outcomes (runtime plus the 4,000 explored schedules).
//   - TestNativeDrift (skipped with -short): runs each program natively 3
//     times at GOMAXPROCS=1 and 3 times at GOMAXPROCS=4 now, and asserts the
//     same of those runs (every outcome simulated; at GOMAXPROCS=1 the
//     deterministic one, for programs that do not use the clock, which a
//     busy machine makes late), so a real.json that no longer describes the
//     toolchain, or a simulator change, is caught.
//   - real.json must have been measured on the current sources (same hash).
//   - TestRacesLikeGo (skipped with -short): the simulator finds a data race
//     (runtime run or any explored schedule) in a program exactly when a
//     `go build -race` of it reported one, at the same pairs of lines, for
//     every program here and every course variant (300 random schedules).
//     What -race builds did is recorded in testdata/fidelity/races.json by
//     `go test ./internal/fidelity -run TestRacesLikeGo -record-races`.
//
// `go vet` on the shown programs is internal/realgo's TestFidelityVet.
package fidelity
