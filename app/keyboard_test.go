package app

import (
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TestCodeKeys: the code pane is one tab stop; ↓/↑ choose a line (from
// the first, clamped to the program), the chosen line is marked for the
// keyboard, and Enter jumps to that line's next event.
func TestCodeKeys(t *testing.T) {
	p, html := render(t, "/lesson/hello?t=0")
	if !strings.Contains(html, `tabindex="0"`) || !strings.Contains(html, `aria-label="`+codeLabel+`"`) {
		t.Errorf("the code pane is no tab stop with a label")
	}
	if strings.Contains(html, `class="line kbd`) || strings.Contains(html, "code-kbd") {
		t.Errorf("a line is marked before any key")
	}
	n := strings.Count(strings.TrimSuffix(p.variant.Code, "\n"), "\n") + 1
	if _, ok := p.codeKey("ArrowDown"); !ok || p.inst.codeLine != 1 {
		t.Fatalf("the first ↓ chose line %d, want 1", p.inst.codeLine)
	}
	p.codeKey("ArrowUp")
	if p.inst.codeLine != 1 {
		t.Errorf("↑ on the first line chose %d", p.inst.codeLine)
	}
	for range n + 3 {
		p.codeKey("ArrowDown")
	}
	if p.inst.codeLine != n {
		t.Errorf("↓ past the last line chose %d, want %d", p.inst.codeLine, n)
	}
	// Enter goes to the chosen line's next event.
	line := 1
	p.inst.codeLine = line
	if pos, ok := p.codeKey("Enter"); !ok || pos != p.run.NextOnLine(0, line) {
		t.Errorf("Enter on line %d: pos %d, want %d", line, pos, p.run.NextOnLine(0, line))
	}
	if _, ok := p.codeKey("x"); ok {
		t.Errorf("x taken by the code pane")
	}
	if h := renderedCode(p); !strings.Contains(h, `kbd" id="code-kbd" style="--gw:`) || !strings.Contains(h, `data-line="`+strconv.Itoa(line)+`"><span class="ln">`) {
		t.Errorf("the chosen line is not marked: %s", h)
	}
}

func renderedCode(p *LessonPage) string {
	return app.HTMLString(p.code(p.frames.at(p.run.Trace, p.pl.pos)))
}

// TestEmbedLegendTabStop: an embed's legend (which may scroll sideways
// in a short frame) is a tab stop; a lesson page's, which wraps, is not.
func TestEmbedLegendTabStop(t *testing.T) {
	for u, want := range map[string]bool{"/embed/hello": true, "/lesson/hello": false} {
		_, html := render(t, u)
		if got := strings.Contains(html, `<ul class="tl-legend" tabindex="0"`); got != want {
			t.Errorf("%s: legend a tab stop %v, want %v", u, got, want)
		}
	}
}

// TestShareDialogModal: the Embed… dialog is a modal dialog (WAI-ARIA)
// whose heading takes the focus as it opens.
func TestShareDialogModal(t *testing.T) {
	_, html := render(t, "/lesson/hello")
	for _, want := range []string{`role="dialog"`, `aria-modal`, `aria-labelledby="lanes-share-h"`, `id="lanes-share-h"`, `autofocus`} {
		if !strings.Contains(html, want) {
			i := strings.Index(html, `id="lanes-share"`)
			t.Errorf("the dialog has no %s: %s", want, html[max(i-200, 0):i+300])
		}
	}
}
