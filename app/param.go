package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
)

// paramLink is the URL of a slider position.
func (p *LessonPage) paramLink(pos *course.Variant) string {
	s := p.state
	s.Variant, s.T, s.Replay = pos.Name, course.End, ""
	if pos.Default {
		s.Variant = ""
	}
	return p.link(course.KindLesson, s)
}

// paramSlider is the slider over a variant's constant (e.g. the sleep
// hack's work duration): every position is a real program, generated at
// build time, and the code view shows the one that runs. Without the wasm
// the values are plain links.
func (p *LessonPage) paramSlider() app.UI {
	if p.embed || p.variant == nil {
		return nil
	}
	parent, positions, ok := p.lesson.Slider(p.variant)
	if !ok {
		return nil
	}
	cur := 0
	for i, v := range positions {
		if v == p.variant {
			cur = i
		}
	}
	name := parent.ParamName
	return div("param",
		app.Label().For("param-range").Body(
			app.Code().Text("const "+name+" = "),
			app.Strong().Class("param-value").Text(positions[cur].ParamValue),
		),
		app.Input().ID("param-range").Class("param-range").Type("range").
			Min(0).Max(len(positions)-1).Step(1).Value(strconv.Itoa(cur)).
			Aria("valuetext", name+" = "+positions[cur].ParamValue).OnInput(p.onParam),
		app.Span().Class("param-values").Body(
			app.Range(positions).Slice(func(i int) app.UI {
				a := anchor("param-link", p.paramLink(positions[i])).Text(positions[i].ParamValue)
				if i == cur {
					a = a.Class("selected").Aria("current", "true")
				}
				return a
			}),
		),
	)
}

func (p *LessonPage) onParam(ctx app.Context, e app.Event) {
	if p.variant == nil {
		return
	}
	_, positions, ok := p.lesson.Slider(p.variant)
	i, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
	if !ok || err != nil || i < 0 || i >= len(positions) {
		return
	}
	ctx.Navigate(p.paramLink(positions[i]))
}
