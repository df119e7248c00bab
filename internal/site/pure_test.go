package site

import (
	"testing"
)

func TestNormalizeHTML(t *testing.T) {
	tests := []struct{ desc, in, want string }{
		{"sorted", `<meta name="a" content="b">`, `<meta content="b" name="a">`},
		{"boolean attributes", `<option value="1" selected>x</option>`, `<option selected value="1">x</option>`},
		{"self-closing", `<rect y="1" x="2"/>`, `<rect x="2" y="1"/>`},
		{"values with > and spaces", `<a title="a > b" href="/x">`, `<a href="/x" title="a > b">`},
		{"escaped text is untouched", `<p>if a&lt;b &amp;& c > d</p>`, `<p>if a&lt;b &amp;& c > d</p>`},
		{"no attributes", `<div><span>x</span></div>`, `<div><span>x</span></div>`},
	}
	for _, tt := range tests {
		if got := string(normalizeHTML([]byte(tt.in))); got != tt.want {
			t.Errorf("%s: normalizeHTML(%q) = %q, want %q", tt.desc, tt.in, got, tt.want)
		}
	}
}

func TestFixOpenGraph(t *testing.T) {
	tests := []struct {
		desc, page, origin, want string
	}{
		{
			desc:   "a host-less og:url gets the origin; the empty og:image goes",
			page:   "<meta property=\"og:url\" content=\"https:///lesson/a\">\n    <meta property=\"og:image\" content=\"https://\">\n    <title>",
			origin: "http://localhost:8000",
			want:   "<meta property=\"og:url\" content=\"http://localhost:8000/lesson/a\">\n<title>",
		},
		{
			desc:   "attributes the other way round (static export), under a sub-path",
			page:   `<meta content="https:///lanes/lesson/a" property="og:url"><meta content="https://" property="og:image">`,
			origin: "https://example.org",
			want:   "<meta property=\"og:url\" content=\"https://example.org/lanes/lesson/a\">\n",
		},
		{
			desc:   "a program page's host-less og:image (its still's picture) gets the origin too",
			page:   `<meta content="https:///lanes/svg/p/x.svg" property="og:image"><meta property="og:url" content="https:///lanes/p/x">`,
			origin: "https://example.org",
			want:   "<meta property=\"og:image\" content=\"https://example.org/lanes/svg/p/x.svg\">\n<meta property=\"og:url\" content=\"https://example.org/lanes/p/x\">\n",
		},
		{
			desc: "no origin known: the og:url goes too",
			page: `<meta property="og:url" content="https:///lesson/a"><title>`,
			want: `<title>`,
		},
		{
			desc:   "a real og:url and og:image stay",
			page:   `<meta property="og:url" content="https://example.org/x"><meta property="og:image" content="https://example.org/i.png">`,
			origin: "http://localhost",
			want:   `<meta property="og:url" content="https://example.org/x"><meta property="og:image" content="https://example.org/i.png">`,
		},
	}
	for _, tt := range tests {
		// The tags are in a head: fixOpenGraph leaves the body alone.
		tt.page, tt.want = tt.page+"</head>", tt.want+"</head>"
		if got := string(fixOpenGraph([]byte(tt.page), tt.origin)); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.desc, got, tt.want)
		}
	}
}

func TestBootAfterPaint(t *testing.T) {
	boot := func(srcs string) string {
		return `<script data-src="` + srcs + `">` + bootJS + "</script>\n"
	}
	preload := func(href string) string {
		return `<link rel="preload" href="` + href + `" as="fetch" crossorigin>` + "\n"
	}
	scripts := func(hrefs ...string) string {
		s := ""
		for _, h := range hrefs {
			s += `<link rel="preload" href="` + h + `" as="script">` + "\n"
		}
		return s
	}
	tests := []struct {
		desc, page, want string
	}{
		{
			desc: "go-app's two deferred scripts become one boot script, in order",
			page: "<head><title>x</title>\n    <script defer src=\"/wasm_exec.js\"></script>\n    <script defer src=\"/app.js\"></script>\n  </head><body></body>",
			want: "<head><title>x</title>\n    " + preload("/web/app.wasm") + scripts("/wasm_exec.js", "/app.js") + boot("/wasm_exec.js /app.js") + "</head><body></body>",
		},
		{
			desc: "attributes sorted the other way (static export), under a sub-path",
			page: `<head><script src="/sub/wasm_exec.js" defer></script><script src="/sub/app.js" defer></script></head>`,
			want: "<head>" + preload("/sub/web/app.wasm") + scripts("/sub/wasm_exec.js", "/sub/app.js") + boot("/sub/wasm_exec.js /sub/app.js") + "</head>",
		},
		{
			desc: "escaped and spaced sources stay one URL each",
			page: `<head><script defer src="/a&amp;b c/app.js"></script></head>`,
			want: "<head>" + preload("/a&amp;b%20c/web/app.wasm") + scripts("/a&amp;b%20c/app.js") + boot("/a&amp;b%20c/app.js") + "</head>",
		},
		{
			desc: "deferred scripts without go-app's app.js: no wasm to preload",
			page: `<head><script defer src="/x.js"></script></head>`,
			want: "<head>" + scripts("/x.js") + boot("/x.js") + "</head>",
		},
		{
			desc: "a page without deferred scripts is unchanged",
			page: `<head><script src="/other.js"></script></head><body><script defer src="/x.js"></script></body>`,
			want: `<head><script src="/other.js"></script></head><body><script defer src="/x.js"></script></body>`,
		},
		{
			desc: "no head: unchanged",
			page: `<p>hi</p>`,
			want: `<p>hi</p>`,
		},
	}
	for _, tt := range tests {
		if got := string(bootAfterPaint([]byte(tt.page))); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.desc, got, tt.want)
		}
	}
}

func TestAsyncHeadScripts(t *testing.T) {
	tests := []struct {
		desc, page, want string
	}{
		{desc: "a classic script of the head becomes async",
			page: `<head><script src="/web/early.js"></script></head><body></body>`,
			want: `<head><script async src="/web/early.js"></script></head><body></body>`},
		{desc: "under a sub-path (static export)",
			page: `<head><script src="/sub/web/early.js"></script></head>`,
			want: `<head><script async src="/sub/web/early.js"></script></head>`},
		{desc: "deferred and inline scripts stay, and so does the body",
			page: `<head><script defer src="/app.js"></script><script data-src="/a.js">x()</script></head><body><script src="/b.js"></script></body>`,
			want: `<head><script defer src="/app.js"></script><script data-src="/a.js">x()</script></head><body><script src="/b.js"></script></body>`},
		{desc: "no head: unchanged", page: `<script src="/a.js"></script>`, want: `<script src="/a.js"></script>`},
	}
	for _, tt := range tests {
		if got := string(asyncHeadScripts([]byte(tt.page))); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.desc, got, tt.want)
		}
	}
}
