package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// paramParent returns the variant whose slider the current variant is on.
func (p *LessonPage) paramParent() (Variant, bool) {
	v := p.variant
	if v.Parent != "" {
		var ok bool
		if v, ok = p.lesson.Variant(v.Parent); !ok {
			return Variant{}, false
		}
	}
	return v, len(v.Params) > 1
}

// paramLink is the URL of slider position i.
func (p *LessonPage) paramLink(parent Variant, i int) string {
	s := p.state
	s.Variant, s.T, s.Replay = parent.Params[i].Name, -1, ""
	if parent.Params[i].Parent == "" && parent.Name == p.lesson.Variants[0].Name {
		s.Variant = ""
	}
	return p.link("lesson", s)
}

// paramSlider is the slider over a variant's constant (e.g. the sleep
// hack's work duration): every position is a real program, generated at
// build time, and the code view shows the one that runs. Without the wasm
// the values are plain links.
func (p *LessonPage) paramSlider() app.UI {
	parent, ok := p.paramParent()
	if !ok || p.embed {
		return nil
	}
	cur := 0
	for i, v := range parent.Params {
		if v.Name == p.variant.Name {
			cur = i
		}
	}
	name := parent.ParamName
	return app.Div().Class("param").Body(
		app.Label().For("param-range").Body(
			app.Code().Text("const "+name+" = "),
			app.Strong().Class("param-value").Text(parent.Params[cur].ParamValue),
		),
		app.Input().ID("param-range").Class("param-range").Type("range").
			Min(0).Max(len(parent.Params)-1).Step(1).Value(strconv.Itoa(cur)).
			Aria("valuetext", name+" = "+parent.Params[cur].ParamValue).OnInput(p.onParam),
		app.Span().Class("param-values").Body(
			app.Range(parent.Params).Slice(func(i int) app.UI {
				a := app.A().Class("param-link").Href(p.paramLink(parent, i)).Text(parent.Params[i].ParamValue)
				if i == cur {
					a = a.Class("selected").Aria("current", "true")
				}
				return a
			}),
		),
	)
}

func (p *LessonPage) onParam(ctx app.Context, e app.Event) {
	parent, ok := p.paramParent()
	i, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
	if !ok || err != nil || i < 0 || i >= len(parent.Params) {
		return
	}
	ctx.Navigate(p.paramLink(parent, i))
}
