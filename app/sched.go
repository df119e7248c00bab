package app

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/sim/trace"
)

// The scheduler game ("you are the scheduler") on a lesson page: with
// ?sched= in the URL the run advances only when the reader picks who runs
// next. The game's state is the choices so far (course.Game); every pick
// runs the program again from the start with one more choice, which is
// deterministic, so Undo, Restart and the URL are just other prefixes.
// The rendering (schedPanel, schedCode) reads a gameView only, so that a
// page of any program (/play) can host it too.

// gameState is the lesson page's game.
type gameState struct {
	on     bool
	game   course.Game
	err    string
	hints  int  // hints shown
	gaveUp bool // the reader gave up (a fixed variant: the impossibility)
	solved bool // this challenge was won in this browser before
}

// loadGame sets the page up for the game when its URL asks for it; false
// when it does not.
func (p *LessonPage) loadGame(v *course.Variant) bool {
	if p.state.Sched == "" || p.embed {
		return false
	}
	p.gs = gameState{on: true}
	choices, err := course.DecodeSched(p.state.Sched)
	if err != nil {
		p.notes = append(p.notes, "ignored sched: "+err.Error()+": the game starts over")
		choices, p.state.Sched = nil, "-"
	}
	p.playTo(choices, "")
	if p.gs.err != "" && len(choices) > 0 {
		p.notes = append(p.notes, "the schedule in the URL does not fit this program: the game starts over")
		p.playTo(nil, "")
	}
	p.gs.solved = isSolved(p.lesson.Slug, v.Name)
	return true
}

// playTo runs the game to choices (then: "", "runtime" or "random") and
// shows where it stops.
func (p *LessonPage) playTo(choices []int, then string) {
	_, seed := p.state.Schedule()
	if then == "random" {
		seed = course.NextSeed(seed + int64(len(choices)))
	}
	g, err := p.course.Play(p.lesson.Slug, p.variant.Name, choices, then, seed, p.state.Scale)
	if err != nil {
		p.gs.err = "the simulator could not run this schedule: " + err.Error()
		return
	}
	p.gs.err, p.gs.game, p.run = "", g, p.fitted(g.Drawing)
	p.pl.reset(len(g.Trace.Events), g.Shown)
	p.svg = p.run.WithPlayhead(g.Shown)
	if th := p.state.Theme.String(); th == "light" || th == "dark" {
		p.svg = replaceTheme(p.svg, th)
	}
	if enc, ok := course.EncodeSched(g.Choices); ok {
		p.state.Sched = enc
	}
	if g.Won {
		if !p.gs.solved {
			markSolved(p.lesson.Slug, p.variant.Name, g.Picks, g.Preemptions)
		}
		p.gs.solved = true
	}
}

// gameMoved publishes the game's new state: the URL and the timeline.
func (p *LessonPage) gameMoved(ctx app.Context) {
	s := p.state
	s.T = course.End
	if u, err := ctx.Page().URL().Parse(p.link(course.KindLesson, s)); err == nil {
		ctx.Page().ReplaceURL(u)
	}
	p.syncPlayhead()
	ctx.Defer(func(app.Context) { p.syncPlayhead() })
}

func (p *LessonPage) pick(ctx app.Context, id trace.GoID) {
	next, err := p.gs.game.Pick(id)
	if err != nil {
		p.gs.err = err.Error()
		return
	}
	p.playTo(next, "")
	p.gameMoved(ctx)
}

func (p *LessonPage) gameDo(ctx app.Context, what string) {
	switch what {
	case "undo":
		if p.gs.game.Undo == nil {
			return
		}
		p.playTo(p.gs.game.Undo, "")
	case "restart":
		p.gs.gaveUp, p.gs.hints = false, 0
		p.playTo(nil, "")
	case "runtime", "random":
		p.playTo(p.gs.game.Choices, what)
	case "giveup":
		p.gs.gaveUp = true
		return
	case "hint":
		p.gs.hints++
		return
	default:
		return
	}
	p.gameMoved(ctx)
}

// gameKey handles a key in the game: a goroutine's number picks it, t lets
// time pass, u or Backspace undoes.
func (p *LessonPage) gameKey(ctx app.Context, k string) bool {
	switch k {
	case "t":
		if p.gs.game.Pause != nil && p.gs.game.Pause.Slip {
			p.pick(ctx, trace.NoGoroutine)
		}
	case "u", "Backspace":
		p.gameDo(ctx, "undo")
	default:
		n, err := strconv.Atoi(k)
		if err != nil || n < 1 || n > 9 {
			return false
		}
		if p.gs.game.Pause != nil {
			p.pick(ctx, trace.GoID(n))
		}
	}
	return true
}

