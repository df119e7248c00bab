// Package registry is the course as the app serves it: every lesson's text
// (Markdown rendered to HTML at build time), and every variant's shown
// program, its simulated twin, go vet's findings on it and what it did on
// the real Go runtime.
//
// lessons_gen.go and the twins under ../twins are generated from the lesson
// folders by `go generate ./app/lessons/registry` (internal/lessongen); a
// test checks they are fresh. Nothing here is written by hand but the types.
package registry

//go:generate go run ../../../internal/lessongen -lessons .. -twins ../twins -out lessons_gen.go

// Lesson is one lesson of the course.
type Lesson struct {
	Slug     string
	Title    string
	Summary  string
	Order    int
	HTML     string // the lesson text, trusted HTML rendered from Markdown
	Variants []Variant
}

// Variant is one runnable program of a lesson.
type Variant struct {
	Name    string
	Title   string
	Default bool
	File    string   // "main.go"
	Code    string   // the shown program, exactly as it runs with go run
	Vet     []string // go vet's findings on it ("main.go:12:3: …"), computed at build time
	Main    func()   // the simulated twin's Main
	Real    []Batch  // what it did on real Go

	// A slider over one constant (lesson.md's param): on the variant,
	// ParamName and ParamValue are the constant and its value in the
	// program ("work", "50ms") and Params are hidden twins of the program
	// with the other values, in ascending order, each with Parent set to
	// this variant's name. Only the constant's line differs.
	Parent     string
	ParamName  string
	ParamValue string
	Params     []Variant
}

// Batch is a set of real runs at one GOMAXPROCS.
type Batch struct {
	GOMAXPROCS int
	Runs       int
	Outcomes   []RealOutcome
}

// RealOutcome is a group of real runs that printed the same thing and ended
// the same way.
type RealOutcome struct {
	Stdout   string
	Stderr   string // first line
	ExitCode int
	Kind     string // ok, panic, deadlock, exit
	Count    int
}

// Find returns the lesson with the given slug.
func Find(slug string) (*Lesson, bool) {
	for i := range Lessons {
		if Lessons[i].Slug == slug {
			return &Lessons[i], true
		}
	}
	return nil, false
}

// Variant returns the lesson's variant with the given name ("" = default).
func (l *Lesson) Variant(name string) (*Variant, bool) {
	for i := range l.Variants {
		v := &l.Variants[i]
		if v.Name == name || (name == "" && v.Default) {
			return v, true
		}
	}
	return nil, false
}
