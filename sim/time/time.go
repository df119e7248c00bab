// Package time mirrors the standard library's time for simulated programs,
// on the simulator's virtual clock: Sleep, After, Tick, NewTimer,
// NewTicker, AfterFunc and Now. Virtual time starts at the Go playground's
// epoch, 2009-11-10 23:00:00 UTC, and advances only when every goroutine is
// blocked or asleep. Timer and ticker channels behave as in Go 1.23+: Stop
// and Reset discard a value not yet received, and Len and Cap report 0.
//
// Duration, Time, Month, the constants and the parsing and formatting
// functions are the real ones.
package time

import (
	gotime "time"

	"lanes/sim"
)

type (
	// Duration is the real time.Duration.
	Duration = gotime.Duration
	// Time is the real time.Time.
	Time = gotime.Time
	// Month is the real time.Month.
	Month = gotime.Month
	// Weekday is the real time.Weekday.
	Weekday = gotime.Weekday
	// Location is the real time.Location.
	Location = gotime.Location
)

// The real duration constants.
const (
	Nanosecond  = gotime.Nanosecond
	Microsecond = gotime.Microsecond
	Millisecond = gotime.Millisecond
	Second      = gotime.Second
	Minute      = gotime.Minute
	Hour        = gotime.Hour
)

// The real layouts.
const (
	Layout      = gotime.Layout
	ANSIC       = gotime.ANSIC
	RFC3339     = gotime.RFC3339
	RFC3339Nano = gotime.RFC3339Nano
	Kitchen     = gotime.Kitchen
	Stamp       = gotime.Stamp
	StampMilli  = gotime.StampMilli
	DateTime    = gotime.DateTime
	DateOnly    = gotime.DateOnly
	TimeOnly    = gotime.TimeOnly
)

// UTC and Local are the real locations.
var (
	UTC   = gotime.UTC
	Local = gotime.UTC
)

// Epoch is the wall-clock time at virtual time 0.
var Epoch = gotime.Date(2009, 11, 10, 23, 0, 0, 0, gotime.UTC)

// Now returns the current virtual time.
func Now() Time {
	if !sim.Running() {
		return Epoch
	}
	return Epoch.Add(sim.ProgramNow())
}

// Since returns the virtual time elapsed since t.
func Since(t Time) Duration { return Now().Sub(t) }

// Until returns the virtual duration until t.
func Until(t Time) Duration { return t.Sub(Now()) }

// Sleep pauses the calling goroutine for at least d of virtual time.
func Sleep(d Duration) { sim.Sleep(d) }

// ParseDuration is time.ParseDuration.
func ParseDuration(s string) (Duration, error) { return gotime.ParseDuration(s) }

// Parse is time.Parse.
func Parse(layout, value string) (Time, error) { return gotime.Parse(layout, value) }

// Date is time.Date.
func Date(year int, month Month, day, hour, min, sec, nsec int, loc *Location) Time {
	return gotime.Date(year, month, day, hour, min, sec, nsec, loc)
}

// Unix is time.Unix.
func Unix(sec, nsec int64) Time { return gotime.Unix(sec, nsec) }

// UnixMilli is time.UnixMilli.
func UnixMilli(msec int64) Time { return gotime.UnixMilli(msec) }

// The months and weekdays.
const (
	January  = gotime.January
	December = gotime.December
	Sunday   = gotime.Sunday
	Saturday = gotime.Saturday
)

// A Timer sends the time on C once, after its duration (or, made by
// AfterFunc, calls its function in a new goroutine). Its fields are Go's,
// so that it prints as Go's does; its clock timer is kept aside.
type Timer struct {
	C         *sim.Chan[Time]
	initTimer bool
}

// clockTimers holds the clock timer of a Timer or Ticker in a run.
type clockTimers struct{ ct *sim.ClockTimer }

// ct returns the clock timer of the Timer or Ticker t; nil (whose Stop
// and Reset do nothing) if t was made in an earlier run.
func ct(t any) *sim.ClockTimer {
	s, _ := sim.Shadow[clockTimers](t)
	return s.ct
}

func setCT(t any, c *sim.ClockTimer) {
	s, _ := sim.Shadow[clockTimers](t)
	s.ct = c
}

// NewTimer returns a Timer that sends the current time on C after d.
func NewTimer(d Duration) *Timer { return newTimer(d, "time.NewTimer") }

// newTimer is NewTimer for the call named call: its channel is named
// after it (see sim.CallName) unless the program names it.
func newTimer(d Duration, call string) *Timer {
	t := &Timer{C: sim.MakeCallChan[Time](call), initTimer: true}
	setCT(t, sim.NewClockTimer(d, 0, func() { t.C.TrySend(Now()) }))
	return t
}

// After waits for d and then sends the current time on the returned channel.
func After(d Duration) *sim.Chan[Time] { return newTimer(d, "time.After").C }

// AfterFunc calls f in its own goroutine after d.
func AfterFunc(d Duration, f func()) *Timer {
	t := &Timer{initTimer: true}
	parent := sim.Self()
	name := sim.FuncName(f)
	setCT(t, sim.NewClockTimer(d, 0, func() { sim.Spawn(parent, name, f) }))
	return t
}

// Stop prevents the timer from firing. It reports whether it stopped it:
// as in Go 1.23+, whose timer channels are synchronous, a timer whose value
// was never received is still running, so Stop discards the value and
// reports true; false means it was stopped already, its value was
// received, or (AfterFunc) its function has been started.
func (t *Timer) Stop() bool {
	stale := t.C.Drain()
	return ct(t).Stop() || stale
}

// Reset makes the timer fire after d. It reports whether the timer was
// running (a value never received counts, as for Stop), and discards such
// a value: a receive from C after Reset gets the new expiry's.
func (t *Timer) Reset(d Duration) bool {
	stale := t.C.Drain()
	return ct(t).Reset(d, 0) || stale
}

// A Ticker sends the time on C every period; a tick nobody is ready to
// receive is dropped. Its fields are Go's, so that it prints as Go's does.
type Ticker struct {
	C          *sim.Chan[Time]
	initTicker bool
}

// NewTicker returns a Ticker ticking every d; d must be positive.
func NewTicker(d Duration) *Ticker { return newTicker(d, "time.NewTicker") }

// newTicker is NewTicker for the call named call (see newTimer).
func newTicker(d Duration, call string) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	t := &Ticker{C: sim.MakeCallChan[Time](call), initTicker: true}
	setCT(t, sim.NewClockTimer(d, d, func() { t.C.TrySend(Now()) }))
	return t
}

// Tick returns a ticker's channel, or nil if d <= 0.
func Tick(d Duration) *sim.Chan[Time] {
	if d <= 0 {
		return nil
	}
	return newTicker(d, "time.Tick").C
}

// Stop turns the ticker off.
func (t *Ticker) Stop() {
	t.C.Drain()
	ct(t).Stop()
}

// Reset stops the ticker and restarts it with period d.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	t.C.Drain()
	ct(t).Reset(d, d)
}
