package site

import (
	"bytes"
	"net/url"
	"regexp"
)

// go-app writes og:url as "https://" + Handler.Domain + the page's path,
// og:image likewise (a program page's picture, /svg/p/ID.svg), and
// og:image as "https://" for a page without an image. Lanes has no
// fixed domain (the server answers on whatever host it is reached by; an
// export may not know its address), so those read "https:///lesson/…" and
// "https://": addresses that go nowhere when a page is shared.
var (
	ogHostlessURL = regexp.MustCompile(`<meta (?:property="og:(url|image)" content="https://(/[^"]*)"|content="https://(/[^"]*)" property="og:(url|image)")>\s*`)
	ogEmptyImage  = regexp.MustCompile(`<meta (?:property="og:image" content="https://"|content="https://" property="og:image")>\s*`)
)

// fixOpenGraph gives a host-less og:url or og:image in the head of page
// the origin ("http://host:port"), or drops it when origin is "", and drops an empty
// og:image. Only the head is searched: meta elements live there.
func fixOpenGraph(page []byte, origin string) []byte {
	end := bytes.Index(page, []byte("</head>"))
	if end < 0 {
		return page
	}
	head := ogEmptyImage.ReplaceAll(page[:end:end], nil)
	head = ogHostlessURL.ReplaceAllFunc(head, func(tag []byte) []byte {
		if origin == "" {
			return nil
		}
		m := ogHostlessURL.FindSubmatch(tag)
		prop, path := string(m[1])+string(m[4]), string(m[2])+string(m[3])
		return []byte(`<meta property="og:` + prop + `" content="` + esc(origin+path) + `">` + "\n")
	})
	return append(head[:len(head):len(head)], page[end:]...)
}

// originOf is the scheme and host of an absolute address, or "".
func originOf(site string) string {
	u, err := url.Parse(site)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}
