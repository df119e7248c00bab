package course

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"lanes/internal/lru"
	"lanes/sim"
	"lanes/sim/trace"
	"lanes/timeline"
)

// Course is a course as the pages serve it: its lessons, and their runs
// drawn as the pages show them, cached.
type Course struct {
	lessons []Lesson
	machine string

	mu      sync.Mutex
	runs    *lru.Cache[runKey, Drawing]
	flights map[runKey]*flight // uncached runs in progress
	thumbs  map[string]string

	// Bounded work (limit.go): nil slots = no limit.
	limits  Limits
	slots   chan struct{}
	waiting int
}

// runKey is what a drawing depends on.
type runKey struct {
	slug, variant, strategy, replay string
	seed                            int64
	scale                           timeline.Scale
}

func newRunCache(bytes int64) *lru.Cache[runKey, Drawing] {
	return lru.New[runKey, Drawing](bytes)
}

// New returns the course of lessons (in the tutorial's order); machine
// says where the variants' Real runs were measured.
func New(lessons []Lesson, machine string) *Course {
	return &Course{lessons: lessons, machine: machine, runs: newRunCache(DefaultCacheBytes),
		flights: map[runKey]*flight{}, thumbs: map[string]string{}}
}

// Lessons returns the lessons in the tutorial's order. Nothing runs.
func (c *Course) Lessons() []Lesson { return c.lessons }

// Lesson returns the lesson with the given slug.
func (c *Course) Lesson(slug string) (*Lesson, bool) {
	for i := range c.lessons {
		if c.lessons[i].Slug == slug {
			return &c.lessons[i], true
		}
	}
	return nil, false
}

// Pages returns every page path a static export writes: the gallery and
// every lesson's lesson and embed page.
func (c *Course) Pages() []string {
	pages := []string{"/"}
	for _, l := range c.lessons {
		pages = append(pages, PagePath(KindLesson, l.Slug), PagePath(KindEmbed, l.Slug))
	}
	return pages
}

// PageExists says whether a path as served (without a prefix) is a page:
// the gallery and known lessons' lesson and embed pages.
func (c *Course) PageExists(path string) bool {
	if path == "/" {
		return true
	}
	_, slug, ok := ParsePagePath(path)
	if ok {
		_, ok = c.Lesson(slug)
	}
	return ok
}

// find returns a lesson and one of its variants (or slider twins).
func (c *Course) find(slug, variant string) (*Lesson, *Variant, error) {
	l, ok := c.Lesson(slug)
	if !ok {
		return nil, nil, fmt.Errorf("no lesson %q", slug)
	}
	v, ok := l.Variant(variant)
	if !ok {
		return nil, nil, fmt.Errorf("lesson %q has no variant %q", slug, variant)
	}
	return l, v, nil
}

// Run runs a variant of a lesson the way a view asks (its recorded
// schedule, or its strategy and seed) and draws it on the view's scale,
// with the tracks the lesson asks for. variant names the variant to run
// ("" = the default; the view's own Variant is not read). Runs are
// deterministic, so drawings are cached. Under Limits, an uncached run
// waits for a slot as long as it takes (see RunContext).
func (c *Course) Run(slug, variant string, view ViewState) (Drawing, error) {
	return c.run(context.Background(), slug, variant, view, true)
}

// RunContext is Run for a caller that can be told to come back later:
// under Limits, when every slot is taken and Limits.Queue callers wait
// already, it fails at once with ErrBusy; when ctx ends first (the client
// has gone), with ctx's error.
func (c *Course) RunContext(ctx context.Context, slug, variant string, view ViewState) (Drawing, error) {
	return c.run(ctx, slug, variant, view, false)
}

func (c *Course) run(ctx context.Context, slug, variant string, view ViewState, wait bool) (Drawing, error) {
	l, v, err := c.find(slug, variant)
	if err != nil {
		return Drawing{}, err
	}
	strategy, seed := view.Schedule()
	k := runKey{slug: slug, variant: v.Name, strategy: strategy, seed: seed, scale: l.ScaleFor(view)}
	if view.Replay != "" {
		k.strategy, k.seed, k.replay = "", 0, view.Replay
	}
	if d, ok := c.runs.Get(k); ok {
		return d, nil
	}
	opts := sim.Options{Program: v.File, Seed: seed}
	if view.Replay != "" {
		choices, err := DecodeChoices(view.Replay)
		if err != nil {
			return Drawing{}, err
		}
		opts.Strategy, opts.Seed = sim.Replay(choices), 0
	} else if opts.Strategy, err = sim.NewStrategy(strategy); err != nil {
		return Drawing{}, err
	}
	return c.shared(ctx, k, func() (Drawing, error) {
		release, err := c.acquire(ctx, wait)
		if err != nil {
			return Drawing{}, err
		}
		defer release()
		opts.Cancel = ctx.Done() // the caller has gone: stop the run
		tr := sim.Run(v.Main, opts)
		if err := ctx.Err(); err != nil {
			return Drawing{}, err // the caller has gone: no drawing
		}
		return Draw(tr, timeline.Options{Scale: l.ScaleFor(view), InFlight: l.HasTrack(TrackInFlight)}), nil
	})
}

