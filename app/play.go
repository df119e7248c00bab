package app

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/sim/trace"
	"lanes/timeline"
)

// PlayPage is the page of a reader's own program: /play (an editor beside
// the player), /p/ID (a shared program, editable too) and /embed/p/ID
// (minimal chrome, for iframes). It reuses the lesson page's player as
// it is, the embedded LessonPage (controls, timeline, console, keys),
// over a lesson of one variant made from the program
// (course.ProgramLesson): what a lesson shows, a program shows the same
// way, and other modes (a game's custom goals) can sit on the same seam.
//
// The program is built into a program module on the server and run in a
// Web Worker (play_wasm.go drives web/play.js and the editor bundle
// web/editor.js); the server's prerender shows the program and a prompt
// to run it, or a stored program's still (play_still_other.go), and
// inlines both for the app's first render (play_inline.go).
type PlayPage struct {
	LessonPage

	kind    string    // course.KindPlay, KindProgram or KindEmbed
	id      string    // a shared program's id
	from    string    // /play?lesson=: the lesson whose program the page opened with
	back    [2]string // that lesson's page (its variant) and title, for the way back; "" if none
	source  string    // the program the page opened with ("" while a shared one loads)
	missing bool      // a shared program that does not exist
	phase   string    // "building", "running" or "" (idle)
	elapsed int       // seconds in the current phase
	message string    // the last failure, in words
	notice  string    // how the shown run ended (course.OutcomeNote)
	shared  string    // the id the last Share gave
	off     bool      // the server builds no programs (lanes serve -data off), or a static copy's /play
	static  bool      // a static copy (lanes static): it runs the programs it ships, builds none

	ed editorState // browser-only (play_wasm.go)
}

// PlayOff says that the server builds no programs (lanes serve -data
// off); the server sets it for the prerender, the browser asks
// /play/status. The page then says so instead of offering Run.
var PlayOff bool

// PlayStatic says that the pages are prerendered for a static copy (lanes
// static), which builds no programs either: its /play offers no Run (its
// program pages, /p/NAME, run the modules it ships). The browser knows it
// from web/play.js's status: "static" for a page marked
// <html data-lanes-static> (internal/site's export marks every page).
var PlayStatic bool

// offNote is what /play says when the server builds no programs; the
// commands in it are in backquotes (codeSpans).
const offNote = "This site does not run programs: you can read this one here, but not run, share or explore it. The lessons work as usual. (Running Lanes yourself? It builds programs when started with a data directory, `lanes serve` or `lanes serve -data DIR`, not with `-data off`, and when it can start the go command.)"

// staticNote is what /play says in a static copy of Lanes.
const staticNote = "This copy of Lanes is a static site: it shows the lessons and runs the programs it ships, but cannot build a new one. You can read and edit this program here, but not run, share or explore it. To run it, save it as `main.go` and `go run main.go`, or run Lanes yourself (`lanes serve`), which builds the programs you write."

// staticEdited is what Run says in a static copy when the program was
// edited.
const staticEdited = "This copy of Lanes is a static site: it runs this program as it ships it, not an edited copy. To run yours, save it as main.go and go run main.go, or run Lanes yourself (lanes serve)."

// ProgramSource returns a shared program by id; the server sets it (the
// snippet store) for the prerender. The browser asks the server instead.
var ProgramSource func(id string) (string, bool)

