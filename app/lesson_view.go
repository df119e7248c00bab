package app

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/timeline"
)

func (p *LessonPage) notesBox() app.UI {
	if len(p.notes) == 0 {
		return nil
	}
	return app.Div().Class("notes").Role("status").Body(
		app.Ul().Body(app.Range(p.notes).Slice(func(i int) app.UI {
			return app.Li().Text(p.notes[i])
		})),
	)
}

func (p *LessonPage) variants() app.UI {
	vs := p.lesson.Variants
	if len(vs) < 2 {
		return nil
	}
	return app.Nav().Class("variants").Aria("label", "variants").Body(
		app.Range(vs).Slice(func(i int) app.UI {
			s := p.state
			s.Variant, s.T, s.Replay = vs[i].Name, course.End, ""
			if vs[i].Default {
				s.Variant = ""
			}
			a := anchor("variant", p.link(course.KindLesson, s)).Text(vs[i].Title)
			if vs[i].Name == p.variant.Name || vs[i].Name == p.variant.Parent {
				a = a.Class("selected").Aria("current", "page")
			}
			return a
		}),
	)
}

// stage is the embed's timeline with its code under it (the code pane
// is short and scrolls to the running line).
func (p *LessonPage) stage() app.UI {
	showCode := !p.state.NoCode
	return div("stage",
		p.timelineFig(),
		app.If(showCode, func() app.UI { return p.codePane() }),
	)
}

// codePane is the program with each goroutine's current line.
func (p *LessonPage) codePane() app.UI { return p.code(p.frames.at(p.run.Trace, p.pl.pos)) }

// timelineFig is the timeline with the caption of the current step.
func (p *LessonPage) timelineFig() app.UI {
	f := p.frames.at(p.run.Trace, p.pl.pos)
	return app.Figure().Class("timeline").Body(
		app.If(p.runErr != "", func() app.UI {
			return pText("run-error", p.runErr)
		}).Else(func() app.UI {
			return div("timeline-box", p.zoomBar(), div("timeline-scroll",
				app.Raw(p.svg),
				// The prerendered picture (course.Width wide) scrolls
				// sideways in a narrower box: its labels stay in view.
				app.If(stickyLabels && p.svg != "", func() app.UI { return app.Raw(p.themed(p.run.LabelsAt(p.pl.pos))) }),
			),
				// The legend under the box, not in the picture: it wraps
				// to the page's width however wide the picture is.
				app.If(p.svg != "" && p.run.Legend != "", func() app.UI { return app.Raw(p.legend()) }),
			)
		}),
		app.FigCaption().Class("caption").Aria("live", "polite").Text(p.caption(f)),
	)
}

// caption is the frame's caption quoting the program's line where the
// step is a statement ("worker(1): time.Sleep(…)", not "worker(1): line
// 13").
func (p *LessonPage) caption(f frame) string {
	if p.variant == nil || p.run.Trace == nil {
		return f.caption
	}
	return timeline.StepCaptionSrc(p.run.Trace, p.pl.pos, strings.Split(p.variant.Code, "\n"))
}

func (p *LessonPage) controls(minimal bool) app.UI {
	if p.runErr != "" {
		return nil
	}
	play := "▶ Play"
	if p.pl.playing {
		play = "❚❚ Pause" // not ⏸: no glyph for it in many fonts without emoji
	}
	return div("controls",
		app.If(!minimal, func() app.UI {
			return button("ctl start").Title("Start (Home)").Aria("label", "start").Text("⇤").OnClick(p.onStart)
		}),
		button("ctl back").Title("Step back (←)").Aria("label", "step back").Text("◀").OnClick(p.onBack),
		button("ctl play").Title("Play/pause (space)").Text(play).OnClick(p.onPlay),
		button("ctl forward").Title("Step forward (→)").Aria("label", "step forward").Text("▶").OnClick(p.onForward),
		app.If(!minimal, func() app.UI {
			return button("ctl end").Title("End (End)").Aria("label", "end").Text("⇥").OnClick(p.onEnd)
		}),
		app.If(!minimal && !p.embed, p.stepModeButton),
		app.Input().Class("scrub").Type("range").Aria("label", "position").
			Min(0).Max(p.pl.n).Value(strconv.Itoa(p.pl.pos)).OnInput(p.onScrub),
		spanText("pos", strconv.Itoa(p.pl.pos)+"/"+strconv.Itoa(p.pl.n)),
		app.If(!minimal, func() app.UI {
			return app.Select().Class("speed").Title("Speed ([ and ])").Aria("label", "speed").OnChange(p.onSpeedSel).Body(
				app.Range(speeds).Slice(func(i int) app.UI {
					o := app.Option().Value(strconv.Itoa(i)).Text(speedLabel(i))
					if i == p.pl.speed {
						o = o.Selected(true) // Selected(false) would still render the attribute
					}
					return o
				}),
			)
		}),
	)
}

