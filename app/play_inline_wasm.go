//go:build wasm

package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/sim/trace"
)

// The browser half of the inlined program and still (play_inline.go).

// inlineData is the prerender's; the app's own render has none.
func (p *PlayPage) inlineData() app.UI { return nil }

// OnInit sets a program page up from the browser's address and the data
// its prerender inlined, before go-app's first render replaces that
// prerender: the first render then shows the program and its still, as
// the prerender did. Only on the app's first page (as LessonPage.OnInit):
// on a later navigation OnNav loads the page.
func (p *PlayPage) OnInit() {
	if appNavigated {
		return
	}
	u := app.Window().URL()
	p.setup(stripPrefix(u.Path), u.Query())
	p.initURL = u.String()
	if p.id == "" || !p.fromPage() {
		return
	}
	// The prerender's highlighted program, until the editor mounts.
	if code := app.Window().Get("document").Call("querySelector", ".play-fallback code"); code.Truthy() {
		p.ed.fallback = code.Get("innerHTML").String()
	}
}

// fromPage reads the inlined program and still of the page's program;
// false when the page holds none for it.
func (p *PlayPage) fromPage() bool {
	doc := app.Window().Get("document")
	el := doc.Call("getElementById", inlineProgramID)
	if !el.Truthy() {
		return false
	}
	v := app.Window().Get("JSON").Call("parse", el.Get("textContent").String())
	if v.Get("id").String() != p.id || v.Get("source").Type() != app.TypeString {
		return false
	}
	p.source, p.missing = v.Get("source").String(), false
	p.setProgram(p.source)
	if m := v.Get("message"); m.Type() == app.TypeString {
		p.message = m.String() // the still's words: it does not compile…
	}
	st := doc.Call("getElementById", inlineStillID)
	if !st.Truthy() {
		return true
	}
	tr, err := trace.Unmarshal([]byte(st.Get("textContent").String()))
	if err != nil {
		return true
	}
	p.drawStill(tr)
	// The still is the page's run when the view asks for the program's
	// first run; else it stands in, still, until the run the view asks
	// for is drawn (start runs it).
	p.ed.pageStill = p.stillIsRun()
	if !p.ed.pageStill {
		p.pl.playing = false
	}
	return true
}
