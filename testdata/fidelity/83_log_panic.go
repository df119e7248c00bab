// Checks: log.SetOutput(os.Stdout) with Lmsgprefix; log.Panicf in a goroutine prints its line, then panics with the same text (Go's "panic: …", exit status 2) while main waits forever.
package main

import (
	"log"
	"os"
)

func main() {
	log.SetOutput(os.Stdout)
	log.SetFlags(log.Lmsgprefix)
	log.SetPrefix("check: ")
	log.Println("starting")
	go func() {
		v := 42
		log.Panicf("bad value %d", v)
	}()
	select {}
}
