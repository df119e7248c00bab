package sim_test

import (
	"testing"

	"lanes/sim"
	"lanes/sim/context"
	"lanes/sim/fmt"
	"lanes/sim/time"
	"lanes/sim/trace"
)

// TestValuesPrintAsGo: channels, timers, tickers and contexts print in
// Go's shapes (see testdata/fidelity/47_print_context.go for the real
// contexts' output); a channel's address is made up from its object id,
// so that every run prints the same.
func TestValuesPrintAsGo(t *testing.T) {
	prog := func() {
		ch := sim.MakeChan[int](0)
		tm := time.NewTimer(time.Second)
		f := time.AfterFunc(time.Second, func() {})
		tk := time.NewTicker(time.Second)
		defer tk.Stop()
		var nilch *sim.Chan[string]
		fmt.Printf("%v\n%+v\n%#v\n", tm, f, tk)
		fmt.Printf("%v %+v %#v %x\n", ch, ch, ch, ch) // %p bypasses Format: the real address
		fmt.Printf("%v %#v|%6v|%-6v|\n", nilch, nilch, nilch, nilch)
		bg := context.Background()
		c1, cancel1 := context.WithCancel(bg)
		defer cancel1()
		c2 := context.WithValue(c1, "user", "gopher")
		c3, cancel3 := context.WithCancelCause(c2)
		defer cancel3(nil)
		c4, cancel4 := context.WithTimeout(context.TODO(), time.Second)
		defer cancel4()
		fmt.Println(c1)
		fmt.Println(c2)
		fmt.Printf("%v|%s\n", c3, context.WithoutCancel(c3))
		fmt.Println(context.WithValue(bg, "n", 42))
		fmt.Println(c4)
	}
	want := `&{0xc0000100c0 true}
&{C:<nil> initTimer:true}
&time.Ticker{C:(<-chan time.Time)(0xc000010120), initTicker:true}
0xc000010060 0xc000010060 (chan int)(0xc000010060) c000010060
<nil> (chan string)(nil)| <nil>|<nil> |
context.Background.WithCancel
context.Background.WithCancel.WithValue(user, gopher)
context.Background.WithCancel.WithValue(user, gopher).WithCancel|context.Background.WithCancel.WithValue(user, gopher).WithCancel.WithoutCancel
context.Background.WithValue(n, int)
context.TODO.WithDeadline(2009-11-10 23:00:01 +0000 UTC [1s])
`
	for seed := int64(0); seed < 3; seed++ {
		tr := run(t, prog, sim.Options{Seed: seed})
		checkOutcome(t, tr.Outcome, want, trace.ExitOK, "")
	}
}
