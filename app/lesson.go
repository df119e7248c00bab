package app

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
)

// LessonPage is the page of one lesson (/lesson/{slug}) and, with minimal
// chrome, its embed page (/embed/{slug}).
type LessonPage struct {
	app.Compo

	course  *course.Course
	path    string // without prefix: /lesson/x or /embed/x
	embed   bool
	found   bool
	lesson  *course.Lesson
	variant *course.Variant
	state   course.ViewState
	notes   []string
	run     course.Drawing
	runErr  string
	svg     string // the timeline with the playhead where the page opened
	pl      player

	inst   instrument  // zoom and expanded group lanes (instrument.go)
	box    fitBox      // the timeline's box, measured in the browser (fit.go)
	frames frameCache  // what the page shows at the position (framecache.go)
	gutter gutterCache // the code pane's gutter per line (gutter.go)
	gs     gameState   // the scheduler game (sched.go)
	live   liveState   // browser-only: rAF loop, key listener (player_wasm.go)
	site   string      // origin and prefix of shared links (share.go)
	// initURL is the URL OnInit loaded the page from (browser only), so
	// that the first OnNav does not load it again; "" once navigated.
	initURL string
	// noRun: the server prerenders the page without its run (it is busy:
	// course.WithoutRun); the browser computes it. Never set in the browser.
	noRun bool

	// linkTo, when set, makes the page's links (link): the program pages
	// (play.go) reuse the player with their own addresses.
	linkTo func(kind string, s course.ViewState) string
}

// appNavigated is set by the first OnNav of a lesson page: from then on
// the app navigates in the browser (see OnInit).
var appNavigated bool

// OnNav reads the URL, runs the variant and sets up playback.
func (p *LessonPage) OnNav(ctx app.Context) {
	u := ctx.Page().URL()
	perfMark("lanes-nav")
	p.noRun = !app.IsClient && course.PrerenderWithoutRun(u)
	if p.initURL == "" || u.String() != p.initURL {
		p.load(stripPrefix(u.Path), u.Query())
		perfMark("lanes-run")
	}
	p.initURL, appNavigated = "", true
	if !p.found {
		ctx.Page().SetTitle("Lesson not found · Lanes")
		readyAfterNav(ctx)
		return
	}
	ctx.Page().SetTitle("%s · Lanes", p.lesson.Title)
	ctx.Page().SetDescription("%s", p.lesson.Summary)
	p.site = siteURL(ctx)
	p.navigated(ctx)
}

// load sets the page up for a path and query; it is OnNav without a context.
func (p *LessonPage) load(path string, q map[string][]string) {
	speed := p.pl.speed
	if p.path == "" {
		speed = defaultSpeed
	}
	// Reset field by field: app.Compo must keep its state.
	kind, slug, ok := course.ParsePagePath(path)
	p.path, p.embed, p.found = path, kind == course.KindEmbed, false
	p.lesson, p.variant, p.run = nil, nil, course.Drawing{}
	p.notes, p.runErr, p.svg, p.gs = nil, "", "", gameState{}
	p.inst = instrument{}
	p.pl = player{speed: speed}
	p.state, p.notes = course.ParseViewState(q)
	if ok {
		p.lesson, p.found = p.course.Lesson(slug)
	}
	if !p.found {
		return
	}
	if len(p.lesson.Variants) == 0 {
		return // a lesson of text only (e.g. the summary)
	}
	v, ok := p.lesson.Variant(p.state.Variant)
	if !ok {
		v, _ = p.lesson.Variant("")
		p.notes = append(p.notes, fmt.Sprintf("this lesson has no variant %s: showing %q", course.QuoteShort(p.state.Variant), v.Name))
		p.state.Variant = ""
	}
	p.variant = v
	if p.noRun {
		p.notes = append(p.notes, BusyNote)
		return
	}
	if p.loadGame(v) {
		return
	}
	run, err := p.course.Run(p.lesson.Slug, v.Name, p.state)
	if err == nil && p.state.Replay != "" && !course.ReplayFits(p.state.Replay, run.Trace) {
		p.notes = append(p.notes, fmt.Sprintf("ignored replay=%s: not a schedule of this program: showing the lesson's run", course.QuoteShort(p.state.Replay)))
		p.state.Replay = ""
		run, err = p.course.Run(p.lesson.Slug, v.Name, p.state)
	}
	if err != nil || run.Trace == nil {
		p.runErr = "the simulator could not run this program"
		if err != nil {
			p.runErr += ": " + err.Error()
		}
		return
	}
	p.run = p.fitted(run)
	n := len(run.Trace.Events)
	if t := p.state.T.Shown(course.MaxT); !p.state.T.IsEnd() && t > n {
		p.notes = append(p.notes, fmt.Sprintf("t=%d is past the end of this run (%d steps): showing the end", t, n))
		p.state.T = course.End
	}
	p.pl.reset(n, p.state.T.Shown(n))
	if p.state.Autoplay || openAtStart && p.state.T.IsEnd() {
		p.pl.seek(0)
	}
	p.svg = p.themed(p.run.WithPlayhead(p.pl.pos))
}

// BusyNote is what a page prerendered without its run says (course.WithoutRun).
const BusyNote = "The server is busy: this timeline is drawn in your browser once the page has loaded."

// link returns the URL of this page with another state.
func (p *LessonPage) link(kind string, s course.ViewState) string {
	if p.linkTo != nil {
		return href(p.linkTo(kind, s))
	}
	return href(s.URL(kind, p.lesson.Slug))
}

