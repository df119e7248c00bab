package course

import (
	"net/url"
	"testing"
)

func TestPrerenderOrigin(t *testing.T) {
	u, _ := url.Parse("http://lanes.example/lesson/counter?seed=3")
	tests := []struct {
		desc, origin, want string
	}{
		{desc: "https behind a proxy", origin: "https://lanes.example", want: "https://lanes.example"},
		{desc: "with a prefix", origin: "http://localhost:8000/sub", want: "http://localhost:8000/sub"},
		{desc: "none", origin: "", want: ""},
		{desc: "invalid is not passed", origin: `https://x"><script>`, want: ""},
	}
	for _, tt := range tests {
		p := PrerenderURL(*u, tt.origin)
		if got := PrerenderOrigin(p); got != tt.want {
			t.Errorf("%s: PrerenderOrigin(PrerenderURL(u, %q)) = %q, want %q", tt.desc, tt.origin, got, tt.want)
		}
		if p.Path != u.Path || p.RawQuery != u.RawQuery {
			t.Errorf("%s: the URL changed: %v", tt.desc, p)
		}
		if PrerenderWithoutRun(p) {
			t.Errorf("%s: marked without its run", tt.desc)
		}
		n := WithoutRun(p)
		if !PrerenderWithoutRun(n) || PrerenderOrigin(n) != tt.want || n.Path != u.Path || n.RawQuery != u.RawQuery {
			t.Errorf("%s: WithoutRun: %v (marked %v, origin %q)", tt.desc, n, PrerenderWithoutRun(n), PrerenderOrigin(n))
		}
		if PrerenderWithoutRun(p) {
			t.Errorf("%s: WithoutRun changed its argument", tt.desc)
		}
	}
	if got := PrerenderOrigin(&url.URL{Fragment: "lanes-origin=javascript:x"}); got != "" {
		t.Errorf("a forged fragment gives %q", got)
	}
}