// onGameClick handles a click in the game's panel, code or timeline: on an
// element with data-pick (a goroutine id, or 0 for time), data-do (an
// action), a lane (data-g) or a lane's label.
func (p *LessonPage) onGameClick(ctx app.Context, e app.Event) {
	t := e.Get("target")
	if !t.Truthy() {
		return
	}
	if el := t.Call("closest", "[data-do]"); el.Truthy() {
		p.gameDo(ctx, el.Call("getAttribute", "data-do").String())
		return
	}
	if el := t.Call("closest", "[data-pick]"); el.Truthy() {
		if n, err := strconv.Atoi(el.Call("getAttribute", "data-pick").String()); err == nil {
			p.pick(ctx, trace.GoID(n))
		}
		return
	}
	if el := t.Call("closest", "g.ln[data-g]"); el.Truthy() {
		if n, err := strconv.Atoi(el.Call("getAttribute", "data-g").String()); err == nil {
			p.pick(ctx, trace.GoID(n))
		}
		return
	}
	if el := t.Call("closest", "text.lbl"); el.Truthy() {
		labels := el.Get("parentNode").Call("querySelectorAll", "text.lbl")
		for i, gs := 0, p.run.LaneGoroutines(); i < labels.Length() && i < len(gs); i++ {
			if labels.Index(i).Equal(el) && gs[i] != trace.NoGoroutine {
				p.pick(ctx, gs[i])
				return
			}
		}
	}
}

// gameView is what the game's panel shows, for any program's run.
type gameView struct {
	game      course.Game
	challenge *course.Challenge
	hints     int
	gaveUp    bool
	solved    bool
	ofTitle   string // a fixed variant's challenge: the title of the variant it comes from
	best      [2]int // fewest picks and preemptions known (0, 0: none)
	solution  string // the URL of this run, when it ended
	err       string
}

// gameRender is the lesson page in the game.
func (p *LessonPage) gameRender(theme string) app.UI {
	v := gameView{game: p.gs.game, challenge: p.variant.Challenge, hints: p.gs.hints, gaveUp: p.gs.gaveUp, solved: p.gs.solved, err: p.gs.err}
	if c := v.challenge; c != nil && c.Fixed() {
		if o, ok := p.lesson.Variant(c.Of); ok {
			v.ofTitle = o.Title
		}
	}
	if b, pre, ok := p.course.Best(p.lesson.Slug, p.variant.Name); ok {
		v.best = [2]int{b, pre}
	}
	if v.game.Pause == nil && p.site != "" {
		s := course.ViewState{Variant: p.state.Variant, Sched: p.state.Sched, Seed: p.state.Seed}
		v.solution = p.site + s.URL(course.KindLesson, p.lesson.Slug)
	}
	return app.Div().Class("page lesson game "+theme).Body(
		header(),
		app.Main().Body(
			p.notesBox(),
			app.H1().Text(p.lesson.Title),
			app.P().Class("summary").Text("You are the scheduler: pick which goroutine runs next."),
			p.gameVariants(),
			app.Div().Class("game-click").OnClick(p.onGameClick).Body(
				schedPanel(v, p.run.Trace),
				app.Div().Class("workbench").Body(
					app.Div().Class("side").Body(schedCode(p.variant.Code, p.variant.File, v)),
					app.Div().Class("main-col").Body(p.timelineFig(), p.console()),
				),
			),
			app.P().Class("game-leave").Body(
				app.A().Href(p.link(course.KindLesson, course.ViewState{Variant: p.state.Variant, Theme: p.state.Theme})).Text("← back to the lesson"),
			),
		),
		footer(),
	)
}

// gameVariants links the game on every variant of the lesson.
func (p *LessonPage) gameVariants() app.UI {
	vs := p.lesson.Variants
	if len(vs) < 2 {
		return nil
	}
	return app.Nav().Class("variants").Aria("label", "variants").Body(
		app.Range(vs).Slice(func(i int) app.UI {
			s := course.ViewState{Variant: vs[i].Name, Sched: "-", Theme: p.state.Theme}
			if vs[i].Default {
				s.Variant = ""
			}
			label := vs[i].Title
			if c := vs[i].Challenge; c != nil && !c.Fixed() && isSolved(p.lesson.Slug, vs[i].Name) {
				label += " ✓"
			}
			a := app.A().Class("variant").Href(p.link(course.KindLesson, s)).Text(label)
			if vs[i].Name == p.variant.Name || vs[i].Name == p.variant.Parent {
				a = a.Class("selected").Aria("current", "page")
			}
			return a
		}),
	)
}

// schedEntry is the lesson page's way into the game.
func (p *LessonPage) schedEntry() app.UI {
	if p.embed || p.runErr != "" || p.variant == nil {
		return nil
	}
	s := course.ViewState{Variant: p.state.Variant, Sched: "-", Theme: p.state.Theme}
	label := "You are the scheduler ▸"
	if c := p.variant.Challenge; c != nil {
		label = "Challenge: " + c.Task + " ▸"
		if c.Fixed() {
			label = "Try to break the fix: " + c.Task + " ▸"
		}
		if !c.Fixed() && isSolved(p.lesson.Slug, p.variant.Name) {
			label = "✓ " + label
		}
	}
	return app.P().Class("sched-entry").Body(
		app.A().Class("sched-link").Href(p.link(course.KindLesson, s)).Text(label),
	)
}

// replaceTheme forces the timeline's theme (as load does).
func replaceTheme(svg, th string) string {
	return strings.Replace(svg, `class="lanes-tl th-auto"`, `class="lanes-tl th-`+th+`"`, 1)
}

// laneColour is the colour class of a goroutine's lane.
func laneColour(g trace.GoID) string { return laneClass(g) }
