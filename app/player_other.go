//go:build !wasm

package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// openAtStart: a page opened without t= starts at step 0 in the browser
// (Play is the first thing to do); the server's prerender, for readers
// without WebAssembly, shows the whole run as a still.
const openAtStart = false

// stickyLabels: the prerendered page lays the timeline's label column
// over its picture (fit.go): the server cannot measure the box, so its
// picture may be wider than a phone's and scroll sideways. In the
// browser the picture is laid out at its box's width and never scrolls.
const stickyLabels = true

// liveState is the browser-only playback state; empty outside the browser.
type liveState struct{}

// startLoop and syncPlayhead move the drawn playhead; outside the browser
// there is nothing to move (the prerendered SVG already has it in place).
func (p *LessonPage) startLoop(ctx app.Context) {}
func (p *LessonPage) syncPlayhead()             {}

// navigated finishes OnNav in the browser (player_wasm.go); on the server
// the prerendered page is complete already.
func (p *LessonPage) navigated(ctx app.Context) {}

// readyAfterNav marks the app ready in the browser (player_wasm.go).
func readyAfterNav(ctx app.Context) {}
