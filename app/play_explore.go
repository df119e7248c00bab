package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
)

// explorer is "What can happen?" for the reader's program: the lesson
// page's ExplorePanel, exploring the program module in the page's worker
// (exploreProgram, play_wasm.go; on the server the button waits for the
// browser) and replaying an outcome on this page (replayHere: the URL
// becomes /play?replay=…, and the editor's program runs again in that
// view, the reader's edits kept).
func (p *PlayPage) explorer() app.UI {
	if p.embed || p.off || p.lesson == nil || p.variant == nil {
		return nil
	}
	return div("extras",
		&ExplorePanel{Slug: p.lesson.Slug, Variant: p.variant.Name, State: p.state,
			Explore: p.exploreFunc(), Replay: p.replayHere, Reach: p.reachHere,
			Link: func(s course.ViewState) string { return p.programLink(course.KindPlay, s) }},
	)
}

// embedBox is a shared program's Embed… dialog: the lesson's ShareBox
// with the program's snippets (course.ProgramSnippets: iframe, Markdown
// link, Hugo, Jekyll, permalink) for the view shown.
func (p *PlayPage) embedBox() app.UI {
	if p.id == "" || p.embed || p.lesson == nil || p.variant == nil {
		return nil
	}
	site, id := p.site, p.id
	return &ShareBox{Site: site, Lesson: p.lesson, Title: p.title(), State: p.state, Pos: p.pl.pos, Trace: p.run.Trace,
		Snippets: func(s course.ViewState) course.Snippets { return course.ProgramSnippets(site, id, s) }}
}