func (p *LessonPage) console() app.UI {
	f := p.frames.at(p.run.Trace, p.pl.pos)
	out := timeline.EscapeHTML(f.console)
	if p.run.Trace != nil && p.pl.pos == p.pl.n && p.run.Trace.Outcome.Stderr != "" {
		out += `<span class="stderr">` + timeline.EscapeHTML(p.run.Trace.Outcome.Stderr) + `</span>`
	}
	return app.Section().Class("console").Aria("label", "console output").Body(
		app.Raw("<pre>" + out + "</pre>"),
	)
}

// strategyHelp explains each strategy in one line.
var strategyHelp = map[string]string{
	"runtime": "like Go's scheduler: the same run every time for a program",
	"random":  "a random goroutine runs at every scheduling point: each seed is another schedule",
	"pct":     "probabilistic concurrency testing: random priorities, a few changes, good at finding rare bugs",
}

// schedule offers other strategies and a new seed, as plain links. Under
// runtime every seed gives the same run, so "New schedule" switches to
// random and says so.
func (p *LessonPage) schedule() app.UI {
	strategy, seed := p.state.Schedule()
	next := p.state
	next.Seed, next.T, next.Replay = course.NextSeed(seed), course.End, ""
	newLabel, newTitle := "New schedule ↻", "run again with another seed"
	if strategy == "runtime" {
		next.Strategy = "random"
		newLabel, newTitle = "New schedule ↻ (switches to random)", "runtime gives the same run whatever the seed: a new schedule needs the random strategy"
	}
	what := "Schedule: seed " + strconv.FormatInt(seed, 10) + ", strategy "
	if p.state.Replay != "" {
		what = "Schedule: a recorded one (from What can happen?); other schedules: "
	}
	return div("schedule",
		app.Span().Text(what),
		app.Range(course.Strategies).Slice(func(i int) app.UI {
			s := p.state
			s.Strategy, s.T, s.Replay = course.Strategies[i], course.End, ""
			a := anchor("strategy", p.link(course.KindLesson, s)).Title(strategyHelp[course.Strategies[i]]).Text(course.Strategies[i])
			if course.Strategies[i] == strategy && p.state.Replay == "" {
				a = a.Class("selected").Aria("current", "page")
			}
			return a
		}),
		anchor("new-schedule", p.link(course.KindLesson, next)).Title(newTitle).Text(newLabel),
		spanText("scale-label", "x axis:"),
		app.Range(timeline.Scales).Slice(func(i int) app.UI {
			s := p.state
			s.Scale, s.ScaleGiven = timeline.Scales[i], true
			a := anchor("strategy scale", p.link(course.KindLesson, s)).Text(scaleNames[i])
			if timeline.Scales[i] == p.lesson.ScaleFor(p.state) {
				a = a.Class("selected").Aria("current", "page")
			}
			return a
		}),
		app.Ul().Class("strategy-help").Body(
			app.Range(course.Strategies).Slice(func(i int) app.UI {
				n := course.Strategies[i]
				return app.Li().Body(app.Strong().Text(n), app.Text(": "+strategyHelp[n]))
			}),
		),
	)
}

// scaleNames are timeline.Scales as the page names them.
var scaleNames = []string{"virtual time", "steps"}

// replayNote says, beside the lesson's text, that the run shown is a
// schedule the explorer found, not the one the text describes, with the
// way back to that one (the text says "Finished! never appears" while a
// replayed run prints it).
func (p *LessonPage) replayNote() app.UI {
	if p.state.Replay == "" || p.embed {
		return nil
	}
	back := p.state
	back.Replay, back.T = "", course.End
	return app.P().Class("replay-note").Role("note").Body(
		app.Text("You are watching a schedule “What can happen?” found, not the run the text describes. "),
		app.A().Href(p.link(course.KindLesson, back)).Text("Back to the lesson's run"),
	)
}
