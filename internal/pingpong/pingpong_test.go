package pingpong

import "testing"

// BenchmarkPingPong is one round trip: main sends on an unbuffered
// channel, the other goroutine receives and answers on another.
func BenchmarkPingPong(b *testing.B) {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v
		}
		close(pong)
	}()
	for i := 0; b.Loop(); i++ {
		ping <- i
		<-pong
	}
	close(ping)
	<-pong
}