// Prepare runs what the lesson or embed page of view shows (the view's
// variant, or the lesson's default one when it has no such variant), with
// RunContext's bounds, so that the page's prerender finds it cached. A
// path that is no lesson page, or a lesson without programs, needs no
// run: nil.
func (c *Course) Prepare(ctx context.Context, slug string, view ViewState) error {
	l, ok := c.Lesson(slug)
	if !ok || len(l.Variants) == 0 {
		return nil
	}
	v, ok := l.Variant(view.Variant)
	if !ok {
		v, _ = l.Variant("")
	}
	_, err := c.RunContext(ctx, slug, v.Name, view)
	if errors.Is(err, ErrBusy) || ctx.Err() != nil {
		return err
	}
	return nil // the page shows the simulator's own error
}

// Picture is the picture of a lesson view at its playhead, as "Download
// SVG" saves it (timeline.Export with the lesson's PictureOptions), with
// its size in px. A lesson without programs has no picture (""); so has
// an unknown lesson or variant.
func (c *Course) Picture(slug string, view ViewState) (svg string, width, height int, err error) {
	return c.picture(context.Background(), slug, view, true)
}

// PictureContext is Picture with RunContext's bounds.
func (c *Course) PictureContext(ctx context.Context, slug string, view ViewState) (svg string, width, height int, err error) {
	return c.picture(ctx, slug, view, false)
}

func (c *Course) picture(ctx context.Context, slug string, view ViewState, wait bool) (svg string, width, height int, err error) {
	l, ok := c.Lesson(slug)
	if !ok || len(l.Variants) == 0 {
		return "", 0, 0, nil
	}
	v, ok := l.Variant(view.Variant)
	if !ok {
		return "", 0, 0, nil
	}
	d, err := c.run(ctx, slug, v.Name, view, wait)
	if err != nil {
		return "", 0, 0, err
	}
	svg = timeline.Export(d.Trace, l.PictureOptions(view))
	return svg, SVGDim(svg, "width"), SVGDim(svg, "height"), nil
}

// SVGDim reads an SVG root element's width or height (0 when it has none).
func SVGDim(svg, attr string) int {
	head, _, _ := strings.Cut(svg, ">")
	_, rest, ok := strings.Cut(head, " "+attr+`="`)
	if !ok {
		return 0
	}
	v, _, _ := strings.Cut(rest, `"`)
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return 0
	}
	return int(f + 0.5)
}

// Thumb is the gallery's small timeline of a lesson: its default variant
// on the runtime schedule, one trusted <svg> element ("" for a lesson
// without programs), cut at its axis. It is drawn on first use and kept; only the gallery
// asks for it.
func (c *Course) Thumb(slug string) string {
	c.mu.Lock()
	th, ok := c.thumbs[slug]
	c.mu.Unlock()
	if ok {
		return th
	}
	if l, ok := c.Lesson(slug); ok {
		if v, ok := l.Variant(""); ok {
			tr := sim.Run(v.Main, sim.Options{Program: v.File, NoStatements: true})
			d := timeline.Layout(tr, timeline.Options{Width: 320, LabelWidth: 8, LaneHeight: 10, MaxLanes: 8, NoLegend: true})
			// The shapes end at the axis: the gallery hides a thumbnail's
			// words, and without them the axis's brackets under it are
			// marks that say nothing.
			d.Axis.Instants = nil
			d.Height = d.Axis.Y + 2
			th = timeline.SVG(d, timeline.SVGOptions{IDPrefix: "th-" + slug + "-"})
		}
	}
	c.mu.Lock()
	c.thumbs[slug] = th
	c.mu.Unlock()
	return th
}

