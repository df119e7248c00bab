package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// EmbedHeight sits in an embed page and, in the browser
// (embed_height_wasm.go), posts the page's natural height to the parent
// window whenever it changes:
//
//	window.parent.postMessage({type: "lanes:height", height: N, slug: S, variant: V}, "*")
//
// (see course.HeightMessage). The height is the page's height as if the frame were
// tall enough for everything: it does not depend on the frame's own height,
// so sizing the frame to it never loops. It also keeps the player's keys
// inside the frame: the page takes focus when clicked, and space and the
// arrows never scroll the host page (player_wasm.go prevents their default).
type EmbedHeight struct {
	app.Compo

	Slug    string // validated (course.SlugPattern)
	Variant string // validated (course.NamePattern) or ""

	live heightLive
}

// Render draws nothing visible.
func (e *EmbedHeight) Render() app.UI {
	return app.Span().Class("lanes-height").Hidden(true)
}
