package site

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// Limit is a client's budget: Burst requests at once, then one every
// Every (a token bucket per client address).
type Limit struct {
	Burst int
	Every time.Duration
}

// maxClients bounds the buckets kept: beyond it the full (idle) ones are
// dropped first, then all.
const maxClients = 10000

// limiter keeps one token bucket per client.
type limiter struct {
	l       Limit
	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newLimiter(l Limit) *limiter {
	if l.Burst <= 0 {
		l.Burst = DefaultLimit.Burst
	}
	if l.Every <= 0 {
		l.Every = DefaultLimit.Every
	}
	return &limiter{l: l, buckets: map[string]*bucket{}}
}

// allow takes a token of client's bucket at now; when there is none it
// says how long until there is.
func (lm *limiter) allow(client string, now time.Time) (wait time.Duration, ok bool) {
	lm.mu.Lock()
	defer lm.mu.Unlock()
	b := lm.buckets[client]
	if b == nil {
		if len(lm.buckets) >= maxClients {
			lm.sweep(now)
		}
		b = &bucket{tokens: float64(lm.l.Burst), at: now}
		lm.buckets[client] = b
	}
	b.tokens = min(float64(lm.l.Burst), b.tokens+float64(now.Sub(b.at))/float64(lm.l.Every))
	b.at = now
	if b.tokens < 1 {
		return time.Duration((1 - b.tokens) * float64(lm.l.Every)), false
	}
	b.tokens--
	return 0, true
}

// sweep drops the buckets that are full again, or all of them if none is.
func (lm *limiter) sweep(now time.Time) {
	for k, b := range lm.buckets {
		if b.tokens+float64(now.Sub(b.at))/float64(lm.l.Every) >= float64(lm.l.Burst) {
			delete(lm.buckets, k)
		}
	}
	if len(lm.buckets) >= maxClients {
		clear(lm.buckets)
	}
}

// clientOf is the request's client: its address without the port (the
// site does not trust X-Forwarded-For: behind a proxy every reader
// shares the proxy's budget, which errs on the safe side).
func clientOf(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
