// Package registry is the course as the app serves it: every lesson's text
// (Markdown rendered to HTML at build time), and every variant's shown
// program, its simulated twin, go vet's findings on it and what it did on
// the real Go runtime. The types are package lanes/course's: a lesson here
// is a course.Lesson, and course.New(registry.Lessons, registry.Machine)
// is the course the site and the browser serve.
//
// lessons_gen.go and the twins under ../twins are generated from the lesson
// folders by `go generate ./app/lessons/registry` (internal/lessongen); a
// test checks they are fresh. Nothing here is written by hand but the
// aliases.
package registry

import "lanes/course"

//go:generate go run ../../../internal/lessongen -lessons .. -twins ../twins -out lessons_gen.go

// The registry's types are the course's.
type (
	Lesson      = course.Lesson
	Variant     = course.Variant
	Batch       = course.Batch
	RealOutcome = course.RealOutcome
	Challenge   = course.Challenge
)

// Find returns the lesson with the given slug.
func Find(slug string) (*Lesson, bool) {
	for i := range Lessons {
		if Lessons[i].Slug == slug {
			return &Lessons[i], true
		}
	}
	return nil, false
}

// Course is the course of the registry's lessons.
func Course() *course.Course { return course.New(Lessons, Machine) }
