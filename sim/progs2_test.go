package sim_test

import (
	"errors"

	"lanes/sim"
	"lanes/sim/context"
	"lanes/sim/errgroup"
	"lanes/sim/fmt"
	"lanes/sim/semaphore"
	"lanes/sim/sync"
	"lanes/sim/time"
)

func errgroupCancel() {
	g, ctx := errgroup.WithContext(context.Background())
	for _, id := range []int{1, 2, 3} {
		g.Go(func() error {
			if id == 2 {
				time.Sleep(10 * time.Millisecond)
				return errors.New("fetch 2 failed")
			}
			c0 := time.After(time.Second).RecvCase()
			c1 := ctx.Done().RecvCase()
			switch sim.Select(false, c0, c1) {
			case 0:
				fmt.Println("fetched", id)
			case 1:
				fmt.Println("cancelled", id)
			}
			return nil
		})
	}
	err := g.Wait()
	fmt.Println("error:", err, context.Cause(ctx))
}

var inFlight, peak int

func errgroupLimit() {
	inFlight, peak = 0, 0
	var g errgroup.Group
	g.SetLimit(2)
	for i := 0; i < 5; i++ {
		g.Go(func() error {
			inFlight++
			peak = max(peak, inFlight)
			time.Sleep(time.Millisecond)
			inFlight--
			return nil
		})
	}
	g.Wait()
	fmt.Println("peak", peak)
}

func semaphoreLimit() {
	inFlight, peak = 0, 0
	sem := semaphore.NewWeighted(3)
	var wg sync.WaitGroup
	ctx := context.Background()
	for i := 0; i < 10; i++ {
		wg.Add(1)
		sim.Go("query", func() {
			defer wg.Done()
			if err := sem.Acquire(ctx, 1); err != nil {
				return
			}
			defer sem.Release(1)
			inFlight++
			peak = max(peak, inFlight)
			time.Sleep(time.Millisecond)
			inFlight--
		})
	}
	wg.Wait()
	fmt.Println("peak", peak)
}

func semaphoreTimeout() {
	sem := semaphore.NewWeighted(1)
	sem.Acquire(context.Background(), 1)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	fmt.Println(sem.Acquire(ctx, 1), sem.TryAcquire(1))
	sem.Release(1)
	fmt.Println(sem.TryAcquire(1))
	sem.Release(2)
}

func errgroupPanic() {
	var g errgroup.Group
	g.Go(func() error { sim.Panic("task failed"); return nil })
	fmt.Println("wait:", g.Wait())
}
