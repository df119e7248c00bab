package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Gallery is the course page: every lesson in order with its summary and a
// small prerendered timeline.
type Gallery struct {
	app.Compo
}

// OnNav sets the title.
func (g *Gallery) OnNav(ctx app.Context) {
	ctx.Page().SetTitle("Lanes: what goroutines really do")
}

// Render draws the course.
func (g *Gallery) Render() app.UI { return galleryBody() }

func galleryBody() app.UI {
	lessons := CurrentCatalog().Lessons()
	return app.Div().Class("page gallery").Body(
		header(),
		app.Main().Body(
			app.H1().Text("Launching tasks safely: goroutines and sync.WaitGroup"),
			app.P().Class("lead").Text("Every example is a real Go program. Beside it, a timeline of what each goroutine did: replay it step by step, flip buggy and fixed, try another schedule."),
			app.Ol().Class("lessons").Body(
				app.Range(lessons).Slice(func(i int) app.UI {
					l := lessons[i]
					return app.Li().Class("lesson-card").Body(
						app.A().Href(href("/lesson/"+l.Slug)).Body(
							app.H2().Text(l.Title),
							app.If(l.Thumb != "", func() app.UI {
								return app.Div().Class("thumb").Body(app.Raw(l.Thumb))
							}),
							app.P().Text(l.Summary),
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
