//go:build wasm

package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
)

// OnInit loads a lesson or embed page for the window's address before
// go-app mounts it (issue 17). go-app's first load in the browser runs
// OnInit, OnMount, then OnNav: without this the page mounted empty, as
// "Lesson not found", replacing the prerendered page, and OnNav's run then
// replaced that again with the lesson (two DOM replacements, two layouts
// before the page was ready). OnNav skips the load it would repeat
// (loadedFor). Other pages that embed LessonPage (the /play pages) are left
// to their own OnNav.
func (p *LessonPage) OnInit() {
	u := app.Window().URL()
	path := stripPrefix(u.Path)
	if _, _, ok := course.ParsePagePath(path); !ok {
		return
	}
	perfMark("lanes-init")
	p.load(path, u.Query())
	perfMark("lanes-run")
	p.loadedFor = pageKey(path, u.RawQuery)
}
