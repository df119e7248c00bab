package sync_test

import (
	goruntime "runtime"
	"testing"

	"lanes/sim"
	"lanes/sim/internal/simtest"
	"lanes/sim/runtime"
	"lanes/sim/sync"
)

// Ported from src/sync/once_test.go and src/sync/oncefunc_test.go.
// TestOnceFunc, TestOnceValue and TestOnceValues keep their calls and
// values checks and leave out testing.AllocsPerRun (the simulator does not
// promise the real package's allocations).

type one int

func (o *one) Increment() {
	*o++
}

func run(t *testing.T, once *sync.Once, o *one, c *sim.Chan[bool]) {
	once.Do(func() { o.Increment() })
	if v := *o; v != 1 {
		t.Errorf("once failed inside run: %d is not 1", v)
	}
	c.Send(true)
}

func TestOnce(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		o := new(one)
		once := new(sync.Once)
		c := sim.MakeChan[bool](0)
		const N = 10
		for i := 0; i < N; i++ {
			sim.Go("", func() { run(t, once, o, c) })
		}
		for i := 0; i < N; i++ {
			c.Recv()
		}
		if *o != 1 {
			t.Errorf("once failed outside run: %d is not 1", *o)
		}
	})
}

func TestOncePanic(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		var once sync.Once
		func() {
			defer func() {
				if r := sim.Recover(recover()); r == nil {
					t.Error("Once.Do did not panic")
				}
			}()
			once.Do(func() {
				sim.Panic("failed")
			})
		}()

		once.Do(func() {
			t.Error("Once.Do called twice")
		})
	})
}

func TestOnceFunc(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		calls := 0
		of := func() { calls++ }
		f := sync.OnceFunc(of)
		for range 10 {
			f()
		}
		if calls != 1 {
			t.Errorf("want calls==1, got %d", calls)
		}
	})
}

func TestOnceValue(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		calls := 0
		of := func() int {
			calls++
			return calls
		}
		f := sync.OnceValue(of)
		for range 10 {
			f()
		}
		value := f()
		if calls != 1 {
			t.Errorf("want calls==1, got %d", calls)
		}
		if value != 1 {
			t.Errorf("want value==1, got %d", value)
		}
	})
}

func TestOnceValues(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		calls := 0
		of := func() (int, int) {
			calls++
			return calls, calls + 1
		}
		f := sync.OnceValues(of)
		for range 10 {
			f()
		}
		v1, v2 := f()
		if calls != 1 {
			t.Errorf("want calls==1, got %d", calls)
		}
		if v1 != 1 || v2 != 2 {
			t.Errorf("want v1==1 and v2==2, got %d and %d", v1, v2)
		}
	})
}

func testOncePanicX(t *testing.T, calls *int, f func()) {
	testOncePanicWith(t, calls, f, func(label string, p any) {
		if p != "x" {
			t.Errorf("%s: want panic %v, got %v", label, "x", p)
		}
	})
}

func testOncePanicWith(t *testing.T, calls *int, f func(), check func(label string, p any)) {
	// Check that the each call to f panics with the same value, but the
	// underlying function is only called once.
	for _, label := range []string{"first time", "second time"} {
		var p any
		panicked := true
		func() {
			defer func() {
				p = sim.Recover(recover())
			}()
			f()
			panicked = false
		}()
		if !panicked {
			t.Errorf("%s: f did not panic", label)
			return
		}
		check(label, p)
	}
	if *calls != 1 {
		t.Errorf("want calls==1, got %d", *calls)
	}
}

func TestOnceFuncPanic(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		calls := 0
		f := sync.OnceFunc(func() {
			calls++
			sim.Panic("x")
		})
		testOncePanicX(t, &calls, f)
	})
}

func TestOnceValuePanic(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		calls := 0
		f := sync.OnceValue(func() int {
			calls++
			sim.Panic("x")
			return 0
		})
		testOncePanicX(t, &calls, func() { f() })
	})
}

func TestOnceValuesPanic(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		calls := 0
		f := sync.OnceValues(func() (int, int) {
			calls++
			sim.Panic("x")
			return 0, 0
		})
		testOncePanicX(t, &calls, func() { f() })
	})
}

func TestOnceFuncPanicNil(t *testing.T) {
	simtest.Run(t, func(t *testing.T) {
		calls := 0
		f := sync.OnceFunc(func() {
			calls++
			sim.Panic(nil)
		})
		testOncePanicWith(t, &calls, f, func(label string, p any) {
			switch p.(type) {
			case nil, *goruntime.PanicNilError:
				return
			}
			t.Errorf("%s: want nil panic, got %v", label, p)
		})
	})
}

func TestOnceFuncGoexit(t *testing.T) {
	// If f calls Goexit, the results are unspecified. But check that f doesn't
	// get called twice.
	simtest.Run(t, func(t *testing.T) {
		calls := 0
		f := sync.OnceFunc(func() {
			calls++
			runtime.Goexit()
		})
		var wg sync.WaitGroup
		for i := 0; i < 2; i++ {
			wg.Add(1)
			sim.Go("", func() {
				defer wg.Done()
				defer func() { sim.Recover(recover()) }()
				f()
			})
			wg.Wait()
		}
		if calls != 1 {
			t.Errorf("want calls==1, got %d", calls)
		}
	})
}
