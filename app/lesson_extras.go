package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// extras are the panels under the player of a full lesson page: "What can
// happen?" with the real-Go runs beside it, and, on the over-concurrency
// lesson, "Measured in your browser".
func (p *LessonPage) extras() app.UI {
	if p.embed || p.runErr != "" || p.variant.Name == "" {
		return nil
	}
	real := p.variant.RealHTML
	if real == "" && p.variant.Parent != "" {
		real = `<section class="real"><h3>On real Go</h3><p>Only the lesson's own value was measured on real Go; this one runs in the simulator only.</p></section>`
	}
	heavy := p.run.Trace != nil && len(p.run.Trace.Goroutines) > 100
	return app.Div().Class("extras").Body(
		&ExplorePanel{Slug: p.lesson.Slug, Variant: p.variant.Name, State: p.state, RealHTML: real, Heavy: heavy},
		app.If(p.lesson.Slug == "over-concurrency", func() app.UI { return &MemoryPanel{} }),
	)
}
