package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
)

// gameEmbed is the scheduler game in an embed (/embed/<lesson>?sched=…):
// the embed's compact layout (a bar, the timeline with the code under
// it, the console) with the game's panel on top. Picks work as on the
// lesson page: buttons, badges, lanes and keys; the URL of the frame
// keeps the game's state.
func (p *LessonPage) gameEmbed(theme string, v gameView) app.UI {
	open := p.state
	open.T = course.End
	showCode := !p.state.NoCode
	return div("page embed game "+theme,
		p.notesBox(),
		div("embed-bar",
			spanText("embed-title", p.lesson.Title+" · "+p.variant.Title+" · you are the scheduler"),
			anchor("open", p.link(course.KindLesson, open)).Target("_blank").Rel("noopener").Text("open in Lanes ↗"),
		),
		app.Div().Class("game-click").OnClick(p.onGameClick).Body(
			schedPanel(v, p.run.Trace),
			div("stage",
				p.timelineFig(),
				app.If(showCode, func() app.UI { return schedCode(p.variant.Code, p.variant.Lines, p.variant.File, v) }),
			),
		),
		p.console(),
		&EmbedHeight{Slug: p.lesson.Slug, Variant: p.state.Variant},
	)
}
