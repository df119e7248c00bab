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
	o, ok := strings.CutPrefix(u.Fragment, originFragment)
	if !ok || !ValidSite(o) {
		return ""
	}
	return o
}