// moved is called after every user action that changes the position.
func (p *LessonPage) moved(ctx app.Context) {
	p.syncPlayhead()
	ctx.Defer(func(app.Context) { p.syncPlayhead() }) // after the page shows the new lines
	if p.pl.playing {
		p.startLoop(ctx)
		return
	}
	s := p.state
	s.T = course.At(p.pl.pos)
	if p.pl.pos == p.pl.n {
		s.T = course.End
	}
	if u, err := ctx.Page().URL().Parse(p.link(kindOf(p.embed), s)); err == nil {
		ctx.Page().ReplaceURL(u)
	}
}

func kindOf(embed bool) string {
	if embed {
		return course.KindEmbed
	}
	return course.KindLesson
}

func (p *LessonPage) onPlay(ctx app.Context, e app.Event)    { p.pl.toggle(); p.moved(ctx) }
func (p *LessonPage) onStart(ctx app.Context, e app.Event)   { p.pl.step(-p.pl.n); p.moved(ctx) }
func (p *LessonPage) onEnd(ctx app.Context, e app.Event)     { p.pl.step(p.pl.n); p.moved(ctx) }
func (p *LessonPage) onBack(ctx app.Context, e app.Event)    { p.stepBy(-1); p.moved(ctx) }
func (p *LessonPage) onForward(ctx app.Context, e app.Event) { p.stepBy(1); p.moved(ctx) }
func (p *LessonPage) onScrub(ctx app.Context, e app.Event) {
	p.scrubTo(ctx, ctx.JSSrc().Get("value").String())
}
func (p *LessonPage) onSpeedSel(ctx app.Context, e app.Event) {
	p.setSpeed(ctx.JSSrc().Get("value").String())
}

func (p *LessonPage) scrubTo(ctx app.Context, v string) {
	if n, err := strconv.Atoi(v); err == nil {
		p.pl.playing = false
		p.pl.seek(n)
		p.moved(ctx)
	}
}

func (p *LessonPage) setSpeed(v string) {
	if i, err := strconv.Atoi(v); err == nil && i >= 0 && i < len(speeds) {
		p.pl.speed = i
	}
}

// key handles a keyboard key (KeyboardEvent.key); it reports whether the key
// was one of the player's.
func (p *LessonPage) key(k string) bool {
	switch k {
	case " ", "k":
		p.pl.toggle()
	case "ArrowLeft":
		p.stepBy(-1)
	case "ArrowRight":
		p.stepBy(1)
	case "l", "L":
		p.pl.byLine = !p.pl.byLine
	case "Home":
		p.pl.step(-p.pl.n)
	case "End":
		p.pl.step(p.pl.n)
	case "[":
		p.pl.slower()
	case "]":
		p.pl.faster()
	default:
		return p.instrumentKey(k)
	}
	return true
}

// Render draws the page.
func (p *LessonPage) Render() app.UI {
	if !p.found {
		return errorBody("Lesson not found",
			app.Text("There is no lesson at "+course.QuoteShort(p.path)+". Pick one from the course."))
	}
	theme := "theme-" + p.state.Theme.String() // auto, light or dark
	if len(p.lesson.Variants) == 0 {
		return div("page lesson text-only "+theme,
			app.If(!p.embed, func() app.UI { return header(p.state.Theme) }),
			app.Main().Body(
				p.notesBox(),
				app.If(!p.embed, p.position),
				app.H1().Text(p.lesson.Title),
				app.Raw(`<div class="lesson-text">`+p.lesson.HTML+`</div>`),
				app.If(!p.embed, p.pager),
			),
		)
	}
	if p.gs.on {
		return p.gameRender(theme)
	}
	if p.embed {
		return div("page embed "+theme,
			p.notesBox(),
			div("embed-bar",
				spanText("embed-title", p.lesson.Title+" · "+p.variant.Title),
				anchor("open", p.link(course.KindLesson, p.state)).Target("_blank").Rel("noopener").Text("open in Lanes ↗"),
			),
			p.controls(p.state.Minimal),
			p.stage(),
			p.console(),
			&EmbedHeight{Slug: p.lesson.Slug, Variant: p.state.Variant},
		)
	}
	text := splitText(p.lesson.HTML, p.lesson.Variants, p.variant)
	return div("page lesson "+theme,
		header(p.state.Theme),
		app.Main().Body(
			p.notesBox(),
			p.position(),
			app.H1().Text(p.lesson.Title),
			app.If(p.lesson.Summary != "", func() app.UI {
				return pText("summary", p.lesson.Summary)
			}),
			p.controls(false),
			p.schedEntry(),
			div("workbench",
				div("side",
					p.replayNote(),
					p.variants(),
					app.If(text.mine != "", func() app.UI {
						return app.Raw(`<div class="variant-text">` + text.mine + `</div>`)
					}),
					p.paramSlider(),
					p.codePane(),
				),
				div("main-col",
					p.timelineFig(),
					p.console(),
				),
			),
			app.If(text.intro != "" || len(text.others) > 0, func() app.UI {
				h := `<div class="lesson-text"><h2>About this lesson</h2>` + text.intro
				if len(text.others) > 0 {
					h += `<details class="other-variants"><summary>The other variants</summary>`
					for _, o := range text.others {
						h += o
					}
					h += `</details>`
				}
				return app.Raw(h + `</div>`)
			}),
			p.shareBox(),
			p.schedule(),
			p.extras(),
			p.pager(),
		),
		footer(),
	)
}
