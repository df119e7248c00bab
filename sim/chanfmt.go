package sim

import (
	"fmt"
	"reflect"
	"strconv"
)

// Format prints the channel as Go prints a channel: as a pointer (%v, %x,
// %d; %#v as "(chan T)(0x…)", nil as <nil> and "(chan T)(nil)"). Its
// address is made up from its object id, so that a run prints the same
// every time, as the rest of a trace does; outside a run it is the real
// address. (%p never reaches Format: it prints the real address.)
func (c *Chan[T]) Format(f fmt.State, verb rune) {
	var addr uint64
	if c != nil {
		addr = uint64(reflect.ValueOf(c).Pointer())
		if r := current; r != nil {
			addr = fakeBase + uint64(c.use(Op{r: r}))*fakeStride
		}
	}
	switch verb {
	case 'v', 's':
		if f.Flag('#') {
			typ := "chan " + reflect.TypeFor[T]().String()
			if c != nil && c.timer {
				typ = "<-" + typ // a timer's or a context's: receive-only in Go
			}
			if addr == 0 {
				fmt.Fprintf(f, "(%s)(nil)", typ)
			} else {
				fmt.Fprintf(f, "(%s)(0x%x)", typ, addr)
			}
			return
		}
		if addr == 0 {
			pad(f, "<nil>")
			return
		}
		pad(f, "0x"+strconv.FormatUint(addr, 16))
	case 'x', 'X', 'd', 'o', 'b':
		fmt.Fprintf(f, fmt.FormatString(f, verb), addr)
	default:
		fmt.Fprintf(f, "%%!%c(chan=0x%x)", verb, addr)
	}
}

// The made-up addresses of channels: fakeBase + id*fakeStride.
const (
	fakeBase   = 0xc000010000
	fakeStride = 0x60
)

// pad writes s with the width and '-' flag of f.
func pad(f fmt.State, s string) {
	w, ok := f.Width()
	if !ok || len(s) >= w {
		fmt.Fprint(f, s)
		return
	}
	sp := make([]byte, w-len(s))
	for i := range sp {
		sp[i] = ' '
	}
	if f.Flag('-') {
		fmt.Fprint(f, s, string(sp))
	} else {
		fmt.Fprint(f, string(sp), s)
	}
}
