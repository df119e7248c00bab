package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/timeline"
)

// Gallery is the course page: every lesson in order with its summary and a
// small prerendered timeline (course.Thumb: drawn for the gallery only,
// once).
type Gallery struct {
	app.Compo
	course *course.Course
	theme  timeline.Theme // ?theme=: a theme the reader chose (auto: none)
}

// OnNav sets the title and reads the theme.
func (g *Gallery) OnNav(ctx app.Context) {
	ctx.Page().SetTitle("Lanes: what goroutines really do")
	if u := ctx.Page().URL(); u != nil {
		s, _ := course.ParseViewState(u.Query())
		g.theme = s.Theme
	}
	readyAfterNav(ctx)
}

// Render draws the course.
func (g *Gallery) Render() app.UI { return galleryBody(g.course, g.theme) }

func galleryBody(c *course.Course, th timeline.Theme) app.UI {
	lessons := c.Lessons()
	return app.Div().Class("page gallery theme-"+th.String()).Body(
		header(th),
		app.Main().Body(
			app.H1().Text("Launching tasks safely: goroutines and sync.WaitGroup"),
			pText("lead", "Every example is a real Go program. Beside it, a timeline of what each goroutine did: replay it step by step, flip buggy and fixed, try another schedule."),
			app.P().Class("lead-play").Body(
				app.Text("Have a program of your own? "),
				app.A().Href(href("/play"+themeQuery(th, "?"))).Text("Open it in the playground"),
				app.Text(" and watch its goroutines the same way."),
			),
			app.Ol().Class("lessons").Body(
				app.Range(lessons).Slice(func(i int) app.UI {
					l := lessons[i]
					thumb := c.Thumb(l.Slug)
					if th != timeline.ThemeAuto {
						thumb = replaceTheme(thumb, th.String())
					}
					return app.Li().Class("lesson-card").Body(
						app.A().Href(href(course.PagePath(course.KindLesson, l.Slug)+themeQuery(th, "?"))).Body(
							app.H2().Body(spanText("num", strconv.Itoa(i+1)+"."), app.Text(" "+l.Title)),
							app.If(thumb != "", func() app.UI {
								return div("thumb", app.Raw(thumb))
							}),
							app.P().Text(l.Summary),
							challengesLine(l),
						),
					)
				}),
			),
		),
		footer(),
	)
}

func footer() app.UI {
	return app.Footer().Class("bottom").Body(
		app.Text("Lanes runs your Go in a simulator compiled to WebAssembly. Same seed, same schedule."),
	)
}

// challengesLine says how many of a lesson's challenges the reader has
// won in this browser (progress_wasm.go); nil for a lesson without any.
func challengesLine(l course.Lesson) app.UI {
	total, won := 0, 0
	solved := solvedCount()
	for _, v := range l.Variants {
		if c := v.Challenge; c != nil && !c.Fixed() {
			total++
			if solved[l.Slug+"/"+v.Name] {
				won++
			}
		}
	}
	if total == 0 {
		return nil
	}
	text := strconv.Itoa(total) + " scheduler challenge"
	if total > 1 {
		text += "s"
	}
	cls := "challenges"
	if won > 0 {
		text += " · " + strconv.Itoa(won) + " solved ✓"
		cls += " solved"
	}
	return pText(cls, text)
}
