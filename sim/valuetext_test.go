package sim

import (
	"fmt"
	"strings"
	"testing"
)

type namedInt int

func (n namedInt) String() string { return fmt.Sprintf("n%d", int(n)) }

type point struct{ X, Y int }

// valueText's fast path (ints, strings, bools without fmt) says what
// fmt.Sprint says, and every value is cut to 60 bytes.
func TestValueText(t *testing.T) {
	long := strings.Repeat("x", 70)
	tests := []struct {
		desc string
		v    any
		want string
	}{
		{desc: "int", v: 42, want: fmt.Sprint(42)},
		{desc: "negative int", v: -7, want: fmt.Sprint(-7)},
		{desc: "int64", v: int64(-1 << 40), want: fmt.Sprint(int64(-1 << 40))},
		{desc: "string", v: "hello", want: fmt.Sprint("hello")},
		{desc: "empty string", v: "", want: fmt.Sprint("")},
		{desc: "true", v: true, want: fmt.Sprint(true)},
		{desc: "false", v: false, want: fmt.Sprint(false)},
		{desc: "named int with String (fmt)", v: namedInt(3), want: "n3"},
		{desc: "struct (fmt)", v: point{1, 2}, want: "{1 2}"},
		{desc: "nil (fmt)", v: nil, want: "<nil>"},
		{desc: "float (fmt)", v: 1.5, want: "1.5"},
		{desc: "long string cut", v: long, want: long[:57] + "..."},
		{desc: "60 bytes kept", v: long[:60], want: long[:60]},
	}
	for _, tt := range tests {
		if got := valueText(tt.v); got != tt.want {
			t.Errorf("%s: valueText(%#v) = %q, want %q", tt.desc, tt.v, got, tt.want)
		}
	}
}
