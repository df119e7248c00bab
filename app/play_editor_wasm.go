//go:build wasm

package app

// The program page's editor (web/editor.js, CodeMirror 6) and its
// buttons: Run, Format and Share go through web/play.js.

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// mountEditor puts the editor into .play-editor (embeds have none).
func (p *PlayPage) mountEditor() bool {
	if p.embed || p.ed.mounted() {
		return true
	}
	root := p.JSValue()
	if root == nil || !root.Truthy() {
		return false
	}
	el := root.Call("querySelector", ".play-editor")
	if !el.Truthy() {
		return false
	}
	p.ed.editor = app.Window().Get("lanesEditor").Call("mount", el, p.source, p.ed.onRun, p.ed.onChange)
	return true
}

// program is the program to run: the editor's, or the page's.
func (p *PlayPage) program() string {
	if p.ed.mounted() {
		return p.ed.editor.Call("doc").String()
	}
	return p.source
}

func (p *PlayPage) onRunClick(ctx app.Context, e app.Event) {
	if p.phase != "" {
		app.Window().Get("lanesPlay").Call("stop")
		p.stopped()
		p.stopTicker()
		return
	}
	p.runNow(ctx)
}

func (p *PlayPage) onFormat(ctx app.Context, e app.Event) {
	if lp := app.Window().Get("lanesPlay"); lp.Truthy() && p.ed.mounted() {
		p.ed.editor.Call("mark", app.Window().Get("Array").New())
		lp.Call("format", p.program(), p.ed.onFormat)
	}
}

func (p *PlayPage) onShare(ctx app.Context, e app.Event) {
	if lp := app.Window().Get("lanesPlay"); lp.Truthy() {
		lp.Call("share", p.program(), p.ed.onShared)
	}
}

// onHelp opens the page's "What programs can Lanes run?", which a refused
// program's message points at, and brings it into view with the focus on
// its summary.
func (p *PlayPage) onHelp(ctx app.Context, e app.Event) {
	root := p.JSValue()
	if root == nil || !root.Truthy() {
		return
	}
	d := root.Call("querySelector", ".play-help")
	if !d.Truthy() {
		return
	}
	d.Set("open", true)
	d.Call("scrollIntoView", map[string]any{"block": "center"})
	if s := d.Call("querySelector", "summary"); s.Truthy() {
		s.Call("focus", map[string]any{"preventScroll": true})
	}
}
