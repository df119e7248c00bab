package course

import (
	"slices"
	"strconv"
	"strings"

	"lanes/timeline"
)

// Lesson is one lesson of the course: its text and its programs. The
// registry (package lanes/app/lessons/registry) is generated from the
// lesson folders as a []Lesson; tests build small ones by hand.
type Lesson struct {
	Slug     string // URL key, matches SlugPattern
	Title    string // plain text
	Summary  string // one line of plain text for the gallery
	Order    int
	HTML     string    // the lesson text, trusted HTML rendered from Markdown at build time
	Variants []Variant // in the lesson's order; none for a lesson of text only

	// What the lesson's pages show besides the player, from its front
	// matter: Tracks are extra timeline tracks (TrackInFlight), Panels
	// extra panels under the player (PanelMemory).
	Tracks []string
	Panels []string
	// Axis is the timeline's x axis when the URL does not choose one:
	// "" (virtual time) or AxisSteps, where the order of events says
	// more than the clock (a run where no time passes).
	Axis string
}

// AxisSteps is the front matter's word for the step axis.
const AxisSteps = "steps"

// ScaleFor is the x axis a view of the lesson draws: the URL's choice,
// else the lesson's.
func (l *Lesson) ScaleFor(v ViewState) timeline.Scale {
	if !v.ScaleGiven && l.Axis == AxisSteps {
		return timeline.ScaleStep
	}
	return v.Scale
}

// Variant is one runnable program of a lesson ("buggy", "fixed", "wg-go"…).
type Variant struct {
	Name    string // URL key, matches NamePattern
	Title   string // plain text, e.g. "Add inside the goroutine"
	Default bool   // the lesson's default variant (exactly one has it)
	Heavy   bool   // many goroutines: exploring defaults to fewer random runs
	File    string // "main.go"
	Code    string // the shown program, exactly as it runs with go run
	// Lines is Code as trusted HTML, one string per line, highlighted at
	// build time (internal/highlight); nil shows Code escaped, plain.
	Lines []string
	Vet   []string // go vet's findings on it ("main.go:12:3: …"), computed at build time
	Main  func()   // the simulated twin's Main
	Real  []Batch  // what it did on real Go

	// A slider over one constant (lesson.md's param): on the variant,
	// ParamName and ParamValue are the constant and its value in the
	// program ("work", "50ms") and Params are hidden twins of the program
	// with the other values, in ascending order, each with Parent set to
	// this variant's name. Only the constant's line differs.
	Parent     string
	ParamName  string
	ParamValue string
	Params     []Variant

	// Challenge is the variant's challenge of the scheduler game, or nil.
	Challenge *Challenge
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

// The tracks and panels a lesson's front matter may ask for.
const (
	TrackInFlight = "inflight" // the "in flight" track (timeline.Options.InFlight)
	PanelMemory   = "memory"   // "Measured in your browser"
)

// SlugPattern and NamePattern are what lesson slugs and variant names must
// match; nothing else from a URL ever reaches a page.
var (
	SlugPattern = Pattern{lowerDigits, lowerDigits + "-", 62, `^[a-z0-9][a-z0-9-]{0,62}$`}
	NamePattern = Pattern{lowerDigits, lowerDigits + "-", 39, `^[a-z0-9][a-z0-9-]{0,39}$`}
)

// HasTrack and HasPanel say whether the lesson's front matter asks for a
// track or a panel.
func (l *Lesson) HasTrack(name string) bool { return slices.Contains(l.Tracks, name) }
func (l *Lesson) HasPanel(name string) bool { return slices.Contains(l.Panels, name) }

// Variant returns the variant with the given name, the default one for "",
// or one of the variants' hidden slider twins.
func (l *Lesson) Variant(name string) (*Variant, bool) {
	for i := range l.Variants {
		v := &l.Variants[i]
		if v.Name == name || name == "" && v.Default {
			return v, true
		}
		for j := range v.Params {
			if p := &v.Params[j]; p.Name == name {
				return p, true
			}
		}
	}
	return nil, false
}

// Slider returns the slider v is on: the variant it was made from and
// every position, that variant included, in ascending order of the value.
// ok is false when v has no slider.
func (l *Lesson) Slider(v *Variant) (parent *Variant, positions []*Variant, ok bool) {
	parent = v
	if v.Parent != "" {
		if parent, ok = l.Variant(v.Parent); !ok {
			return nil, nil, false
		}
	}
	if len(parent.Params) == 0 {
		return nil, nil, false
	}
	positions = append(positions, parent)
	for i := range parent.Params {
		positions = append(positions, &parent.Params[i])
	}
	ms := func(v *Variant) int { n, _ := strconv.Atoi(strings.TrimSuffix(v.ParamValue, "ms")); return n }
	slices.SortStableFunc(positions, func(a, b *Variant) int { return ms(a) - ms(b) })
	return parent, positions, true
}

// EmbedTitle is the title of an embedded view of the lesson: "Lanes:
// title", with the variant's title when there are several.
func (l *Lesson) EmbedTitle(v *Variant) string {
	t := "Lanes: " + l.Title
	if len(l.Variants) > 1 && v != nil && v.Title != "" {
		t += " (" + v.Title + ")"
	}
	return t
}
