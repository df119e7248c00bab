package course

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"lanes/timeline"
)

func TestParseViewState(t *testing.T) {
	var d ViewState // the default view
	with := func(f func(*ViewState)) ViewState { s := d; f(&s); return s }
	tests := []struct {
		desc  string
		query string
		want  ViewState
		notes int
	}{
		{desc: "empty", query: "", want: d},
		{desc: "all set", query: "variant=wg-go&seed=42&strategy=pct&t=7&theme=dark&autoplay=1&controls=minimal&code=0&scale=step",
			want: ViewState{Variant: "wg-go", Seed: 42, Strategy: "pct", T: At(7), Theme: timeline.ThemeDark, Autoplay: true, Minimal: true, NoCode: true, Scale: timeline.ScaleStep, ScaleGiven: true}},
		{desc: "defaults written out are the zero value", query: "seed=1&strategy=runtime&theme=auto&autoplay=0&controls=full&code=1", want: d},
		{desc: "scale=time is the URL choosing the time axis (a lesson may default to steps)", query: "scale=time", want: with(func(s *ViewState) { s.ScaleGiven = true })},
		{desc: "bad scale", query: "scale=log", want: d, notes: 1},
		{desc: "t zero is the start", query: "t=0", want: with(func(s *ViewState) { s.T = At(0) })},
		{desc: "seed zero is not a seed a page makes", query: "seed=0", want: d, notes: 1},
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

// TestViewStateNoteWords: a note names the values it wants in words,
// never as a Go list ("want one of [runtime random pct]").
func TestViewStateNoteWords(t *testing.T) {
	tests := []struct {
		desc, query, want string
	}{
		{desc: "a bad strategy", query: "strategy=fifo", want: `ignored strategy="fifo": want runtime, random or pct`},
		{desc: "a bad theme", query: "theme=blue", want: `ignored theme="blue": want auto, light or dark`},
	}
	for _, tt := range tests {
		q, _ := url.ParseQuery(tt.query)
		if _, notes := ParseViewState(q); len(notes) != 1 || notes[0] != tt.want {
			t.Errorf("%s: notes %q, want [%q]", tt.desc, notes, tt.want)
		}
	}
}

func TestOrList(t *testing.T) {
	tests := []struct {
		desc  string
		words []string
		want  string
	}{
		{desc: "none", want: "nothing"},
		{desc: "one", words: []string{"a"}, want: "a"},
		{desc: "two", words: []string{"a", "b"}, want: "a or b"},
		{desc: "three", words: []string{"runtime", "random", "pct"}, want: "runtime, random or pct"},
	}
	for _, tt := range tests {
		if got := orList(tt.words); got != tt.want {
			t.Errorf("%s: orList(%q) = %q, want %q", tt.desc, tt.words, got, tt.want)
		}
	}
}

func TestViewStateQueryRoundTrip(t *testing.T) {
	tests := []struct {
		desc string
		s    ViewState
		want string
	}{
		{desc: "the zero value is empty", s: ViewState{}, want: ""},
		{desc: "variant and seed", s: ViewState{Variant: "buggy", Seed: 9}, want: "variant=buggy&seed=9"},
		{desc: "everything", s: ViewState{Variant: "x", Seed: 2, Strategy: "random", T: At(0), Theme: timeline.ThemeLight, Autoplay: true, Minimal: true, NoCode: true, Scale: timeline.ScaleStep, ScaleGiven: true},
			want: "variant=x&seed=2&strategy=random&t=0&theme=light&autoplay=1&controls=minimal&code=0&scale=step"},
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
		if !safeAttr.MatchString(s.Variant) || !safeAttr.MatchString(s.Strategy) || !safeAttr.MatchString(s.Theme.String()) || !safeAttr.MatchString(s.Scale.String()) {
			t.Fatalf("unsafe state from %q: %+v", raw, s)
		}
		if s.Variant != "" && !NamePattern.MatchString(s.Variant) {
			t.Fatalf("variant %q does not match NamePattern", s.Variant)
		}
		if s.Seed < 0 || s.Seed == 1 || s.Seed > MaxSeed || !s.T.IsEnd() && s.T.Shown(MaxT+1) > MaxT || s.Strategy != "" && !slices.Contains(Strategies[1:], s.Strategy) {
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
	strategy, seed := s.Schedule()
	fmt.Println(s.Variant, strategy, seed, s.T.Shown(100))
	fmt.Println(notes)
	fmt.Println(s.Query())
	// Output:
	// fixed runtime 1 12
	// [ignored seed="x": want a whole number from 1 to 9007199254740991]
	// variant=fixed&t=12
}

func TestPos(t *testing.T) {
	tests := []struct {
		desc  string
		p     Pos
		total int
		want  int
		end   bool
	}{
		{desc: "the zero value is the end", p: Pos{}, total: 9, want: 9, end: true},
		{desc: "End", p: End, total: 9, want: 9, end: true},
		{desc: "the start", p: At(0), total: 9, want: 0},
		{desc: "inside", p: At(4), total: 9, want: 4},
		{desc: "past the end is the end", p: At(12), total: 9, want: 9},
		{desc: "negative is the start", p: At(-2), total: 9, want: 0},
	}
	for _, tt := range tests {
		if got := tt.p.Shown(tt.total); got != tt.want || tt.p.IsEnd() != tt.end {
			t.Errorf("%s: Shown(%d) = %d, IsEnd %v; want %d, %v", tt.desc, tt.total, got, tt.p.IsEnd(), tt.want, tt.end)
		}
	}
}

func TestURLs(t *testing.T) {
	tests := []struct {
		desc       string
		path       string
		kind, slug string
		ok         bool
	}{
		{desc: "lesson", path: "/lesson/counter", kind: KindLesson, slug: "counter", ok: true},
		{desc: "embed", path: "/embed/golden-rule", kind: KindEmbed, slug: "golden-rule", ok: true},
		{desc: "gallery is no lesson page", path: "/"},
		{desc: "empty slug", path: "/lesson/"},
		{desc: "nested", path: "/lesson/counter/x"},
		{desc: "other kind", path: "/svg/counter"},
		{desc: "bad slug", path: "/lesson/Counter"},
		{desc: "no leading slash", path: "lesson/counter"},
	}
	for _, tt := range tests {
		kind, slug, ok := ParsePagePath(tt.path)
		if kind != tt.kind || slug != tt.slug || ok != tt.ok {
			t.Errorf("%s: ParsePagePath(%q) = %q, %q, %v; want %q, %q, %v", tt.desc, tt.path, kind, slug, ok, tt.kind, tt.slug, tt.ok)
		}
		if ok && PagePath(kind, slug) != tt.path {
			t.Errorf("%s: PagePath(%q, %q) = %q", tt.desc, kind, slug, PagePath(kind, slug))
		}
	}
	s := ViewState{Seed: 7, T: At(3)}
	if got, want := s.URL(KindEmbed, "counter"), "/embed/counter?seed=7&t=3"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
	if got, want := (ViewState{}).URL(KindLesson, "counter"), "/lesson/counter"; got != want {
		t.Errorf("URL of the default view = %q, want %q", got, want)
	}
}

func ExampleViewState_URL() {
	s := ViewState{Variant: "fixed", Strategy: "random", Seed: 42}
	fmt.Println(s.URL(KindLesson, "counter"))
	// Output: /lesson/counter?variant=fixed&seed=42&strategy=random
}
