package sim_test

import (
	"lanes/sim"
	"lanes/sim/context"
	"lanes/sim/errgroup"
	"lanes/sim/fmt"
	"lanes/sim/runtime"
	"lanes/sim/sync"
	"lanes/sim/time"
)

func rwmutex() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Go(func() {
			rw.RLock()
			fmt.Println("reader", i, "in")
			time.Sleep(time.Millisecond)
			fmt.Println("reader", i, "out")
			rw.RUnlock()
		})
	}
	wg.Go(func() {
		time.Sleep(time.Microsecond)
		rw.Lock()
		fmt.Println("writer")
		rw.Unlock()
	})
	wg.Wait()
}

func once() {
	var o sync.Once
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Go(func() { o.Do(func() { fmt.Println("init by", i) }) })
	}
	wg.Wait()
	v := sync.OnceValue(func() int { fmt.Println("computing"); return 42 })
	fmt.Println(v(), v())
}

func cond() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	sim.Go("waiter", func() {
		mu.Lock()
		for !ready {
			c.Wait()
		}
		fmt.Println("ready")
		mu.Unlock()
	})
	time.Sleep(time.Second)
	mu.Lock()
	ready = true
	c.Broadcast()
	mu.Unlock()
	time.Sleep(time.Second)
}

func unlockUnlocked() {
	var mu sync.Mutex
	mu.Unlock()
}

func sendClosed() {
	ch := sim.MakeChan[int](1)
	ch.Close()
	ch.Send(1)
}

func closeNil() {
	var ch *sim.Chan[int]
	ch.Close()
}

func recvNilForever() {
	var ch *sim.Chan[int]
	ch.Recv()
}

func timers() {
	t := time.NewTimer(time.Second)
	fmt.Println("stopped:", t.Stop())
	t.Reset(2 * time.Second)
	t.C.Recv()
	fmt.Println("fired at", time.Since(time.Epoch))
	tick := time.Tick(300 * time.Millisecond)
	for i := 0; i < 3; i++ {
		tick.Recv()
	}
	fmt.Println("three ticks at", time.Since(time.Epoch))
	done := sim.MakeChan[bool](0)
	time.AfterFunc(time.Second, func() { done.Send(true) })
	done.Recv()
	fmt.Println("AfterFunc at", time.Since(time.Epoch))
}

func deadline() {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Second))
	defer cancel()
	child, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	child.Done().Recv()
	fmt.Println(child.Err(), context.Cause(child), time.Since(time.Epoch))
	c2, cancel2 := context.WithCancelCause(context.Background())
	cancel2(fmt.Errorf("shutting down"))
	fmt.Println(c2.Err(), context.Cause(c2))
}

func goexitMain() {
	sim.Go("worker", func() {
		time.Sleep(time.Second)
		fmt.Println("worker done")
	})
	runtime.Goexit()
}

func tryGo() {
	var g errgroup.Group
	g.SetLimit(1)
	fmt.Println(g.TryGo(func() error { time.Sleep(time.Second); return nil }))
	fmt.Println(g.TryGo(func() error { return nil }))
	fmt.Println(g.Wait())
}

func setLimitWhileActive() {
	var g errgroup.Group
	g.SetLimit(2)
	g.Go(func() error { time.Sleep(time.Second); return nil })
	g.SetLimit(1)
}

func reuse() {
	var wg sync.WaitGroup
	wg.Add(1)
	sim.Go("waiter", func() { wg.Wait(); fmt.Println("waiter done") })
	time.Sleep(time.Millisecond)
	wg.Done()
	wg.Add(1)
	time.Sleep(time.Millisecond)
	wg.Done()
}