// setup reads the page's path and query; first is whether it is another
// program than the one shown (a new page, not a new view of it).
func (p *PlayPage) setup(path string, q map[string][]string) (first bool) {
	kind, id, ok := course.ParseProgramPath(path)
	lesson, state, notes := course.ParsePlayQuery(q)
	if !ok {
		p.kind, p.missing = "", true
		return false
	}
	first = p.kind == "" || kind != p.kind || id != p.id || lesson != p.from
	p.kind, p.id, p.from = kind, id, lesson
	p.path, p.embed, p.found = path, kind == course.KindEmbed, true
	p.state, p.notes = state, notes
	if p.pl.speed == 0 && p.path != "" && first {
		p.pl.speed = defaultSpeed
	}
	p.linkTo = p.programLink
	if !first {
		return false
	}
	p.missing, p.message, p.notice, p.shared, p.phase = false, "", "", "", ""
	p.run, p.svg, p.runErr = course.Drawing{}, "", ""
	p.pl = player{speed: defaultSpeed}
	p.source, p.back = "", [2]string{}
	switch {
	case id != "":
		if ProgramSource != nil {
			src, ok := ProgramSource(id)
			p.source, p.missing = src, !ok
		}
	case lesson != "":
		p.source = course.DefaultProgram
		if l, ok := p.course.Lesson(lesson); ok {
			if v, ok := l.Variant(state.Variant); ok {
				p.source = v.Code
				u := course.PagePath(course.KindLesson, l.Slug)
				if v.Name != l.Variants[0].Name {
					u += "?variant=" + url.QueryEscape(v.Name)
				}
				p.back = [2]string{u, l.Title}
			}
		} else {
			p.notes = append(p.notes, "there is no lesson "+course.QuoteShort(lesson)+": showing the default program")
		}
	default:
		p.source = course.DefaultProgram
	}
	p.setProgram(p.source)
	return true
}

// setProgram makes the one-variant lesson the player shows.
func (p *PlayPage) setProgram(src string) {
	p.lesson = course.ProgramLesson(p.title(), src)
	p.variant = &p.lesson.Variants[0]
}

func (p *PlayPage) title() string {
	if p.id != "" {
		return "A Go program"
	}
	return "Your program"
}

// programLink is the player's links (course.ProgramURL): the program's
// own page in another view; an embed's "open in Lanes" opens /p/ID.
func (p *PlayPage) programLink(kind string, s course.ViewState) string {
	k := course.KindPlay
	switch {
	case kind == course.KindEmbed && p.id != "":
		k = course.KindEmbed
	case p.id != "":
		k = course.KindProgram
	}
	u := course.ProgramURL(k, p.id, s)
	if k == course.KindPlay && p.from != "" {
		u = course.EditURL(p.from, s.Variant)
		s.Variant = ""
		if q := s.Query(); q != "" {
			u += "&" + q
		}
	}
	return u
}

// setTrace shows a run of the program: the player as a lesson's, opened
// at the start and playing.
func (p *PlayPage) setTrace(tr *trace.Trace) {
	p.inst = instrument{} // a new run: the whole of it, no lane expanded
	p.run = p.fitted(course.Draw(tr, timeline.Options{Scale: p.state.Scale}))
	p.runErr = ""
	n := len(tr.Events)
	p.pl.reset(n, 0)
	p.svg = p.themed(p.run.WithPlayhead(0))
	p.notice = course.OutcomeNote(tr.Outcome)
	if p.state.Autoplay || !p.embed {
		p.pl.toggle() // after Run: play it from the start
	}
}

