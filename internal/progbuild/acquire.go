package progbuild

import (
	"context"
	"sync"
)

// Acquire takes a build slot, waiting for one when MaxBuilds builds run
// and fewer than MaxQueue wait; else it fails at once with a *BusyError.
// It also fails when ctx is done while waiting. release gives the slot
// back (once).
func (s *Service) Acquire(ctx context.Context) (release func(), err error) {
	select {
	case s.slots <- struct{}{}:
		return s.releaser(), nil
	default:
	}
	s.mu.Lock()
	if s.waiting >= s.opts.MaxQueue {
		s.mu.Unlock()
		return nil, &BusyError{Builds: s.opts.MaxBuilds, Queue: s.opts.MaxQueue}
	}
	s.waiting++
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.waiting--
		s.mu.Unlock()
	}()
	select {
	case s.slots <- struct{}{}:
		return s.releaser(), nil
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
}

func (s *Service) releaser() func() {
	var once sync.Once
	return func() { once.Do(func() { <-s.slots }) }
}

// TryAcquire takes a build slot only if one is free now: work that can
// wait for a later moment (a still) never queues before a reader's build.
// It fails at once with a *BusyError otherwise.
func (s *Service) TryAcquire() (release func(), err error) {
	select {
	case s.slots <- struct{}{}:
		return s.releaser(), nil
	default:
		return nil, &BusyError{Builds: s.opts.MaxBuilds, Queue: s.opts.MaxQueue}
	}
}
