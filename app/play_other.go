//go:build !wasm

package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// editorState is the browser's editor; on the server there is none.
type editorState struct{}

func (editorState) mounted() bool { return false }
func (editorState) edited() bool  { return false }

// OnNav reads the URL; the server's prerender shows the program and a
// prompt to run it.
func (p *PlayPage) OnNav(ctx app.Context) {
	u := ctx.Page().URL()
	p.setup(stripPrefix(u.Path), u.Query())
	ctx.Page().SetTitle("%s · Lanes", p.title())
	p.site = siteURL(ctx)
}

func (p *PlayPage) onRunClick(ctx app.Context, e app.Event) {}
func (p *PlayPage) onShare(ctx app.Context, e app.Event)    {}
func (p *PlayPage) onFormat(ctx app.Context, e app.Event)   {}
