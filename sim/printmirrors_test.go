package sim_test

import (
	"testing"

	"lanes/sim"
	"lanes/sim/fmt"
	"lanes/sim/sync"
	"lanes/sim/trace"
)

// printed holds sync mirrors in unexported fields, which fmt prints by
// reflection (no Formatter can intervene).
type printed struct {
	mu   sync.Mutex
	rw   sync.RWMutex
	wg   sync.WaitGroup
	once sync.Once
	n    int
}

// TestMirrorsPrintAsGo: the sync mirrors print exactly as Go 1.26's types
// do (the wants are the real program's output, testdata/fidelity/46_*),
// and the same in every run.
func TestMirrorsPrintAsGo(t *testing.T) {
	prog := func() {
		var s printed
		for _, f := range []string{"%v", "%+v"} {
			fmt.Printf(f+"\n", &s)
		}
		fmt.Printf("%#v\n%#v\n%#v\n%#v\n", &s.mu, &s.rw, &s.wg, &s.once)
		s.mu.Lock()
		s.wg.Add(2)
		s.once.Do(func() {})
		s.rw.RLock()
		fmt.Printf("%+v\n", &s)
		fmt.Printf("%#v\n%#v\n%#v\n%#v\n", &s.mu, &s.rw, &s.wg, &s.once)
		fmt.Println(&s.mu, &s.wg)
		s.rw.RUnlock()
		s.rw.Lock()
		fmt.Printf("%v\n", &s.rw)
	}
	want := `&{{{} {0 0}} {{{} {0 0}} 0 0 {{} 0} {{} 0}} {{} {{} {} 0} 0} {{} {{} 0} {{} {0 0}}} 0}
&{mu:{_:{} mu:{state:0 sema:0}} rw:{w:{_:{} mu:{state:0 sema:0}} writerSem:0 readerSem:0 readerCount:{_:{} v:0} readerWait:{_:{} v:0}} wg:{noCopy:{} state:{_:{} _:{} v:0} sema:0} once:{_:{} done:{_:{} v:0} m:{_:{} mu:{state:0 sema:0}}} n:0}
&sync.Mutex{_:sync.noCopy{}, mu:sync.Mutex{state:0, sema:0x0}}
&sync.RWMutex{w:sync.Mutex{_:sync.noCopy{}, mu:sync.Mutex{state:0, sema:0x0}}, writerSem:0x0, readerSem:0x0, readerCount:atomic.Int32{_:atomic.noCopy{}, v:0}, readerWait:atomic.Int32{_:atomic.noCopy{}, v:0}}
&sync.WaitGroup{noCopy:sync.noCopy{}, state:atomic.Uint64{_:atomic.noCopy{}, _:atomic.align64{}, v:0x0}, sema:0x0}
&sync.Once{_:sync.noCopy{}, done:atomic.Bool{_:atomic.noCopy{}, v:0x0}, m:sync.Mutex{_:sync.noCopy{}, mu:sync.Mutex{state:0, sema:0x0}}}
&{mu:{_:{} mu:{state:1 sema:0}} rw:{w:{_:{} mu:{state:0 sema:0}} writerSem:0 readerSem:0 readerCount:{_:{} v:1} readerWait:{_:{} v:0}} wg:{noCopy:{} state:{_:{} _:{} v:8589934592} sema:0} once:{_:{} done:{_:{} v:1} m:{_:{} mu:{state:0 sema:0}}} n:0}
&sync.Mutex{_:sync.noCopy{}, mu:sync.Mutex{state:1, sema:0x0}}
&sync.RWMutex{w:sync.Mutex{_:sync.noCopy{}, mu:sync.Mutex{state:0, sema:0x0}}, writerSem:0x0, readerSem:0x0, readerCount:atomic.Int32{_:atomic.noCopy{}, v:1}, readerWait:atomic.Int32{_:atomic.noCopy{}, v:0}}
&sync.WaitGroup{noCopy:sync.noCopy{}, state:atomic.Uint64{_:atomic.noCopy{}, _:atomic.align64{}, v:0x200000000}, sema:0x0}
&sync.Once{_:sync.noCopy{}, done:atomic.Bool{_:atomic.noCopy{}, v:0x1}, m:sync.Mutex{_:sync.noCopy{}, mu:sync.Mutex{state:0, sema:0x0}}}
&{{} {1 0}} &{{} {{} {} 8589934592} 0}
&{{{} {1 0}} 0 0 {{} -1073741824} {{} 0}}
`
	for seed := int64(0); seed < 3; seed++ {
		tr := run(t, func() {
			var c sync.Cond
			fmt.Printf("%v\n%+v\n%#v\n", &c, &c, &c)
		}, sim.Options{Seed: seed})
		checkOutcome(t, tr.Outcome, condWant, trace.ExitOK, "")
	}
	for seed := int64(0); seed < 3; seed++ {
		tr := run(t, prog, sim.Options{Seed: seed})
		checkOutcome(t, tr.Outcome, want, trace.ExitOK, "")
	}
}

// condWant is Go 1.26's output for an unused sync.Cond.
const condWant = `&{{} <nil> {0 0 0 <nil> <nil>} 0}
&{noCopy:{} L:<nil> notify:{wait:0 notify:0 lock:0 head:<nil> tail:<nil>} checker:0}
&sync.Cond{noCopy:sync.noCopy{}, L:sync.Locker(nil), notify:sync.notifyList{wait:0x0, notify:0x0, lock:0x0, head:(unsafe.Pointer)(nil), tail:(unsafe.Pointer)(nil)}, checker:0x0}
`
