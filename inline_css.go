//go:build !wasm

package main

import (
	"embed"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

//go:embed web/*.css
var webCSS embed.FS

// inlineStyles moves the handler's own stylesheets (/web/*.css) into one
// <style> element in the head: the prerendered page paints without
// waiting for them (no render-blocking requests besides go-app's small
// /app.css). CSP allows inline styles already (go-app needs them).
// A stylesheet that cannot be read stays a link.
func inlineStyles(h *app.Handler) *app.Handler {
	var css strings.Builder
	var keep []string
	for _, s := range h.Styles {
		b, err := webCSS.ReadFile(strings.TrimPrefix(s, "/"))
		if !strings.HasPrefix(s, "/web/") || err != nil {
			keep = append(keep, s)
			continue
		}
		css.Write(b)
		css.WriteString("\n")
	}
	h.Styles = keep
	if css.Len() > 0 {
		// CSS cannot close a <style> element unless it contains "</".
		h.RawHeaders = append(h.RawHeaders, "<style>"+strings.ReplaceAll(css.String(), "</", `<\/`)+"</style>")
	}
	return h
}
