// Package course serves the lessons of package lanes/app/lessons/registry
// to the pages (it implements app.Catalog): it runs a variant's twin under
// the simulator with the asked seed and strategy and lays its timeline out
// as one SVG string, with the playhead's x for every step.
//
// Runs are deterministic, so they are cached by (lesson, variant, seed,
// strategy); the cache is small and bounded.
package course

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"lanes/app"
	"lanes/app/lessons/registry"
	"lanes/sim"
	"lanes/sim/trace"
	"lanes/timeline"
)

// Width is the timeline's width in SVG user units on a lesson page.
const Width = 720

// Catalog is the course as app.Catalog.
type Catalog struct {
	mu      sync.Mutex
	lessons []app.Lesson
	runs    map[key]app.Run
	order   []key
}

type key struct {
	slug, variant, strategy string
	seed                    int64
}

const cacheSize = 64

// New returns the catalog of the registry's lessons.
func New() *Catalog { return &Catalog{runs: map[key]app.Run{}} }

// Lessons returns the lessons, each with a thumbnail of its default
// variant's runtime schedule (computed once).
func (c *Catalog) Lessons() []app.Lesson {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lessons != nil {
		return c.lessons
	}
	for _, l := range registry.Lessons {
		al := app.Lesson{Slug: l.Slug, Title: l.Title, Summary: l.Summary, TextHTML: l.HTML}
		for _, v := range l.Variants {
			al.Variants = append(al.Variants, appVariant(&v))
		}
		if v, ok := l.Variant(""); ok {
			tr := sim.Run(v.Main, sim.Options{Program: v.File, NoStatements: true})
			d := timeline.Layout(tr, timeline.Options{Width: 320, LabelWidth: 8, LaneHeight: 10, MaxLanes: 8, NoLegend: true})
			al.Thumb = timeline.SVG(d, timeline.SVGOptions{IDPrefix: "th-" + l.Slug + "-"})
		}
		c.lessons = append(c.lessons, al)
	}
	return c.lessons
}

// Run runs one variant and draws it.
func (c *Catalog) Run(slug, variant string, seed int64, strategy string) (app.Run, error) {
	k := key{slug, variant, strategy, seed}
	c.mu.Lock()
	r, ok := c.runs[k]
	c.mu.Unlock()
	if ok {
		return r, nil
	}
	v, err := find(slug, variant)
	if err != nil {
		return app.Run{}, err
	}
	s, err := sim.NewStrategy(strategy)
	if err != nil {
		return app.Run{}, err
	}
	tr := sim.Run(v.Main, sim.Options{Program: v.File, Strategy: s, Seed: seed})
	r = Draw(tr, inFlight(slug))
	c.mu.Lock()
	if len(c.order) >= cacheSize {
		delete(c.runs, c.order[0])
		c.order = c.order[1:]
	}
	c.runs[k] = r
	c.order = append(c.order, k)
	c.mu.Unlock()
	return r, nil
}

// inFlight reports whether a lesson is about limiting concurrency (and so
// shows the "in flight" track).
func inFlight(slug string) bool {
	return slug == "errgroup" || slug == "over-concurrency"
}

// Redraw draws a run again on another x scale ("step": one slot per event;
// anything else: virtual time).
func (c *Catalog) Redraw(slug string, tr *trace.Trace, scale string) app.Run {
	return drawScale(tr, inFlight(slug), scale == "step")
}

// Draw lays a trace out as a lesson page shows it.
func Draw(tr *trace.Trace, withInFlight bool) app.Run { return drawScale(tr, withInFlight, false) }

func drawScale(tr *trace.Trace, withInFlight, steps bool) app.Run {
	o := timeline.Options{Width: Width, InFlight: withInFlight}
	if steps {
		o.Scale = timeline.ScaleStep
	}
	d := timeline.Layout(tr, o)
	r := app.Run{Trace: tr, SVG: timeline.SVG(d, timeline.SVGOptions{}), StepX: make([]float64, len(tr.Events)+1)}
	for p := range r.StepX {
		r.StepX[p] = timeline.PlayheadX(d, p)
	}
	r.Top, r.Bottom = d.Top, d.Bottom()
	return r
}

// find returns a lesson's variant, or one of its variants' hidden param
// twins.
func find(slug, variant string) (*registry.Variant, error) {
	l, ok := registry.Find(slug)
	if !ok {
		return nil, fmt.Errorf("no lesson %q", slug)
	}
	if v, ok := l.Variant(variant); ok {
		return v, nil
	}
	for i := range l.Variants {
		for j := range l.Variants[i].Params {
			if p := &l.Variants[i].Params[j]; p.Name == variant {
				return p, nil
			}
		}
	}
	return nil, fmt.Errorf("lesson %q has no variant %q", slug, variant)
}

// appVariant is a registry variant as the pages see it; a variant with a
// slider lists every position, itself included, in ascending order.
func appVariant(v *registry.Variant) app.Variant {
	av := app.Variant{Name: v.Name, Title: v.Title, File: v.File, Code: v.Code, Vet: v.Vet, RealHTML: realHTML(v),
		Parent: v.Parent, ParamName: v.ParamName, ParamValue: v.ParamValue}
	if len(v.Params) == 0 {
		return av
	}
	ms := func(s string) int { n, _ := strconv.Atoi(strings.TrimSuffix(s, "ms")); return n }
	self := av
	for _, p := range v.Params {
		if self.Name != "" && ms(self.ParamValue) < ms(p.ParamValue) {
			av.Params = append(av.Params, self)
			self.Name = ""
		}
		av.Params = append(av.Params, appVariant(&p))
	}
	if self.Name != "" {
		av.Params = append(av.Params, self)
	}
	return av
}

// realHTML shows what a program did on the real Go runtime: outcomes with
// counts per GOMAXPROCS. They are measurements of one machine, beside the
// simulator's counts over possible schedules ("" when not measured).
func realHTML(v *registry.Variant) string {
	const maxRealRows = 5 // per GOMAXPROCS; the rest is summed up
	var b strings.Builder
	if len(v.Real) > 0 {
		fmt.Fprintf(&b, `<section class="real"><h3>On real Go</h3><p>What this program printed when run with <code>go run</code> on %s (counts of real runs on one machine, not of possible schedules):</p>`,
			timeline.EscapeHTML(registry.Machine))
		fmt.Fprintf(&b, `<table><tr><th>GOMAXPROCS</th><th>runs</th><th>output</th><th>exit</th></tr>`)
		for _, bt := range v.Real {
			for i, o := range bt.Outcomes {
				if i == maxRealRows && len(bt.Outcomes) > maxRealRows+1 {
					rest := 0
					for _, o := range bt.Outcomes[i:] {
						rest += o.Count
					}
					fmt.Fprintf(&b, "<tr><td></td><td>%d of %d</td><td colspan=\"2\">%d other outputs</td></tr>", rest, bt.Runs, len(bt.Outcomes)-i)
					break
				}
				procs, runs := "", ""
				if i == 0 {
					procs, runs = fmt.Sprint(bt.GOMAXPROCS), fmt.Sprintf("%d of %d", o.Count, bt.Runs)
				} else {
					runs = fmt.Sprintf("%d of %d", o.Count, bt.Runs)
				}
				exit := o.Kind
				if o.Stderr != "" {
					exit += ": " + o.Stderr
				}
				fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td><td><pre>%s</pre></td><td>%s</td></tr>",
					procs, runs, timeline.EscapeHTML(o.Stdout), timeline.EscapeHTML(exit))
			}
		}
		b.WriteString("</table></section>")
	}
	return b.String()
}
