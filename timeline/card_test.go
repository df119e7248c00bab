package timeline

import (
	"strconv"
	"strings"
	"testing"

	"lanes/sim/trace"
)

func TestDescribe(t *testing.T) {
	tr := channelTrace()
	send := -1
	for i, e := range tr.Events {
		if e.Kind == trace.KindSend && e.Peer != trace.NoGoroutine {
			send = i
			break
		}
	}
	tests := []struct {
		desc string
		seq  int
		ok   bool
		want []string // in the card's lines
	}{
		{"a send hands over to func 1", send, true, []string{"main: ", "line 30", "jobs (chan)", "with func 1", "step " + strconv.Itoa(send+1)}},
		{"before the run", -1, false, nil},
		{"past the end", len(tr.Events), false, nil},
	}
	for _, tc := range tests {
		c, ok := Describe(tr, tc.seq)
		if ok != tc.ok {
			t.Errorf("%s: ok %v, want %v", tc.desc, ok, tc.ok)
			continue
		}
		got := strings.Join(c.Lines(), "\n")
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: card %q lacks %q", tc.desc, got, w)
			}
		}
	}
}