// Drawing is one recorded run of a variant, drawn as a lesson page shows it.
type Drawing struct {
	Trace *trace.Trace
	// SVG is the whole run: one trusted <svg> element with a viewBox. The
	// pages show it as at a position with WithPlayhead.
	SVG string
	// StepX[p] is the playhead's x (in the SVG's user units) when the first
	// p events have happened (timeline.PlayheadX): len(StepX) ==
	// len(Trace.Events)+1.
	StepX []float64
	// Shown[p] is how many children of the SVG's event group are drawn
	// after p events (timeline.Reveal); Items is how many there are.
	Shown []int
	Items int
	// Width is the SVG's width: the clip's width at the end of the run.
	Width float64
	// Top and Bottom are the playhead's y range in user units.
	Top, Bottom float64

	// Left and Right are the plot's x range in user units.
	Left, Right float64
	// Legend is what the picture shows as an HTML list, for under its box
	// (timeline.LegendHTML), in the auto theme as the SVG is.
	Legend string

	d    *timeline.Diagram
	opts timeline.Options // what Draw was given (Redraw)
}

// Size is roughly the bytes a drawing keeps alive: its SVG and legend, its playhead
// table and its trace. The cache of drawings is bounded by it.
func (r Drawing) Size() int64 {
	n := int64(len(r.SVG)+len(r.Legend)) + 8*int64(len(r.StepX)) + 256
	if tr := r.Trace; tr != nil {
		n += 80*int64(len(tr.Events)) + 128*int64(len(tr.Goroutines)) + 64*int64(len(tr.Objects)) + 8*int64(len(tr.Choices))
		n += int64(len(tr.Outcome.Output) + len(tr.Outcome.Stderr))
		for _, e := range tr.Events {
			n += int64(len(e.Text))
		}
	}
	return n
}

// Width is the timeline's width in SVG user units on a lesson page as
// the server draws it: the width its box has beside the code at the
// common desktop layout (the 1280 px page), so that one unit is one CSS
// pixel there. In the browser the page measures its box and lays the run
// out again at the box's width (Fit).
const Width = 716

// Draw lays a trace out as a lesson page shows it (o.Width, when not
// given, is Width). The page puts the legend under the picture's box, as
// HTML that wraps (LegendHTML), so the picture has none: in a box
// narrower than the picture it ran off to the right.
func Draw(tr *trace.Trace, o timeline.Options) Drawing {
	if o.Width <= 0 {
		o.Width = Width
	}
	o.NoLegend = true
	d := timeline.Layout(tr, o)
	r := Drawing{Trace: tr, StepX: make([]float64, len(tr.Events)+1), d: d, opts: o, Left: d.Left, Right: d.Right}
	r.SVG, r.Shown = timeline.SVGReveal(d, timeline.SVGOptions{})
	r.Legend = timeline.LegendHTML(d, timeline.SVGOptions{})
	for p := range r.StepX {
		r.StepX[p] = timeline.PlayheadX(d, p)
	}
	r.Items = r.Shown[len(r.Shown)-1]
	r.Width = d.Width
	r.Top, r.Bottom = d.Top, d.Bottom()
	return r
}

// ClipWidth is the width of the SVG's clip after pos events: what has
// happened is left of it.
func (r Drawing) ClipWidth(pos int) float64 {
	if pos >= len(r.StepX)-1 {
		return r.Width
	}
	return r.StepX[max(pos, 0)]
}

// RevealRule is the style that hides the events after pos.
func (r Drawing) RevealRule(pos int) string {
	if len(r.Shown) == 0 {
		return ""
	}
	return timeline.RevealRule("lanes", r.Shown[min(max(pos, 0), len(r.Shown)-1)], r.Items)
}

// WithPlayhead is the drawing's SVG as after pos events (clamped to the
// run), with the playhead line, drawn under the events.
func (r Drawing) WithPlayhead(pos int) string {
	svg := r.SVG
	if r.d != nil {
		svg = timeline.Moved(r.SVG, r.d, timeline.SVGOptions{}, r.Shown, pos)
	}
	i := strings.LastIndex(svg, "</svg>")
	if i < 0 || len(r.StepX) == 0 {
		return svg
	}
	x := r.StepX[min(max(pos, 0), len(r.StepX)-1)]
	line := fmt.Sprintf(`<line class="lanes-playhead" x1="%s" x2="%s" y1="%s" y2="%s" stroke="#7c3aed" stroke-width="2.5" stroke-linecap="round"/>`,
		Num(x), Num(x), Num(r.Top-6), Num(r.Bottom))
	// Under the events (their markers, labels and the exit line): at the
	// end the playhead stands on the exit line, which must still show.
	if j := strings.Index(svg, `<g class="ev"`); j >= 0 {
		i = j
	}
	return svg[:i] + line + svg[i:]
}

// Num formats a coordinate as the playhead's attributes carry it.
func Num(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
