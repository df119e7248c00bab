package sim_test

// Hand-written twins: what sim/rewrite makes of small programs.

import (
	"errors"

	"lanes/sim"
	"lanes/sim/context"
	"lanes/sim/fmt"
	"lanes/sim/os"
	"lanes/sim/runtime"
	"lanes/sim/sync"
	"lanes/sim/time"
)

func counter() {
	var wg sync.WaitGroup
	worker := func(id int) {
		defer wg.Done()
		fmt.Printf("Worker %d starting\n", id)
		time.Sleep(time.Second)
		fmt.Printf("Worker %d done\n", id)
	}
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		sim.Go("worker", func() { worker(i) })
	}
	wg.Wait()
}

func raceToExit() {
	sim.Go("func1", func() {
		time.Sleep(time.Second)
		fmt.Println("Finished!")
	})
	fmt.Println("Exiting...")
}

func addInside() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		sim.Go("func1", func() {
			wg.Add(1)
			defer wg.Done()
			fmt.Println("worker", i)
		})
	}
	wg.Wait()
	fmt.Println("all done")
}

func forgottenDone() {
	var wg sync.WaitGroup
	wg.Add(2)
	sim.Go("func1", func() { wg.Done() })
	wg.Wait()
}

func negative() {
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Done()
	wg.Done()
}

func unbuffered() {
	ch := sim.MakeChan[int](0)
	sim.Go("producer", func() {
		for i := 1; i <= 3; i++ {
			ch.Send(i)
		}
		ch.Close()
	})
	for {
		v, ok := ch.Recv2()
		if !ok {
			break
		}
		fmt.Println("got", v)
	}
}

func buffered() {
	ch := sim.MakeChan[string](2)
	ch.Send("a")
	ch.Send("b")
	fmt.Println(ch.Len(), ch.Cap())
	fmt.Println(ch.Recv(), ch.Recv())
}

func selectTimeout() {
	ch := sim.MakeChan[string](0)
	sim.Go("slow", func() {
		time.Sleep(2 * time.Second)
		ch.Send("result")
	})
	c0 := ch.RecvCase()
	c1 := time.After(time.Second).RecvCase()
	switch sim.Select(false, c0, c1) {
	case 0:
		fmt.Println(c0.V)
	case 1:
		fmt.Println("timeout")
	}
}

func selectDefault() {
	ch := sim.MakeChan[int](1)
	for i := 0; i < 3; i++ {
		c0 := ch.SendCase(i)
		switch sim.Select(true, c0) {
		case 0:
			fmt.Println("sent", i)
		default:
			fmt.Println("full", i)
		}
	}
}

func sendNobody() {
	ch := sim.MakeChan[int](0)
	sim.Go("stuck", func() { ch.Send(1) })
	time.Sleep(time.Millisecond)
	fmt.Println("bye")
}

func eternalTicker() {
	sim.Go("cleanup", func() {
		t := time.NewTicker(time.Minute)
		for {
			if _, ok := t.C.Recv2(); !ok {
				break
			}
			fmt.Println("cleanup")
		}
	})
	time.Sleep(150 * time.Second)
	fmt.Println("main done")
}

func contextWorker() {
	ctx, cancel := context.WithCancel(context.Background())
	done := sim.MakeChan[struct{}](0)
	sim.Go("worker", func() {
		defer done.Close()
		t := time.NewTicker(time.Minute)
		defer t.Stop()
		for {
			c0, c1 := t.C.RecvCase(), ctx.Done().RecvCase()
			switch sim.Select(false, c0, c1) {
			case 0:
				fmt.Println("tick")
			case 1:
				fmt.Println("stopping:", ctx.Err())
				return
			}
		}
	})
	time.Sleep(150 * time.Second)
	cancel()
	done.Recv()
}

func timeout() {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	c0 := ctx.Done().RecvCase()
	c1 := time.After(time.Second).RecvCase()
	switch sim.Select(false, c0, c1) {
	case 0:
		fmt.Println(ctx.Err(), errors.Is(ctx.Err(), context.DeadlineExceeded), time.Since(time.Epoch))
	case 1:
		fmt.Println("late")
	}
}

func panicky() {
	defer fmt.Println("deferred")
	sim.Panic("boom")
}

func recovered() {
	var wg sync.WaitGroup
	wg.Add(1)
	sim.Go("worker", func() {
		defer wg.Done()
		defer func() {
			if r := sim.Recover(recover()); r != nil {
				fmt.Println("recovered:", r)
			}
		}()
		var m map[string]int
		m["x"] = 1
	})
	wg.Wait()
	fmt.Println("still alive")
}

func closeClosed() {
	ch := sim.MakeChan[int](0)
	ch.Close()
	ch.Close()
}

func mutexCounter() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 5; i++ {
		wg.Add(1)
		sim.Go("inc", func() {
			defer wg.Done()
			mu.Lock()
			n++
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println(n, runtime.NumGoroutine())
}

func spin() {
	for i := 0; ; i++ {
		sim.Step(1)
	}
}

func exit3() {
	defer fmt.Println("never")
	sim.Go("bg", func() { select {} })
	os.Exit(3)
}

func selectForever() { sim.Select(false) }

func gosched() {
	sim.Go("other", func() { fmt.Println("other") })
	runtime.Gosched()
	fmt.Println("main")
}
