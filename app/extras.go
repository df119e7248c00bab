package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
)

// extras are the panels under the player of a full lesson page: "What can
// happen?" with the real-Go runs beside it, and the panels the lesson's
// front matter asks for ("Measured in your browser": panels: [memory]).
func (p *LessonPage) extras() app.UI {
	if p.embed || p.runErr != "" || p.variant == nil {
		return nil
	}
	return div("extras",
		&ExplorePanel{Course: p.course, Slug: p.lesson.Slug, Variant: p.variant.Name, State: p.state,
			RealHTML: p.course.RealHTML(p.variant), Heavy: p.variant.Heavy},
		app.If(p.lesson.HasPanel(course.PanelMemory), func() app.UI { return &MemoryPanel{} }),
	)
}
