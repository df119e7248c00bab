// Checks: several goroutines log through one log.New(os.Stdout, …) Logger: every line whole (one Write per call), in whatever order the workers ran; SetPrefix changes the prefix of later lines.
package main

import (
	"log"
	"os"
	"sync"
)

func main() {
	logger := log.New(os.Stdout, "[worker] ", 0)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Go(func() {
			logger.Printf("%d started", i)
			logger.Println(i, "done")
		})
	}
	wg.Wait()
	logger.SetPrefix("")
	logger.Print("all done")
}
