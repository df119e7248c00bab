//go:build wasm

package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/timeline"
)

// picture is the SVG of the timeline at the playhead, as the lesson's
// course.PictureOptions draw it (the page's tracks included): what /svg/
// serves and `lanes svg` writes for the same program and view.
func (b *ShareBox) picture(theme timeline.Theme) string {
	s := b.view(false)
	s.Theme = theme
	return timeline.Export(b.Trace, b.Lesson.PictureOptions(s))
}

func (b *ShareBox) name(ext string) string {
	return course.PictureName(b.Lesson.Slug, b.view(false), ext)
}

// onSVG saves the picture as an .svg file.
func (b *ShareBox) onSVG(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	if b.Trace == nil {
		return
	}
	svg := b.picture(b.State.Theme)
	blob := app.Window().Get("Blob").New([]any{svg}, map[string]any{"type": "image/svg+xml"})
	save(blob, b.name("svg"), len(svg), 0, 0)
}

// onPNG draws the picture on a canvas at twice its size and saves it as a
// .png file. An "auto" theme becomes the reader's current one.
func (b *ShareBox) onPNG(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	if b.Trace == nil {
		return
	}
	w := app.Window()
	theme := b.State.Theme
	if theme == timeline.ThemeAuto {
		theme = timeline.ThemeLight
		if mq := w.Call("matchMedia", "(prefers-color-scheme: dark)"); mq.Truthy() && mq.Get("matches").Bool() {
			theme = timeline.ThemeDark
		}
	}
	svg := b.picture(theme)
	name := b.name("png")
	img := w.Get("Image").New()
	var onLoad, onErr app.Func
	release := func() { onLoad.Release(); onErr.Release() }
	onLoad = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer release()
		cw, ch := img.Get("naturalWidth").Int()*2, img.Get("naturalHeight").Int()*2
		canvas := w.Get("document").Call("createElement", "canvas")
		canvas.Set("width", cw)
		canvas.Set("height", ch)
		c2d := canvas.Call("getContext", "2d")
		c2d.Call("drawImage", img, 0, 0, cw, ch)
		var onBlob app.Func
		onBlob = app.FuncOf(func(this app.Value, args []app.Value) any {
			defer onBlob.Release()
			if len(args) > 0 && args[0].Truthy() {
				save(args[0], name, args[0].Get("size").Int(), cw, ch)
			}
			return nil
		})
		canvas.Call("toBlob", onBlob, "image/png")
		return nil
	})
	onErr = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer release()
		app.Log("lanes: the PNG could not be drawn")
		return nil
	})
	img.Set("onload", onLoad)
	img.Set("onerror", onErr)
	img.Set("src", "data:image/svg+xml;charset=utf-8,"+w.Call("encodeURIComponent", svg).String())
}

// save downloads a blob as a file. It records what it saved on <html>
// (data-lanes-download="name size width height") for tests.
func save(blob app.Value, name string, size, width, height int) {
	w := app.Window()
	doc := w.Get("document")
	url := w.Get("URL").Call("createObjectURL", blob)
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Set("rel", "noopener")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	var revoke app.Func
	revoke = app.FuncOf(func(this app.Value, args []app.Value) any {
		w.Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	w.Call("setTimeout", revoke, 10000)
	doc.Get("documentElement").Get("dataset").Set("lanesDownload",
		name+" "+strconv.Itoa(size)+" "+strconv.Itoa(width)+" "+strconv.Itoa(height))
}

// onCopy copies one snippet (the button's data-snippet) to the clipboard,
// falling back to selecting its text box and execCommand("copy").
func (b *ShareBox) onCopy(ctx app.Context, e app.Event) {
	key := ctx.JSSrc().Get("dataset").Get("snippet").String()
	text := b.snippet(key)
	if text == "" {
		ctx.PreventUpdate()
		return
	}
	b.copied = key
	w := app.Window()
	w.Get("document").Get("documentElement").Get("dataset").Set("lanesCopied", text)
	fallback := func() {
		box := w.Get("document").Call("querySelector", ".snippet-"+key+" textarea")
		if box.Truthy() {
			box.Call("select")
			w.Get("document").Call("execCommand", "copy")
		}
	}
	clip := w.Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		fallback()
		return
	}
	p := clip.Call("writeText", text)
	var onErr app.Func
	onErr = app.FuncOf(func(this app.Value, args []app.Value) any {
		fallback()
		onErr.Release()
		return nil
	})
	p.Call("catch", onErr)
}

func (b *ShareBox) onTheme(ctx app.Context, e app.Event) {
	b.setOption("share-theme", false, ctx.JSSrc().Get("value").String())
}

func (b *ShareBox) onOption(ctx app.Context, e app.Event) {
	src := ctx.JSSrc()
	cls := src.Get("className").String()
	b.setOption(cls, src.Get("checked").Bool(), "")
}

// trapTab keeps Tab inside a modal dialog d: from its last control to
// its first, and Shift+Tab from the first (or the heading) to the last.
func trapTab(e, d app.Value) {
	all := d.Call("querySelectorAll", "button, select, input, textarea")
	n := all.Length()
	if n == 0 {
		return
	}
	first, last := all.Index(0), all.Index(n-1)
	act := app.Window().Get("document").Get("activeElement")
	to := last
	if !e.Get("shiftKey").Bool() {
		if !act.Equal(last) {
			return
		}
		to = first
	} else if !act.Equal(first) && act.Get("tagName").String() != "H2" {
		return
	}
	e.Call("preventDefault")
	to.Call("focus")
}
