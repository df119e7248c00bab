//go:build !wasm

package app

import (
	"strings"

	"lanes/course"
	"lanes/sim/trace"
	"lanes/timeline"
)

// ProgramStill returns the still of a stored program (the server's first
// run of it: internal/site's Play.StillTrace): its trace, or the message
// in its place (it does not compile, a limit stopped it); ok is false when
// there is none yet. The server sets it for the prerender of /p/ID and
// /embed/p/ID, which then shows the run's timeline, console and schedule
// as a lesson's prerender does, for readers without WebAssembly too; the
// browser shows Run's runs instead.
var ProgramStill func(id string) (tr *trace.Trace, msg string, ok bool)

// ProgramHighlight returns src as lines of trusted, escaped HTML with
// syntax classes (internal/highlight's Go, which the browser build leaves
// out), or an error. The server sets it so that /p/ID's prerender shows
// the program highlighted, as lessons' code is, before the editor mounts.
var ProgramHighlight func(src string) ([]string, error)

// sourceHTML is the page's program as HTML for the prerender: highlighted
// where the server can, else escaped text.
func (p *PlayPage) sourceHTML() string {
	if ProgramHighlight != nil {
		if lines, err := ProgramHighlight(p.source); err == nil {
			return strings.Join(lines, "\n")
		}
	}
	return timeline.EscapeHTML(p.source)
}

// showStill puts the still of the page's program, if it has one, in the
// prerender: at the view's step (t=, else the end), not playing. A page
// prerendered without its run (the server is busy: course.WithoutRun)
// says so instead; the browser fetches the still (play_still_wasm.go).
func (p *PlayPage) showStill() {
	if p.id == "" || p.missing || ProgramStill == nil {
		return
	}
	if p.noRun {
		p.notes = append(p.notes, BusyNote)
		return
	}
	tr, msg, ok := ProgramStill(p.id)
	switch {
	case !ok:
		return
	case tr == nil:
		p.message = msg
		return
	}
	p.inst = instrument{}
	p.run = course.Draw(tr, timeline.Options{Scale: p.state.Scale})
	n := len(tr.Events)
	p.pl.reset(n, p.state.T.Shown(n))
	p.svg = p.themed(p.run.WithPlayhead(p.pl.pos))
	p.notice = course.OutcomeNote(tr.Outcome)
}
