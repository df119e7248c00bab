package app

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestParseViewState(t *testing.T) {
	d := DefaultViewState()
	with := func(f func(*ViewState)) ViewState { s := d; f(&s); return s }
	tests := []struct {
		desc  string
		query string
		want  ViewState
		notes int
	}{
		{desc: "empty", query: "", want: d},
		{desc: "all set", query: "variant=wg-go&seed=42&strategy=pct&t=7&theme=dark&autoplay=1&controls=minimal&code=0&scale=step",
			want: ViewState{Variant: "wg-go", Seed: 42, Strategy: "pct", T: 7, Theme: "dark", Autoplay: true, Controls: "minimal", Code: false, Scale: "step"}},
		{desc: "bad scale", query: "scale=log", want: d, notes: 1},
		{desc: "seed zero and t zero", query: "seed=0&t=0", want: with(func(s *ViewState) { s.Seed, s.T = 0, 0 })},
		{desc: "max seed", query: "seed=9007199254740991", want: with(func(s *ViewState) { s.Seed = MaxSeed })},
		{desc: "seed too big", query: "seed=9007199254740992", want: d, notes: 1},
		{desc: "negative seed", query: "seed=-1", want: d, notes: 1},
		{desc: "seed with plus", query: "seed=+5", want: d, notes: 1},
		{desc: "seed leading zero", query: "seed=05", want: d, notes: 1},
		{desc: "seed not a number", query: "seed=abc", want: d, notes: 1},
		{desc: "empty seed", query: "seed=", want: d, notes: 1},
		{desc: "bad strategy", query: "strategy=fifo", want: d, notes: 1},
		{desc: "bad t", query: "t=-3", want: d, notes: 1},
		{desc: "huge t", query: "t=99999999999", want: d, notes: 1},
		{desc: "variant with quote", query: `variant=a"b`, want: d, notes: 1},
		{desc: "variant uppercase", query: "variant=Fixed", want: d, notes: 1},
		{desc: "bad theme", query: "theme=blue", want: d, notes: 1},
		{desc: "bad autoplay", query: "autoplay=yes", want: d, notes: 1},
		{desc: "bad controls", query: "controls=none", want: d, notes: 1},
		{desc: "unknown parameter", query: "foo=1", want: d, notes: 1},
		{desc: "wasm switch is allowed", query: "wasm=false", want: d},
		{desc: "repeated parameter uses the first", query: "seed=3&seed=4", want: with(func(s *ViewState) { s.Seed = 3 }), notes: 1},
		{desc: "two bad values", query: "seed=x&t=y", want: d, notes: 2},
	}
	for _, tt := range tests {
		q, err := url.ParseQuery(tt.query)
		if err != nil {
			t.Fatalf("%s: ParseQuery: %v", tt.desc, err)
		}
		got, notes := ParseViewState(q)
		if got != tt.want {
			t.Errorf("%s: ParseViewState(%q) = %+v, want %+v", tt.desc, tt.query, got, tt.want)
		}
		if len(notes) != tt.notes {
			t.Errorf("%s: ParseViewState(%q) notes = %q, want %d", tt.desc, tt.query, notes, tt.notes)
		}
	}
}

func TestViewStateQueryRoundTrip(t *testing.T) {
	tests := []struct {
		desc string
		s    ViewState
		want string
	}{
		{desc: "default is empty", s: DefaultViewState(), want: ""},
		{desc: "variant and seed", s: ViewState{Variant: "buggy", Seed: 9, Strategy: "runtime", T: -1, Theme: "auto", Controls: "full", Code: true, Scale: "time"}, want: "variant=buggy&seed=9"},
		{desc: "everything", s: ViewState{Variant: "x", Seed: 0, Strategy: "random", T: 0, Theme: "light", Autoplay: true, Controls: "minimal", Scale: "step"},
			want: "variant=x&seed=0&strategy=random&t=0&theme=light&autoplay=1&controls=minimal&code=0&scale=step"},
	}
	for _, tt := range tests {
		if got := tt.s.Query(); got != tt.want {
			t.Errorf("%s: Query() = %q, want %q", tt.desc, got, tt.want)
		}
		q, _ := url.ParseQuery(tt.s.Query())
		back, notes := ParseViewState(q)
		if back != tt.s || len(notes) != 0 {
			t.Errorf("%s: ParseViewState(Query()) = %+v %q, want %+v", tt.desc, back, notes, tt.s)
		}
	}
}

// safeAttr is what any value that may reach an attribute must look like.
var safeAttr = regexp.MustCompile(`^[a-z0-9-]*$`)

func FuzzParseViewState(f *testing.F) {
	for _, s := range []string{"", "variant=fixed&seed=3", "t=5&strategy=pct", `variant="><script>`, "seed=%00", "theme=dark&code=0&autoplay=1", "a=1&a=2&seed=1&seed=x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		s, notes := ParseViewState(q)
		if !safeAttr.MatchString(s.Variant) || !safeAttr.MatchString(s.Strategy) || !safeAttr.MatchString(s.Theme) || !safeAttr.MatchString(s.Controls) {
			t.Fatalf("unsafe state from %q: %+v", raw, s)
		}
		if s.Variant != "" && !NamePattern.MatchString(s.Variant) {
			t.Fatalf("variant %q does not match NamePattern", s.Variant)
		}
		if s.Seed < 0 || s.Seed > MaxSeed || s.T < -1 || s.T > MaxT || !slices.Contains(Strategies, s.Strategy) {
			t.Fatalf("out of range state from %q: %+v", raw, s)
		}
		for _, n := range notes {
			if len(n) > 200 {
				t.Fatalf("note too long (%d bytes) from %q", len(n), raw)
			}
		}
		// The state's own query reads back unchanged, with no notes.
		q2, err := url.ParseQuery(s.Query())
		if err != nil {
			t.Fatalf("Query() %q does not parse: %v", s.Query(), err)
		}
		back, notes2 := ParseViewState(q2)
		if back != s || len(notes2) != 0 {
			t.Fatalf("round trip of %+v gave %+v %q", s, back, notes2)
		}
		if strings.ContainsAny(s.Query(), `"<>' `) {
			t.Fatalf("Query() %q has characters unsafe in an attribute", s.Query())
		}
	})
}

func ExampleParseViewState() {
	q, _ := url.ParseQuery("variant=fixed&seed=x&t=12")
	s, notes := ParseViewState(q)
	fmt.Println(s.Variant, s.Seed, s.T)
	fmt.Println(notes)
	fmt.Println(s.Query())
	// Output:
	// fixed 1 12
	// [ignored seed="x": want a whole number from 0 to 9007199254740991]
	// variant=fixed&t=12
}
