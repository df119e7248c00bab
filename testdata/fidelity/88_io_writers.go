// Checks: io.WriteString(os.Stdout, …) and fmt.Fprintln(os.Stdout, …) from goroutines print at once, each call whole; io.MultiWriter copies to stdout and to a strings.Builder.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Go(func() { io.WriteString(os.Stdout, "io.WriteString\n") })
	wg.Go(func() { fmt.Fprintln(os.Stdout, "fmt.Fprintln") })
	wg.Wait()
	var copyOf strings.Builder
	w := io.MultiWriter(os.Stdout, &copyOf)
	fmt.Fprintf(w, "both %d\n", 2)
	fmt.Print("copied: ", copyOf.String())
}
