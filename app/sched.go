package app

import (
	"slices"
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
	// run, when set, runs the game elsewhere (a /play program in its
	// worker) and shows the answer later (showGame); the game's goal is
	// then the page's own (custom: not kept as solved; in the URL as
	// goal=, ViewState.Goal).
	run func(ctx app.Context, choices []int, then string, seed int64)
}

// loadGame sets the page up for the game when its URL asks for it; false
// when it does not.
func (p *LessonPage) loadGame(v *course.Variant) bool {
	if p.state.Sched == "" {
		return false
	}
	p.gs = gameState{on: true}
	choices, err := course.DecodeSched(p.state.Sched)
	if err != nil {
		p.notes = append(p.notes, "ignored sched: "+err.Error()+": the game starts over")
		choices, p.state.Sched = nil, "-"
	}
	given := p.state.Sched
	p.playTo(choices, "")
	if len(choices) > 0 && (p.gs.err != "" || !course.ChoicesFit(choices, p.gs.game.Choices)) {
		p.notes = append(p.notes, "ignored sched="+course.QuoteShort(given)+": not a schedule of this program: the game starts over")
		p.state.Sched = "-"
		p.playTo(nil, "")
	}
	p.gs.solved = isSolved(p.lesson.Slug, v.Name)
	return true
}

// gameSeed is the seed of a game's run to choices (then "random": a new
// one for every place it starts from).
func (p *LessonPage) gameSeed(choices []int, then string) int64 {
	_, seed := p.state.Schedule()
	if then == "random" {
		seed = course.NextSeed(seed + int64(len(choices)))
	}
	return seed
}

// playTo runs the game to choices (then: "", "runtime" or "random") and
// shows where it stops.
func (p *LessonPage) playTo(choices []int, then string) {
	g, err := p.course.Play(p.lesson.Slug, p.variant.Name, choices, then, p.gameSeed(choices, then), p.state.Scale)
	if err != nil {
		p.gs.err = "the simulator could not run this schedule: " + err.Error()
		return
	}
	p.showGame(g)
}

// goTo moves the game to choices (then as playTo's): here, or where the
// game runs (gameState.run), which shows the answer when it comes.
func (p *LessonPage) goTo(ctx app.Context, choices []int, then string) {
	if p.gs.run != nil {
		p.gs.run(ctx, choices, then, p.gameSeed(choices, then))
		return
	}
	p.playTo(choices, then)
	p.gameMoved(ctx)
}

