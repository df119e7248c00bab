//go:build wasm

package app

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
)

// exploreChunk is how many schedules the worker runs between reports.
const exploreChunk = 20

// exploreFunc explores the editor's program in the page's worker
// (lanesPlay.explore): built as Run builds it, its report read as a
// lesson's exploration (course.ExploreReport).
func (p *PlayPage) exploreFunc() func(course.ExploreRequest, func(int, int) bool) (course.ExploreResult, error) {
	return p.exploreProgram
}

type playEvent struct{ kind, text string }

// exploreProgram runs in the explorer's goroutine: it blocks until the
// worker answers, passing its progress on; the explorer's Stop ends the
// worker.
func (p *PlayPage) exploreProgram(req course.ExploreRequest, progress func(done, total int) bool) (course.ExploreResult, error) {
	lp := app.Window().Get("lanesPlay")
	if !lp.Truthy() {
		return course.ExploreResult{}, errors.New("the playground's scripts are still loading: try again in a moment")
	}
	m, err := course.ProgramExplore(req, exploreChunk)
	if err != nil {
		return course.ExploreResult{}, err
	}
	steps := make(chan playEvent, 1)
	end := make(chan playEvent, 1) // one final report: "report" or "error"
	on := app.FuncOf(func(_ app.Value, args []app.Value) any {
		if len(args) < 2 {
			return nil
		}
		ev := playEvent{args[0].String(), args[1].String()}
		switch ev.kind {
		case "progress":
			select { // the newest matters; never block the page
			case steps <- ev:
			default:
				select {
				case <-steps:
				default:
				}
				select {
				case steps <- ev:
				default:
				}
			}
		case "diags":
			p.ed.ctx.Dispatch(func(app.Context) {
				if p.ed.mounted() {
					p.ed.editor.Call("mark", app.Window().Get("JSON").Call("parse", ev.text))
				}
			})
		case "report", "error":
			select {
			case end <- ev:
			default:
			}
		}
		return nil
	})
	defer on.Release()
	src := p.program()
	name := ""
	if p.id != "" && src == p.source {
		name = p.id
	}
	p.ed.explored.Store(true) // before the worker hears of it: start's first run must not end it
	lp.Call("explore", src, m, on, name)
	done, total := 0, m["runs"].(int)
	tick := time.NewTicker(200 * time.Millisecond) // notices Stop while the module builds
	defer tick.Stop()
	for {
		select {
		case ev := <-steps:
			d, t, _ := strings.Cut(ev.text, " ")
			done, _ = strconv.Atoi(d)
			total, _ = strconv.Atoi(t)
			if !progress(done, total) {
				lp.Call("stop")
			}
		case <-tick.C:
			if !progress(done, total) {
				lp.Call("stop")
			}
		case ev := <-end:
			if ev.kind == "error" {
				if ev.text == "stopped" {
					return course.ExploreResult{}, errors.New("Stopped: the schedules ran in a worker that was ended, so there is nothing to show. Run fewer schedules to see them sooner.")
				}
				return course.ExploreResult{}, errors.New(ev.text)
			}
			return course.ExploreReport([]byte(ev.text), req, false)
		}
	}
}
