//go:build wasm

package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// revealedProp is the property of the timeline's event group (#lanes-ev)
// that holds how many of its children reveal has shown.
const revealedProp = "lanesRevealed"

// reveal shows the first n children of the timeline's event group
// (#lanes-ev) and hides the rest. The SVG arrives with a style rule that
// does it (timeline.RevealRule); changing that rule makes the browser
// match it against every element of the page again, a cost per frame
// that grows with the run. So the first time for a drawn SVG, each
// hidden child gets display:none of its own and the rule goes; after
// that only the children between the old and the new count change.
//
// What was shown is kept on the group's node, not in the page: a redrawn
// SVG is a new node, whatever the order in which go-app mounts it and the
// player's frames come. (Kept in the page, a frame between a redraw and
// its mount marked the new SVG as done, and its rule, written for the
// position the redraw had, hid the lane labels and the events from then
// on: seen after seeking during autoplay.)
func (p *LessonPage) reveal(root app.Value, n int) {
	if n < 0 {
		return
	}
	g := root.Call("querySelector", "#lanes-ev")
	if !g.Truthy() {
		return
	}
	old := -1
	if v := g.Get(revealedProp); v.Type() == app.TypeNumber {
		old = v.Int()
	}
	if old == n {
		return
	}
	kids := g.Get("children")
	total := kids.Get("length").Int()
	n = min(n, total)
	show := func(k int, on bool) {
		v := "none"
		if on {
			v = ""
		}
		kids.Index(k).Get("style").Set("display", v)
	}
	switch {
	case old < 0 || old > total:
		for k := n; k < total; k++ {
			show(k, false)
		}
		if st := root.Call("querySelector", "#lanes-reveal"); st.Truthy() {
			st.Set("textContent", "")
		}
		for k := 0; k < n; k++ {
			show(k, true) // a child hidden by an earlier reveal of this SVG
		}
	case n > old:
		for k := old; k < n; k++ {
			show(k, true)
		}
	default:
		for k := n; k < old; k++ {
			show(k, false)
		}
	}
	g.Set(revealedProp, n)
}