// showGame shows a game's new state.
func (p *LessonPage) showGame(g course.Game) {
	p.gs.err, p.gs.game, p.run = "", g, p.fitted(g.Drawing)
	p.pl.reset(len(g.Trace.Events), g.Shown)
	p.svg = p.run.WithPlayhead(g.Shown)
	if th := p.state.Theme.String(); th == "light" || th == "dark" {
		p.svg = replaceTheme(p.svg, th)
	}
	if enc, ok := course.EncodeSched(g.Choices); ok {
		p.state.Sched = enc
	}
	if p.gs.run != nil {
		return // a custom goal: not kept as solved
	}
	if g.Won && !p.gs.gaveUp { // the solution shown after Give up is not the reader's
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
	if u, err := ctx.Page().URL().Parse(p.link(kindOf(p.embed), s)); err == nil {
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
	p.goTo(ctx, next, "")
}

func (p *LessonPage) pickCase(ctx app.Context, i int) {
	next, err := p.gs.game.PickCase(i)
	if err != nil {
		p.gs.err = err.Error()
		return
	}
	p.goTo(ctx, next, "")
}

func (p *LessonPage) gameDo(ctx app.Context, what string) {
	switch what {
	case "undo":
		if p.gs.game.Undo == nil {
			return
		}
		p.goTo(ctx, p.gs.game.Undo, "")
	case "restart":
		p.gs.gaveUp, p.gs.hints = false, 0
		p.goTo(ctx, nil, "")
	case "runtime", "random":
		p.goTo(ctx, p.gs.game.Choices, what)
	case "giveup":
		p.gs.gaveUp = true
		// A lesson's challenge has a recorded winning schedule: the game
		// plays it, for the reader to step through (not counted as won).
		if c := p.variant.Challenge; c != nil && !c.Fixed() && c.Solution != "" && p.gs.run == nil {
			if choices, err := p.course.SolutionChoices(p.lesson.Slug, p.variant.Name); err == nil {
				p.goTo(ctx, choices, "")
			}
		}
		return
	case "hint":
		p.gs.hints++
		return
	}
}

// gameKey handles a key in the game: a choice's key (choiceKeys) takes
// it, t lets time pass, u or Backspace undoes.
func (p *LessonPage) gameKey(ctx app.Context, k string) bool {
	switch k {
	case "t":
		if p.gs.game.Pause != nil && p.gs.game.Pause.Slip {
			p.pick(ctx, trace.NoGoroutine)
		}
	case "u", "Backspace":
		p.gameDo(ctx, "undo")
	default:
		if !isChoiceKey(k) {
			return false
		}
		pa := p.gs.game.Pause
		i := slices.Index(choiceKeys(pa), k)
		switch {
		case i < 0:
		case pa.Select:
			p.pickCase(ctx, i)
		default:
			p.pick(ctx, pa.Goroutines[i])
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
	if el := t.Call("closest", "[data-case]"); el.Truthy() {
		if n, err := strconv.Atoi(el.Call("getAttribute", "data-case").String()); err == nil {
			p.pickCase(ctx, n)
		}
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
	solution  string // the URL of this run, when it ended
	err       string
}

// gameRender is the lesson page in the game.
func (p *LessonPage) gameRender(theme string) app.UI {
	v := p.gameView()
	if p.embed {
		return p.gameEmbed(theme, v)
	}
	return div("page lesson game "+theme,
		header(p.state.Theme),
		app.Main().Body(
			p.notesBox(),
			app.H1().Text(p.lesson.Title),
			app.P().Class("summary").Body(
				app.Text("You are the scheduler: pick which goroutine runs next. "),
				// Near the top, as the way in was: under the game a phone
				// had it two screens down.
				anchor("game-leave", p.link(course.KindLesson, course.ViewState{Variant: p.state.Variant, Theme: p.state.Theme})).Text("← back to the lesson"),
			),
			p.gameVariants(),
			app.Div().Class("game-click").OnClick(p.onGameClick).Body(
				schedPanel(v, p.run.Trace),
				div("workbench",
					div("side", schedCode(p.variant.Code, p.variant.Lines, p.variant.File, v)),
					div("main-col", p.timelineFig(), p.console()),
				),
			),
		),
		footer(),
	)
}

// gameView is the page's game as the panel shows it.
func (p *LessonPage) gameView() gameView {
	v := gameView{game: p.gs.game, challenge: p.variant.Challenge, hints: p.gs.hints, gaveUp: p.gs.gaveUp, solved: p.gs.solved, err: p.gs.err}
	if c := v.challenge; c != nil && c.Fixed() {
		if o, ok := p.lesson.Variant(c.Of); ok {
			v.ofTitle = o.Title
		}
	}
	if v.game.Pause == nil && p.site != "" && p.gs.run == nil {
		s := course.ViewState{Variant: p.state.Variant, Sched: p.state.Sched, Seed: p.state.Seed}
		v.solution = p.site + s.URL(course.KindLesson, p.lesson.Slug)
	}
	return v
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
			a := anchor("variant", p.link(course.KindLesson, s)).Text(label)
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
		switch {
		case c.Fixed() && c.Contrast:
			label = "Try it here too: " + c.Task + " ▸"
		case c.Fixed():
			label = "Try to break the fix: " + c.Task + " ▸"
		}
		if !c.Fixed() && isSolved(p.lesson.Slug, p.variant.Name) {
			label = "✓ " + label
		}
	}
	return app.P().Class("sched-entry").Body(
		anchor("sched-link", p.link(course.KindLesson, s)).Text(label),
	)
}

// replaceTheme forces the timeline's theme (as load does).
func replaceTheme(svg, th string) string {
	return strings.Replace(svg, `class="lanes-tl th-auto"`, `class="lanes-tl th-`+th+`"`, 1)
}

// laneColour is the colour class of a goroutine's lane.
func laneColour(g trace.GoID) string { return laneClass(g) }