// Render draws the page.
func (p *PlayPage) Render() app.UI {
	theme := "theme-" + p.state.Theme.String()
	if p.missing {
		return errorBody("Program not found", p.missingText()...)
	}
	if p.embed {
		return div("page embed program "+theme,
			p.notesBox(),
			div("embed-bar",
				spanText("embed-title", "A Go program · Lanes"),
				anchor("open", p.link(course.KindProgram, p.state)).Target("_blank").Rel("noopener").Text("open in Lanes ↗"),
			),
			p.status(),
			app.If(p.run.Trace != nil, func() app.UI { return p.controls(p.state.Minimal) }),
			div("stage",
				app.If(p.run.Trace != nil, func() app.UI { return p.timelineFig() }),
				app.If(!p.state.NoCode, func() app.UI { return p.codePane() }),
			),
			app.If(p.run.Trace != nil, func() app.UI { return p.console() }),
			&EmbedHeight{Slug: "p"},
			p.inlineData(), // the prerender's program and still, for the app (play_inline.go)
		)
	}
	return div("page lesson play "+theme,
		header(p.state.Theme),
		app.Main().Body(
			p.notesBox(),
			app.H1().Text(p.title()),
			p.summary(),
			p.bar(),
			div("workbench play-bench",
				div("side", p.editorPane()),
				div("main-col",
					p.status(),
					app.If(p.gs.on, p.gameCol).ElseIf(p.run.Trace != nil, func() app.UI {
						return div("play-run-area", p.controls(false), p.timelineFig(), p.console())
					}).ElseIf(p.off && p.static, func() app.UI {
						return pText("play-empty", "No timeline: this copy of Lanes builds no programs.")
					}).ElseIf(p.off, func() app.UI {
						return pText("play-empty", "No timeline: this site does not run programs.")
					}).ElseIf(p.phase != "" || p.message != "" || p.notice != "", func() app.UI {
						return app.Div().Class("play-empty-none") // the status above says what is happening (or that it stopped)
					}).Else(func() app.UI {
						return pText("play-empty", "Press Run (Ctrl+Enter) to see your program's goroutines on a timeline.")
					}),
				),
			),
			// Always a node here: the explorer under it keeps its place
			// (go-app diffs by position) and with it its results.
			app.If(p.run.Trace != nil && !p.gs.on, func() app.UI { return p.schedule() }).Else(func() app.UI { return app.Div().Class("schedule-none") }),
			p.explorer(),
			p.help(),
		),
		footer(),
		p.inlineData(),
	)
}

// builds records what the site builds: nothing (off: lanes serve -data
// off), or, in a static copy, only the programs it ships, so that its
// /play, which has no program of its own, offers no Run either.
func (p *PlayPage) builds(off, static bool) {
	p.static = static
	p.off = off || static && p.id == ""
}

// summary says what the page is for, or, where nothing is built, why it
// offers no Run. One node either way (go-app diffs by position: the
// editor's node below must stay the one the editor was mounted in).
func (p *PlayPage) summary() app.UI {
	if p.off {
		note := offNote
		if p.static {
			note = staticNote
		}
		return app.P().Class("play-off").Role("status").Body(append(codeSpans(note), p.backLink())...)
	}
	text := "Write a Go program with goroutines, run it, and watch what they do. The server compiles it; your browser runs it in a simulator, one schedule at a time."
	if p.static {
		text = "Run this program and watch what its goroutines do: your browser runs it in a simulator, one schedule at a time."
	}
	return app.P().Class("summary").Body(app.Text(text), p.backLink())
}

// backLink is, on /play?lesson=, the way back to that lesson; nil
// elsewhere.
func (p *PlayPage) backLink() app.UI {
	if p.back[0] == "" || p.embed {
		return nil
	}
	return app.Span().Class("play-back").Body(
		app.Text(" "),
		app.A().Href(href(p.back[0])).Text("← back to “"+p.back[1]+"”"),
	)
}

// bar is Run, Share and the link Share gave.
func (p *PlayPage) bar() app.UI {
	if p.off {
		return app.Div().Class("play-bar-none") // summary says why
	}
	run := "▶ Run"
	if p.phase != "" {
		run = "■ Stop"
	}
	return div("play-bar",
		button("ctl play-run").Title("Build and run (Ctrl+Enter)").Text(run).OnClick(p.onRunClick),
		// A static copy has no server to format or store a program.
		app.If(!p.static, func() app.UI {
			return button("ctl play-format").Title("Format the program as gofmt does").Text("Format").OnClick(p.onFormat)
		}),
		app.If(!p.static, func() app.UI {
			return button("ctl play-share").Title("Store the program and get a link").Text("Share").OnClick(p.onShare)
		}),
		p.embedBox(),
		app.If(p.shared != "", func() app.UI {
			u := "/p/" + p.shared
			sn := course.ProgramSnippets(p.site, p.shared, course.ViewState{})
			return div("play-shared",
				app.P().Body(
					app.Text("Link to your program: "),
					anchor("play-link", href(u)).Text(p.site+u),
					app.Text(" · "),
					anchor("play-embed-link", href("/embed"+u)).Target("_blank").Rel("noopener").Text("its embed ↗"),
				),
				app.Label().Body(
					app.Span().Text("Embed it in your page (HTML):"),
					app.Textarea().Class("play-iframe").ReadOnly(true).Rows(3).Text(sn.IFrame),
				),
			)
		}),
	)
}

