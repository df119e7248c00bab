// Package app is the Lanes web app: go-app v10 components only (the
// gallery, the lesson and embed pages, the player, the explorer, the
// sharing box). What they show comes from package lanes/course: the
// lessons, the view state in the URL, the runs and their drawings.
//
// Pages (registered by Routes, in the server and in the wasm build alike):
//
//	/                 the course: every lesson with a summary and a thumbnail
//	/lesson/{slug}    a lesson: text, code beside the timeline, console, controls
//	/embed/{slug}     the same with minimal chrome, for iframes
//	/play, /p/{id}    your own program: an editor beside the lesson's player (play.go)
//	/embed/p/{id}     a shared program with minimal chrome, for iframes
//	anything else     a clear "not found" page (never a blank one)
//
// A lesson page with ?sched= is the scheduler game (sched.go): the run
// advances only when the reader picks who runs next; its panel and code
// pane (schedPanel, schedCode) read a gameView only, for any program's
// page. Progress through the challenges stays in the browser's local
// storage (progress_wasm.go).
//
// Lesson and embed pages read their state from the query
// (course.ParseViewState); malformed values fall back to defaults with a
// visible note. The timeline is one trusted SVG string (app.Raw); only the
// playhead moves while playing, driven by requestAnimationFrame in the wasm
// build (player_wasm.go).
//
// In the browser go-app runs a page's OnMount before its OnNav on the first
// load; a page draws its own run in OnNav, so what depends on that run
// (autoplay, the "ready" marker) happens at the end of OnNav, once mounted
// (see LessonPage.navigated).
//
// Nothing taken from a URL reaches an attribute unless it was validated
// first: go-app quotes attribute values with Go quoting, not HTML escaping.
package app

import (
	"lanes/timeline"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
)

var routesOnce sync.Once

// Routes registers the app's pages with go-app, serving the course c. Call
// it before serving (on the server) and before app.RunWhenOnBrowser (in the
// wasm build). go-app's routes are global: only the first call counts.
func Routes(c *course.Course) {
	routesOnce.Do(func() {
		app.Route("/", func() app.Composer { return &Gallery{course: c} })
		// In the browser the path may carry the static export's prefix.
		app.RouteWithRegexp(`^(/[^/]+)*/(play|p/[^/]*|embed/p/[^/]*)$`, func() app.Composer { return &PlayPage{LessonPage: LessonPage{course: c}} })
		app.RouteWithRegexp(`^(/[^/]+)*/(lesson|embed)/[^/]*$`, func() app.Composer { return &LessonPage{course: c} })
		app.RouteWithRegexp(`^/`, func() app.Composer { return &Fallback{course: c} })
	})
}

// rootPrefix is the path prefix the app is served under in the browser ("" or
// e.g. "/lanes"). On the server go-app's resource resolver adds it to links.
// Read once: every link of a page asks for it, and each read is a call
// into JavaScript.
var rootPrefix = sync.OnceValue(func() string {
	if !app.IsClient {
		return ""
	}
	return strings.TrimRight(app.Getenv("GOAPP_ROOT_PREFIX"), "/")
})

// href returns a link to an app path (which must be validated already).
func href(path string) string { return rootPrefix() + path }

// stripPrefix removes the root prefix from a browser path.
func stripPrefix(path string) string {
	p := rootPrefix()
	if p != "" && strings.HasPrefix(path, p) {
		path = strings.TrimPrefix(path, p)
	}
	if path == "" {
		path = "/"
	}
	return path
}

// header is the top bar of full pages.
func header(th timeline.Theme) app.UI {
	return app.Header().Class("top").Body(
		app.A().Class("brand").Href(href("/"+themeQuery(th, "?"))).Text("Lanes"),
		spanText("tagline", "what goroutines really do"),
	)
}

// themeQuery is the query part that keeps a theme the reader chose
// (?theme=dark) on the site's own links, after sep ("?" or "&"); "" for
// auto.
func themeQuery(th timeline.Theme, sep string) string {
	if th == timeline.ThemeAuto {
		return ""
	}
	return sep + "theme=" + th.String()
}

// errorBody renders a clear error page.
func errorBody(title string, detail ...app.UI) app.UI {
	return div("page error-page",
		header(timeline.ThemeAuto),
		app.Main().Body(
			app.H1().Text(title),
			app.P().Body(detail...),
			app.P().Body(app.A().Href(href("/")).Text("Back to the course")),
		),
	)
}

// Fallback is the page of every path no other page claims.
type Fallback struct {
	app.Compo
	course *course.Course
	path   string
}

// OnNav records the path.
func (f *Fallback) OnNav(ctx app.Context) {
	f.path = stripPrefix(ctx.Page().URL().Path)
	if f.path == "/" {
		ctx.Page().SetTitle("Lanes: what goroutines really do")
	} else {
		ctx.Page().SetTitle("Not found · Lanes")
	}
	readyAfterNav(ctx)
}

// Render shows the gallery for the root under a prefix, else "not found".
func (f *Fallback) Render() app.UI {
	if f.path == "/" {
		return galleryBody(f.course, timeline.ThemeAuto)
	}
	return errorBody("Page not found", app.Text("There is no page at "+course.QuoteShort(f.path)+"."))
}

// div is app.Div().Class(class).Body(body...): the pages' most common
// element, one call instead of three in the wasm.
func div(class string, body ...app.UI) app.HTMLDiv {
	return app.Div().Class(class).Body(body...)
}

// pText is app.P().Class(class).Text(text), and spanText the same for a
// span: one call instead of three in the wasm, as div.
func pText(class, text string) app.HTMLP { return app.P().Class(class).Text(text) }

func spanText(class, text string) app.HTMLSpan { return app.Span().Class(class).Text(text) }

// button is app.Button().Class(class), and anchor app.A() with its class
// and href: fewer calls in the wasm, as div.
func button(class string) app.HTMLButton { return app.Button().Class(class) }

func anchor(class, href string) app.HTMLA { return app.A().Class(class).Href(href) }
