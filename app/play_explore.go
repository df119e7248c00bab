package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
)

// explorer is "What can happen?" for the reader's program: the lesson
// page's ExplorePanel, exploring the program module in the page's worker
// (exploreProgram, play_wasm.go; on the server the button waits for the
// browser); its outcomes carry no "replay this" yet (noReplay).
func (p *PlayPage) explorer() app.UI {
	if p.embed || p.off || p.lesson == nil || p.variant == nil {
		return nil
	}
	return app.Div().Class("extras").Body(
		&ExplorePanel{Slug: p.lesson.Slug, Variant: p.variant.Name, State: p.state,
			Explore: p.exploreFunc(), Link: noReplay},
	)
}

// noReplay offers no "replay this" on /play: replaying an outcome in the
// page (programLink(KindPlay, s) with s.Replay, run again in the worker)
// leaves the player stuck on the old run, so the outcomes are listed
// without a link until that works and is tested end to end.
func noReplay(course.ViewState) string { return "" }

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