// status is what the page is doing, or what went wrong.
func (p *PlayPage) status() app.UI {
	switch {
	case p.off:
		return app.Div().Class("play-idle")
	case p.message != "":
		return app.Div().Class("play-message").Role("alert").Body(
			app.Strong().Text(p.messageTitle()),
			app.Pre().Text(p.message),
			// A refusal points at the page's list of what Lanes runs
			// (internal/site's pageMessage): one click away.
			app.If(!p.embed && strings.Contains(p.message, helpTitle), func() app.UI {
				return button("ctl play-help-open").Type("button").Text(helpTitle + " ↓").OnClick(p.onHelp)
			}),
		)
	case p.phase == "building":
		return app.P().Class("play-status").Role("status").Text("Building your program on the server… " + strconv.Itoa(p.elapsed) + " s (a new program takes about 5 to 15 s, an unchanged one is instant)")
	case p.phase == "running":
		return app.P().Class("play-status").Role("status").Text("Running it in your browser…")
	case p.ed.edited():
		return app.P().Class("play-notice play-stale").Role("status").Text("You have edited the program since this run: Run (Ctrl+Enter) to see the new one.")
	case p.notice != "":
		return app.P().Class("play-notice").Role("status").Text(p.notice)
	}
	return app.Div().Class("play-idle") // keeps the page's shape: the timeline's node stays
}

// stoppedNote is what the page says after Stop: the reader asked for it,
// so it is a note, not a failure.
const stoppedNote = "Stopped. Press Run to run it again."

// stopped is the page after Stop ended the build or run in flight: idle,
// with a note, no message (web/play.js reports the end as "stopped",
// which event leaves alone).
func (p *PlayPage) stopped() {
	p.phase, p.message, p.notice = "", "", stoppedNote
}

// messageTitle names the kind of failure.
func (p *PlayPage) messageTitle() string {
	switch {
	case strings.Contains(p.message, "not supported"):
		return "Lanes cannot run this program yet:"
	case strings.HasPrefix(p.message, "main.go:"):
		return "Your program does not compile:"
	}
	return "The program could not run:"
}

// editorPane is the editor (mounted by play_wasm.go into .play-editor,
// which go-app never fills) and, until it is there, the program as text.
func (p *PlayPage) editorPane() app.UI {
	return div("play-editor-wrap",
		app.Div().Class("play-editor"),
		app.If(!p.ed.mounted(), func() app.UI {
			// Raw, as the console: go-app's prerender indents a <pre>'s children.
			return app.Raw(`<pre class="play-fallback"><code>` + p.sourceHTML() + `</code></pre>`)
		}),
	)
}

// helpTitle names the section that lists what the playground supports
// (help), which a refused program's message points at.
const helpTitle = "What programs can Lanes run?"

// help lists what the playground supports.
func (p *PlayPage) help() app.UI {
	return app.Details().Class("play-help").Body(
		app.Summary().Text(helpTitle),
		app.P().Text("A package main in one file, with goroutines, sync (WaitGroup, Mutex, RWMutex, Once, Cond), sync/atomic, channels and select, time, context, fmt, errors, strings and the other packages the lessons use, and golang.org/x/sync's errgroup and semaphore. Imports Lanes does not simulate (net, os/exec, unsafe, cgo…) are refused with a message at their line."),
		app.P().Text("A run stops after 20,000 steps or 1 MB of output, and a program that never yields is stopped after 20 s: Lanes shows what happened until then."),
	)
}
