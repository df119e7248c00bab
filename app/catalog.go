package app

import (
	"regexp"
	"sync"

	"lanes/sim/trace"
)

// Catalog is where the pages get their lessons and runs from.
//
// The real catalog (lessons from package lanes/app/lessons, run by the
// simulator and drawn by lanes/timeline) is installed with SetCatalog,
// from an init function in a file of this package so that the server and the
// wasm build both see it. Until then a built-in placeholder lesson keeps every
// page working.
type Catalog interface {
	// Lessons returns the course's lessons in the order of the tutorial.
	Lessons() []Lesson
	// Run runs one variant of a lesson with a seed and a strategy (one of
	// Strategies) and draws its timeline. slug and variant are known names.
	Run(slug, variant string, seed int64, strategy string) (Run, error)
}

// Lesson is one lesson of the course.
type Lesson struct {
	Slug     string    // URL key, matches SlugPattern
	Title    string    // plain text
	Summary  string    // one line of plain text for the gallery
	TextHTML string    // the lesson text as trusted HTML (rendered at build time)
	MoreHTML string    // trusted HTML shown after the player (e.g. the runs on real Go)
	Thumb    string    // a small prerendered timeline, one trusted <svg> element
	Variants []Variant // at least one; the first is the default
}

// Variant is one program of a lesson ("buggy", "fixed", "wg-go"…).
type Variant struct {
	Name  string   // URL key, matches NamePattern
	Title string   // plain text, e.g. "Add inside the goroutine"
	File  string   // file name shown above the code, e.g. "main.go"
	Code  string   // the shown program, plain text
	Vet   []string // go vet's findings on the program ("main.go:13:10: …"), plain text
	// RealHTML is what the program did on the real Go runtime, as trusted
	// HTML ("" when it was not measured).
	RealHTML string
	// A variant can have hidden twins that differ from it in the value of
	// one constant (a slider on the page). On such a twin, Parent is the
	// variant it was made from; on every slider position (the parent
	// included), ParamName and ParamValue say which constant and value
	// ("work", "75ms"). The parent lists the positions in Params, itself
	// included (without Params).
	Parent     string
	ParamName  string
	ParamValue string
	Params     []Variant
}

// Run is one recorded run of a variant, ready to be drawn.
type Run struct {
	Trace *trace.Trace
	// SVG is the static layers of the timeline: one trusted <svg> element
	// with a viewBox. The pages add the playhead to it.
	SVG string
	// StepX[p] is the playhead's x (in the SVG's user units) when the first
	// p events have happened: len(StepX) == len(Trace.Events)+1.
	StepX []float64
	// Top and Bottom are the playhead's y range in user units.
	Top, Bottom float64
}

// Strategies are the scheduling strategies the pages offer; the first is the
// default.
var Strategies = []string{"runtime", "random", "pct"}

// SlugPattern and NamePattern are what lesson slugs and variant names must
// match; nothing else from a URL ever reaches a page.
var (
	SlugPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)
	NamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)
)

var (
	catalogMu sync.RWMutex
	catalog   Catalog = placeholder{}
)

// SetCatalog installs the catalog the pages use.
func SetCatalog(c Catalog) {
	catalogMu.Lock()
	defer catalogMu.Unlock()
	catalog = c
}

// CurrentCatalog returns the catalog the pages use.
func CurrentCatalog() Catalog {
	catalogMu.RLock()
	defer catalogMu.RUnlock()
	return catalog
}

// FindLesson returns the lesson with the given slug.
func FindLesson(slug string) (Lesson, bool) {
	if !SlugPattern.MatchString(slug) {
		return Lesson{}, false
	}
	for _, l := range CurrentCatalog().Lessons() {
		if l.Slug == slug {
			return l, true
		}
	}
	return Lesson{}, false
}

// Variant returns the variant with the given name, or the default one for "".
func (l Lesson) Variant(name string) (Variant, bool) {
	if len(l.Variants) == 0 {
		return Variant{}, false
	}
	if name == "" {
		return l.Variants[0], true
	}
	for _, v := range l.Variants {
		if v.Name == name {
			return v, true
		}
		for _, pv := range v.Params {
			if pv.Name == name && pv.Parent != "" {
				return pv, true
			}
		}
	}
	return Variant{}, false
}
