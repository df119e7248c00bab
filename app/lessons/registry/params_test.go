package registry_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"lanes/app/lessons/registry"
	"lanes/sim"
)

// TestSleepHackSlider checks the sleep hack's slider programs (hidden param
// twins): each differs from the lesson's program only in the work
// constant's line, compiles, is vet-clean, and prints "Finished!" in every
// schedule when the work is shorter than main's 100 ms sleep, in none when
// it is longer. At exactly 100 ms both wake at the same virtual instant and
// the scheduler decides: both outcomes happen.
func TestSleepHackSlider(t *testing.T) {
	l, _ := registry.Find("race-to-exit")
	v, ok := l.Variant("sleep")
	if !ok || len(v.Params) == 0 {
		t.Fatalf("race-to-exit/sleep has no param twins")
	}
	all := append([]registry.Variant{*v}, v.Params...)
	tmp := t.TempDir()
	if err := os.WriteFile(filepath.Join(tmp, "go.mod"), []byte("module params\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := strings.Split(v.Code, "\n")
	for _, p := range all {
		ms, err := strconv.Atoi(strings.TrimSuffix(p.ParamValue, "ms"))
		if err != nil {
			t.Fatalf("%s: ParamValue %q", p.Name, p.ParamValue)
		}
		lines := strings.Split(p.Code, "\n")
		want := "const work = " + strconv.Itoa(ms) + " * time.Millisecond"
		diff := 0
		for i := range lines {
			if i < len(base) && lines[i] != base[i] {
				diff++
				if lines[i] != want {
					t.Errorf("%s: line %d is %q, want %q", p.Name, i+1, lines[i], want)
				}
			}
		}
		if len(lines) != len(base) || (p.Name != v.Name && diff != 1) {
			t.Errorf("%s: differs from the lesson's program in %d lines (and %d vs %d lines long), want only the constant's", p.Name, diff, len(lines), len(base))
		}
		if len(p.Vet) != 0 {
			t.Errorf("%s: vet findings %v, want none", p.Name, p.Vet)
		}
		if err := os.MkdirAll(filepath.Join(tmp, p.Name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, p.Name, "main.go"), []byte(p.Code), 0o644); err != nil {
			t.Fatal(err)
		}

		finished := map[bool]int{} // runs with timers on time
		late := 0                  // runs where time slipped and the sleep hack failed
		check := func(how string, s sim.Strategy, seed int64) {
			tr := sim.Run(p.Main, sim.Options{Strategy: s, Seed: seed, NoStatements: true})
			done := strings.Contains(tr.Outcome.Output, "Finished!")
			if slipped(tr) {
				if !done {
					late++
				}
				return
			}
			finished[done]++
		}
		check("runtime", sim.Runtime(), 1)
		for seed := int64(1); seed <= 300; seed++ {
			check("random", sim.Random(), seed)
			check("pct", sim.PCT(3), seed)
		}
		if ms < 100 && late == 0 {
			t.Errorf("%s (work %dms < 100ms): no schedule where time slips fails to print Finished!, want some", p.Name, ms)
		}
		switch {
		case ms < 100 && finished[false] > 0:
			t.Errorf("%s (work %dms < 100ms): %d schedules did not print Finished!, want none", p.Name, ms, finished[false])
		case ms > 100 && finished[true] > 0:
			t.Errorf("%s (work %dms > 100ms): %d schedules printed Finished!, want none", p.Name, ms, finished[true])
		case ms == 100 && (finished[true] == 0 || finished[false] == 0):
			t.Errorf("%s (work = main's sleep): Finished! in %d schedules, not in %d; want both to happen", p.Name, finished[true], finished[false])
		}
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = tmp
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go vet on the slider programs: %v\n%s", err, out)
	}
	cmd = exec.Command("go", "build", "-o", os.DevNull, "./...")
	cmd.Dir = tmp
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go build of the slider programs: %v\n%s", err, out)
	}
}
