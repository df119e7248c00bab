package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
)

// position is "Lesson 3 of 11" above a lesson's title (not in embeds).
func (p *LessonPage) position() app.UI {
	pos, ok := p.course.Position(p.lesson.Slug)
	if !ok {
		return nil
	}
	return pText("lesson-number", "Lesson "+strconv.Itoa(pos.Number)+" of "+strconv.Itoa(pos.Of))
}

// pager links to the previous and next lessons, at the end of a lesson
// page (not in embeds).
func (p *LessonPage) pager() app.UI {
	pos, ok := p.course.Position(p.lesson.Slug)
	if !ok {
		return nil
	}
	link := func(l *course.Lesson, rel, arrow string, n int) app.UI {
		if l == nil {
			return app.Span().Class("pager-" + rel + " none")
		}
		label := strconv.Itoa(n) + ". " + l.Title
		if rel == "prev" {
			label = arrow + " " + label
		} else {
			label += " " + arrow
		}
		return app.A().Class("pager-"+rel).Rel(rel).Href(href(course.PagePath(course.KindLesson, l.Slug)+themeQuery(p.state.Theme, "?"))).Body(
			spanText("pager-dir", map[string]string{"prev": "Previous", "next": "Next"}[rel]),
			spanText("pager-title", label),
		)
	}
	return app.Nav().Class("pager").Aria("label", "course").Body(
		link(pos.Prev, "prev", "←", pos.Number-1),
		link(pos.Next, "next", "→", pos.Number+1),
	)
}
