package app

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
)

// missingText says why a program page shows no program: there is no
// shared program of that id, or this server stores none at all (lanes
// serve -data off: the prerender knows it from PlayOff, the browser from
// the 404 of the program's source).
func (p *PlayPage) missingText() []app.UI {
	if p.off {
		return []app.UI{app.Text("This site stores no shared programs, so there is no program " +
			course.QuoteShort(p.id) + " here. The lessons work as usual; /play shows a program but does not run it.")}
	}
	return []app.UI{app.Text("There is no shared program " + course.QuoteShort(p.id) + ". Write your own at /play.")}
}

// codeSpans is s, a constant text whose `backquoted` parts are code, as
// text and <code> elements (go-app escapes both).
func codeSpans(s string) []app.UI {
	var out []app.UI
	for i, part := range strings.Split(s, "`") {
		switch {
		case part == "":
		case i%2 == 1:
			out = append(out, app.Code().Text(part))
		default:
			out = append(out, app.Text(part))
		}
	}
	return out
}
