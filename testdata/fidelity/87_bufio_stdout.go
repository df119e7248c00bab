// Checks: bufio.NewWriter(os.Stdout): what goroutines write under a mutex appears only at Flush, after what was printed directly; a writer never flushed prints nothing; fmt.Fprintln(os.Stderr) goes to stderr.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sync"
)

func main() {
	out := bufio.NewWriter(os.Stdout)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			fmt.Fprintf(out, "worker %d\n", i)
		})
	}
	fmt.Println("printed directly, before the flush")
	wg.Wait()
	fmt.Fprintln(os.Stderr, "buffered:", out.Buffered(), "bytes")
	out.Flush()
	lost := bufio.NewWriter(os.Stdout)
	lost.WriteString("never flushed\n")
}
