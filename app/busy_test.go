//go:build !wasm

package app

import (
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course/coursetest"
	"lanes/sim/trace"
)

// TestBusyPrerender: a page the server prerenders without its run (busy:
// course.WithoutRun) runs nothing, shows no timeline and says why; a
// program page's still is left out too (the browser fetches it), its
// program still inlined for the app.
func TestBusyPrerender(t *testing.T) {
	for _, u := range []string{"/lesson/hello?seed=41", "/embed/hello?seed=42&theme=dark"} {
		before := coursetest.Runs("hello")
		p := &LessonPage{course: coursetest.New(), noRun: true}
		pu, _ := url.Parse(u)
		p.load(pu.Path, pu.Query())
		e := app.NewTestEngine()
		if err := e.Load(p); err != nil {
			t.Fatal(err)
		}
		e.ConsumeAll()
		html := app.HTMLString(p)
		if n := coursetest.Runs("hello") - before; n != 0 {
			t.Errorf("%s without its run: %d runs", u, n)
		}
		if strings.Contains(html, "<svg") || !strings.Contains(html, BusyNote) {
			t.Errorf("%s without its run: a timeline %v, the note %v", u, strings.Contains(html, "<svg"), strings.Contains(html, BusyNote))
		}
	}

	oldSource, oldStill := ProgramSource, ProgramStill
	defer func() { ProgramSource, ProgramStill = oldSource, oldStill }()
	ProgramSource = func(id string) (string, bool) { return "package main\n\nfunc main() {}\n", id == "demo" }
	ProgramStill = func(id string) (*trace.Trace, string, bool) {
		return &trace.Trace{Version: trace.Version, Program: "main.go", Goroutines: []trace.Goroutine{{ID: 1, Name: "main"}}}, "", true
	}
	for _, u := range []string{"/p/demo", "/embed/p/demo?theme=dark"} {
		_, html := renderPlayThen(t, u, func(p *PlayPage) { p.noRun = true; p.showStill() })
		if strings.Contains(html, `class="timeline`) || !strings.Contains(html, BusyNote) {
			t.Errorf("%s without its run: a timeline %v, the note %v", u, strings.Contains(html, `class="timeline`), strings.Contains(html, BusyNote))
		}
		if _, ok := inlined(html, inlineStillID); ok {
			t.Errorf("%s without its run: the still is inlined", u)
		}
		if _, ok := inlined(html, inlineProgramID); !ok {
			t.Errorf("%s without its run: the program is not inlined for the app", u)
		}
		if html := renderStill(t, u); !strings.Contains(html, `class="timeline`) {
			t.Errorf("%s with its run: no timeline (the test's still is wrong)", u)
		}
	}
}
