package timeline

import "strconv"

// LabelsSVG is d's label column alone: the lanes' and tracks' labels on
// the picture's background, at the coordinates SVG(d) has them. A page
// lays it over the left edge of a picture wider than its box and keeps
// it there (CSS sticky) while the picture scrolls sideways, so the lanes
// stay named. It has no style of its own: the picture's (scoped to the
// root class, which it shares) paints it. Lanes whose first event is at
// or after at are left out, as the picture reveals them; at >= d.Events
// shows all.
func LabelsSVG(d *Diagram, opts SVGOptions, at int) string {
	w := &svgw{b: make([]byte, 0, 1024+len(d.Lanes)*128), labelW: d.Left}
	th := [...]string{ThemeAuto: "th-auto", ThemeLight: "th-light", ThemeDark: "th-dark"}[opts.Theme%3]
	w.s(`<svg xmlns="http://www.w3.org/2000/svg" class="lanes-tl `, th, `" data-labels="" aria-hidden="true" width="`)
	w.f(d.Left)
	w.s(`" height="`)
	w.f(d.Height)
	w.s(`" viewBox="0 0 `)
	w.f(d.Left)
	w.s(" ")
	w.f(d.Height)
	w.s(`" font-family="system-ui,-apple-system,'Segoe UI',Roboto,sans-serif" font-size="11">`, "\n")
	w.rect("bg", 0, 0, d.Left, d.Height, "", -1, -1)
	w.rows(&Diagram{Width: d.Left, Lanes: d.Lanes})
	for i := range d.Tracks {
		tr := &d.Tracks[i]
		w.label("lbl", 8, tr.Y+tr.H/2+4, trackChars(d, tr), "", tr.Label)
		if tr.Max > 0 {
			w.text("dim", d.Left-4, tr.Y+13, "", strconv.FormatInt(tr.Max, 10), ` text-anchor="end"`)
		}
	}
	maxChars := labelChars(d.Left, 0)
	spawned := spawnSeqs(d)
	for i := range d.Lanes {
		ln := &d.Lanes[i]
		if seq := labelStart(ln, spawned); at < d.Events && seq >= at {
			continue
		}
		cls := "lbl"
		if ln.Kind == LaneGoroutine && ln.G > 0 {
			cls += " " + LaneColour(ln.G)
		}
		w.label(cls, 8, labelY(ln), maxChars, "", ln.Label)
		w.s("\n")
	}
	w.s("</svg>\n")
	return string(w.b)
}
