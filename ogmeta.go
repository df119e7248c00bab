//go:build !wasm

package main

import (
	"html"
	"net/url"
	"regexp"
)

// go-app writes og:url as "https://" + Handler.Domain + the page's path,
// and og:image as "https://" for a page without an image. Lanes has no
// fixed domain (the server answers on whatever host it is reached by; an
// export may not know its address), so those read "https:///lesson/…" and
// "https://": addresses that go nowhere when a page is shared.
var (
	ogHostlessURL = regexp.MustCompile(`<meta (?:property="og:url" content="https://(/[^"]*)"|content="https://(/[^"]*)" property="og:url")>\s*`)
	ogEmptyImage  = regexp.MustCompile(`<meta (?:property="og:image" content="https://"|content="https://" property="og:image")>\s*`)
)

// fixOpenGraph gives a host-less og:url the origin ("http://host:port"),
// or drops it when origin is "", and drops an empty og:image.
func fixOpenGraph(page []byte, origin string) []byte {
	page = ogEmptyImage.ReplaceAll(page, nil)
	return ogHostlessURL.ReplaceAllFunc(page, func(tag []byte) []byte {
		if origin == "" {
			return nil
		}
		m := ogHostlessURL.FindSubmatch(tag)
		path := string(m[1]) + string(m[2])
		return []byte(`<meta property="og:url" content="` + html.EscapeString(origin) + path + `">` + "\n")
	})
}

// originOf is the scheme and host of an absolute address, or "".
func originOf(site string) string {
	u, err := url.Parse(site)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}
