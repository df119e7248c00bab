//go:build !wasm

package app

import (
	"bytes"
	"encoding/json"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/sim/trace"
)

// inlineData is the program page's program and still as JSON in the
// prerender (play_inline.go); nil on other pages.
func (p *PlayPage) inlineData() app.UI {
	if p.id == "" || p.missing {
		return nil
	}
	b, err := json.Marshal(inlineProgram{ID: p.id, Source: p.source, Message: p.message})
	if err != nil {
		return nil
	}
	html := jsonScript(inlineProgramID, b)
	if p.run.Trace != nil {
		if t, err := trace.Marshal(p.run.Trace); err == nil && len(t) <= maxInlineStill {
			html += jsonScript(inlineStillID, t)
		}
	}
	return app.Raw(`<div class="play-inline" hidden>` + html + `</div>`)
}

// jsonScript is b in a <script type="application/json">: every '<' (only
// ever inside a JSON string) as \u003c, so that no "</script>" in the
// program or its output ends the element.
func jsonScript(id string, b []byte) string {
	b = bytes.ReplaceAll(b, []byte("<"), []byte(`\u003c`))
	return `<script type="application/json" id="` + id + `">` + string(b) + `</script>`
}
