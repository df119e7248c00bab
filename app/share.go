package app

import (
	"strconv"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
)

var (
	siteMu     sync.RWMutex
	siteForced string
)

// SetSiteURL fixes the site URL the prerendered snippets use (the static
// export sets it: -url, or just the -base path). "" goes back to the
// origin the server hands over (course.PrerenderURL). It panics on an
// invalid URL: check it with course.ValidSite.
func SetSiteURL(s string) {
	s = strings.TrimRight(s, "/")
	if !course.ValidSite(s) {
		panic("app.SetSiteURL: invalid site URL " + strconv.Quote(s))
	}
	siteMu.Lock()
	siteForced = s
	siteMu.Unlock()
}

// siteURL is the origin and prefix links to share start with: in the
// browser the page's own; on the server the one set with SetSiteURL, else
// the one the site handed over with the page's URL (course.PrerenderURL:
// go-app's page URL always says http, even behind an HTTPS proxy), else ""
// (links relative to the host).
func siteURL(ctx app.Context) string {
	if app.IsClient {
		s := app.Window().Get("location").Get("origin").String() + rootPrefix()
		if course.ValidSite(s) {
			return s
		}
		return rootPrefix()
	}
	siteMu.RLock()
	forced := siteForced
	siteMu.RUnlock()
	if forced != "" {
		return forced
	}
	return course.PrerenderOrigin(ctx.Page().URL())
}
