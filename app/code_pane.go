package app

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/sim/trace"
	"lanes/timeline"
)

// laneClass is the colour class of a goroutine, the timeline's (its lane
// label has the same colour).
func laneClass(g trace.GoID) string { return timeline.LaneColour(g) }

// A code line names the first goroutine there and counts the others
// ("+2"), in a gutter of fixed width for the run (gutter.go), so that the
// code never reflows as the run plays; the badges' title names up to
// maxTitleNames of them.
const (
	// maxBadges is how many goroutines a line names before "+N more"
	// where there is room for several (the scheduler view).
	maxBadges     = 3
	maxBadgeChars = 11
	maxTitleNames = 8
)

// code is the program, highlighted at build time (Variant.Lines), each
// line a grid of its number, its text (wrapped, never cut) and a gutter
// on the right naming the goroutine at that line as the timeline names
// it, in its lane label's colour.
func (p *LessonPage) code(f frame) app.UI {
	plain := strings.Split(strings.TrimSuffix(p.variant.Code, "\n"), "\n")
	lines := p.variant.Lines
	if len(lines) != len(plain) {
		lines = nil
	}
	at := map[int][]trace.GoID{}
	var names []string
	var gutter map[int32]float64
	if tr := p.run.Trace; tr != nil {
		names = timeline.Names(tr)
		gutter = p.gutter.widths(tr, names)
		for _, g := range tr.Goroutines {
			if l, ok := f.lines[g.ID]; ok {
				at[int(l)] = append(at[int(l)], g.ID)
			}
		}
	}
	// One raw <pre>: go-app indents prerendered children, which a <pre>
	// would show.
	var b strings.Builder
	b.WriteString(`<pre><code>`)
	focusG, focusLine := p.focus(f)
	for i, text := range plain {
		gs := at[i+1]
		b.WriteString(`<span class="line`)
		if i+1 == focusLine {
			// the line of the goroutine that did the last event, in its colour
			b.WriteString(" cur focus " + laneClass(focusG))
		} else if len(gs) > 0 {
			b.WriteString(" cur " + laneClass(gs[0]))
		}
		if i+1 == p.inst.codeLine {
			b.WriteString(` kbd" id="code-kbd`) // the line the keyboard chose
		}
		b.WriteString(`" style="--gw:` + strconv.Itoa(int(gutter[int32(i+1)]+0.5)) + `px"`)
		src := ""
		if lines != nil {
			src = lines[i] // trusted: escaped token by token at build time
		}
		writeSrc(&b, i+1, text, src)
		b.WriteString(`</span><span class="whos">`)
		if len(gs) > 0 {
			name := func(g trace.GoID) string { return badgeName(names, g) }
			all := make([]string, 0, min(len(gs), maxTitleNames))
			for _, g := range gs[:min(len(gs), maxTitleNames)] {
				all = append(all, name(g))
			}
			title := strings.Join(all, ", ")
			if len(gs) > maxTitleNames {
				title += " and " + strconv.Itoa(len(gs)-maxTitleNames) + " more"
			}
			b.WriteString(`<span class="who ` + laneClass(gs[0]) + `" title="` + timeline.EscapeHTML(title) + `">`)
			b.WriteString(timeline.EscapeHTML(shorten(name(gs[0]), maxBadgeChars)) + `</span>`)
			if len(gs) > 1 {
				b.WriteString(`<span class="who more" title="` + timeline.EscapeHTML(title) + `">+` + strconv.Itoa(len(gs)-1) + `</span>`)
			}
		}
		b.WriteString("</span></span>")
	}
	b.WriteString(`</code></pre>`)
	// One tab stop for the whole program: ↑/↓ choose a line, Enter jumps
	// (instrument.go's codeKey), rather than a stop on every line.
	return app.Figure().Class("code").Attr("tabindex", "0").Aria("label", codeLabel).Body(
		app.FigCaption().Body(
			app.Text(p.variant.File),
			app.If(p.linkTo == nil && !p.embed, func() app.UI {
				return app.A().Class("edit").Href(href(course.EditURL(p.lesson.Slug, p.variant.Name) + themeQuery(p.state.Theme, "&"))).
					Title("open this program in the playground, edit and run it").Text("Edit ✎")
			}),
		),
		app.Range(p.variant.Vet).Slice(func(i int) app.UI {
			return app.P().Class("vet").Body(app.Strong().Text("go vet: "), app.Code().Text(p.variant.Vet[i]))
		}),
		app.Raw(b.String()),
	)
}

// codeLabel is the code pane's name to the keyboard and screen readers.
const codeLabel = "The program: ↑/↓ choose a line, Enter jumps to its next event"

// badgeName is how the code pane names goroutine g: as the timeline does
// (names: timeline.Names), else "goroutine N".
func badgeName(names []string, g trace.GoID) string {
	if int(g) < len(names) && names[g] != "" {
		return names[g]
	}
	return "goroutine " + strconv.Itoa(int(g))
}

// writeSrc writes the rest of a code line's opening tag (the caller wrote
// `<span class="line…"`), its number and its text: hl, the line
// highlighted at build time (trusted, escaped token by token), or plain
// escaped when hl is "". The text has a hanging indent of its leading
// tabs (--ind, see code.css), so that a wrapped line goes on under its
// own indentation, one tab further in. The caller writes the gutter and
// closes the line.
func writeSrc(b *strings.Builder, line int, plain, hl string) {
	n := strconv.Itoa(line)
	b.WriteString(` data-line="` + n + `"><span class="ln">` + n + `</span><span class="src"`)
	if ind := len(plain) - len(strings.TrimLeft(plain, "\t")); ind > 0 {
		b.WriteString(` style="--ind:` + strconv.Itoa(ind) + `"`)
	}
	b.WriteString(`>`)
	if hl != "" || plain == "" {
		writeBreakable(b, hl)
	} else {
		writeBreakable(b, timeline.EscapeHTML(plain))
	}
}

// writeBreakable writes the HTML of a code line with a <wbr> after each
// ".", "(" and "," of its text (not inside tags), so that a line too long
// for a narrow pane breaks between tokens (`context.` | `Background()`)
// rather than mid-identifier; overflow-wrap (code.css) stays the last
// resort for one token wider than the pane. <wbr> has no text: the
// line's text, and what copying it gives, is unchanged. None is written
// where a break is possible anyway (before a space) or useless (at the
// end, inside "..." or "()").
func writeBreakable(b *strings.Builder, h string) {
	inTag := false
	start := 0
	for i := 0; i < len(h); i++ {
		switch c := h[i]; {
		case c == '<':
			inTag = true
		case c == '>':
			inTag = false
		case !inTag && (c == '.' || c == '(' || c == ','):
			if next := nextTextByte(h, i+1); next == 0 || next == ' ' || next == '\t' || next == '.' || next == ')' {
				continue
			}
			b.WriteString(h[start : i+1])
			b.WriteString("<wbr>")
			start = i + 1
		}
	}
	b.WriteString(h[start:])
}

// nextTextByte is the first byte of text at or after i in h, skipping
// tags; 0 at the end.
func nextTextByte(h string, i int) byte {
	for i < len(h) {
		if h[i] != '<' {
			return h[i]
		}
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			return 0
		}
		i += j + 1
	}
	return 0
}

// shorten cuts s to at most n characters, the last an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
