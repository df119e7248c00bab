package rewrite

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// exactSrc numbers its lines in comments; TestStepAt says which get
// sim.StepAt.
const exactSrc = `package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

type S struct{ n int }

func (s S) String() string { return "S" } // line 14

type plain struct{ n int }

func work() int { return 1 } // line 18

func main() {
	var wg sync.WaitGroup // 21
	ch := make(chan int, 10)
	wg.Add(1)
	fmt.Println("a", 1, strings.Repeat("x", 2), time.Second)
	fmt.Println("a",
		1) // 25-26: two lines
	ch <- work() // 27: calls the program
	fmt.Println(S{}) // 28: String method
	fmt.Println(plain{}) // 29
	err := errors.New("x")
	fmt.Println(err) // 31: interface argument
	ctx := context.Background()
	<-ctx.Done() // 33: method of an interface
	f := func() { wg.Done() } // 34: built, not called
	func() { wg.Done() }() // 35: called
	go func() { wg.Done() }() // 36
	go fmt.Println(S{}) // 37: arguments evaluated now, the call later
	for i := 0; i < 2; i++ { // 38
		ch <- i // 39
	}
	for range ch { // 41
		break // 42
	}
	select { // 44
	case v := <-ch: // 45
		ch <- v // 46
	default:
	}
	var once sync.Once
	once.Do(f) // 50: func argument
	x := <-ch + len(ch) // 51
	x++ // 52
	if x > 0 { // 53
		return // 54
	}
	defer wg.Done() // 56
	panic("p") // 57
}

func more(ch chan int) {
	go func() { // 61: the literal spans lines, sim.Go is on 61
		ch <- 1
	}()
	go func(v int) { // 64: an operation in an argument, on 66
		ch <- v
	}(<-ch)
	ch <- 2 // 67
	var wg sync.WaitGroup
	wg.Go(func() { // 69: a spawner, over several lines
		ch <- 3
	})
	wg.Go(func() { ch <- 4 }, // 72: an argument on a later line
	)
	fmt.Println(func() { // 74: not a spawner
	})
}
`

func TestStepAt(t *testing.T) {
	twin, err := Rewrite("main.go", []byte(exactSrc), Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := map[string]bool{}
	for _, m := range regexp.MustCompile(`sim\.(Step|StepAt)\((\d+)\)`).FindAllStringSubmatch(string(twin), -1) {
		if _, seen := at[m[2]]; !seen { // a statement before those of its func literals
			at[m[2]] = m[1] == "StepAt"
		}
	}
	for _, tc := range []struct {
		desc string
		line int
		want bool
	}{
		{"var declaration", 21, true},
		{"make, assignment", 22, true},
		{"mirror method", 23, true},
		{"fmt with basic arguments and pure calls", 24, true},
		{"multi-line call", 25, false},
		{"operation after a program function call", 27, false},
		{"fmt with a Stringer of the program", 28, false},
		{"fmt with a program type without methods", 29, true},
		{"fmt with an interface argument", 31, false},
		{"method of an interface", 33, false},
		{"func literal built, not called", 34, true},
		{"func literal called", 35, false},
		{"go func literal", 36, true},
		{"go statement with a Stringer argument", 37, true},
		{"for header", 38, false},
		{"for body", 39, true},
		{"range header", 41, false},
		{"break", 42, false},
		{"select header", 44, false},
		{"select case body", 46, true},
		{"callback argument (once.Do)", 50, false},
		{"receive and len", 51, true},
		{"inc", 52, true},
		{"if header", 53, false},
		{"return", 54, false},
		{"defer", 56, false},
		{"panic", 57, false},
		{"go func literal over several lines", 61, true},
		{"its last statement", 62, true},
		{"go statement with an operation on a later line", 64, false},
		{"not the last statement any more", 67, true},
		{"spawner over several lines", 69, true},
		{"spawner with its closing parenthesis on a later line", 72, true},
		{"func literal given to another function", 74, false},
	} {
		got, ok := at[fmt.Sprint(tc.line)]
		if !ok {
			t.Errorf("%s: no step for line %d", tc.desc, tc.line)
			continue
		}
		if got != tc.want {
			t.Errorf("%s: line %d has StepAt %v, want %v", tc.desc, tc.line, got, tc.want)
		}
	}
	// The last statement of a list that got StepAt is followed by Unmark:
	// the for body (39), the select case (46), the literals (34, 35, 36,
	// 62, 65, 70, 72); and the receive loop of the range over a channel
	// (41) before it breaks.
	if n, want := strings.Count(string(twin), "sim.Unmark()"), 10; n != want {
		t.Errorf("%d sim.Unmark() in the twin, want %d", n, want)
	}
	if t.Failed() {
		t.Logf("twin:\n%s", twin)
	}
}
