//go:build !wasm

package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
)

// editorState is the browser's editor; on the server there is none.
type editorState struct{}

func (*editorState) mounted() bool { return false }
func (*editorState) edited() bool  { return false }

// OnNav reads the URL; the server's prerender shows the program and a
// prompt to run it, or a stored program's still.
func (p *PlayPage) OnNav(ctx app.Context) {
	u := ctx.Page().URL()
	p.setup(stripPrefix(u.Path), u.Query())
	p.noRun = course.PrerenderWithoutRun(u) // busy: no still here, the browser fetches it
	p.builds(PlayOff, PlayStatic)
	if p.id != "" && ProgramSource == nil {
		p.missing = true // this server keeps no programs (lanes serve -data off)
	}
	p.showStill() // a stored program's first run (play_still_other.go)
	ctx.Page().SetTitle("%s · Lanes", p.title())
	if p.id != "" && p.run.Trace != nil {
		// The still's picture, as the server (/svg/p/ID.svg) and lanes
		// static (svg/p/NAME.svg) answer it; internal/site gives the
		// address its origin.
		ctx.Page().SetImage("/svg/p/" + p.id + ".svg")
	}
	p.site = siteURL(ctx)
}

// exploreFunc is nil on the server: the explorer's button waits for the
// browser.
func (p *PlayPage) exploreFunc() func(course.ExploreRequest, func(int, int) bool) (course.ExploreResult, error) {
	return nil
}

func (p *PlayPage) onRunClick(ctx app.Context, e app.Event) {}
func (p *PlayPage) replayHere(ctx app.Context, href string) {}
func (p *PlayPage) onShare(ctx app.Context, e app.Event)    {}
func (p *PlayPage) onFormat(ctx app.Context, e app.Event)   {}
func (p *PlayPage) onHelp(ctx app.Context, e app.Event)     {}

// schedRun needs the browser's worker.
func (p *PlayPage) schedRun(ctx app.Context, choices []int, then string, seed int64) {}

func (p *PlayPage) runNow(ctx app.Context) {}

// program is the page's program: on the server, the one it opened with.
func (p *PlayPage) program() string { return p.source }

// markEditor marks the game in the editor; the server has none.
func (p *PlayPage) markEditor() {}
