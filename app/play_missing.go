package app

import "lanes/course"

// missingText says why a program page shows no program: there is no
// shared program of that id, or this server stores none at all (lanes
// serve -data off: the prerender knows it from PlayOff, the browser from
// the 404 of the program's source).
func (p *PlayPage) missingText() string {
	if p.off {
		return "This server stores no shared programs (it runs as `lanes serve -data off`), so there is no program " +
			course.QuoteShort(p.id) + " here. The lessons work as usual; /play shows a program but does not run it."
	}
	return "There is no shared program " + course.QuoteShort(p.id) + ". Write your own at /play."
}
