package course

import (
	"net/url"
	"strings"
)

// originFragment starts the fragment of a URL prerendered for a site.
const originFragment = "lanes-origin="

// PrerenderURL is the URL a server prerenders a page for: u, with the
// site's origin (scheme, host and path prefix, as ValidSite) handed over in
// its fragment. go-app gives the page it prerenders a URL whose scheme is
// always http, so the page cannot tell an https site from the request;
// browsers never send a fragment to a server, so it is free to carry the
// origin the site computed. An invalid origin is not passed.
func PrerenderURL(u url.URL, origin string) *url.URL {
	u.Fragment, u.RawFragment = "", ""
	if origin != "" && ValidSite(origin) {
		u.Fragment = originFragment + origin
	}
	return &u
}

// PrerenderOrigin is the origin PrerenderURL handed over in u ("" when
// none, or when it is not a valid site).
func PrerenderOrigin(u *url.URL) string {
	o, ok := strings.CutPrefix(strings.TrimPrefix(u.Fragment, noRunFragment), originFragment)
	if !ok || !ValidSite(o) {
		return ""
	}
	return o
}

// noRunFragment starts the fragment of a URL prerendered without its run
// (WithoutRun).
const noRunFragment = "lanes-norun;"

// WithoutRun marks u, a URL PrerenderURL made, as a page to prerender
// without the run it shows: the server is busy, so the page comes without
// its timeline and the browser computes it (a lesson's run, a program's
// still fetched). Like the origin it rides in the fragment, which no
// browser sends to a server.
func WithoutRun(u *url.URL) *url.URL {
	v := *u
	v.Fragment, v.RawFragment = noRunFragment+u.Fragment, ""
	return &v
}

// PrerenderWithoutRun says whether u was marked by WithoutRun.
func PrerenderWithoutRun(u *url.URL) bool {
	return u != nil && strings.HasPrefix(u.Fragment, noRunFragment)
}
