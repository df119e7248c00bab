package main

import (
	"fmt"
	"time"
)

func main() {
	go func() {
		time.Sleep(50 * time.Millisecond) // pretend to work
		fmt.Println("Finished!")
	}()
	fmt.Println("Exiting...")
}
