package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/sim/trace"
	"lanes/timeline"
)

// ShareBox is the lesson page's row of sharing tools: "Embed…" opens a
// dialog (an HTML popover, so it opens without JavaScript too) with the
// iframe HTML, Markdown, Hugo and Jekyll forms and the permalink of the
// current view, each in a read-only text box with a copy button; "Download
// SVG" and "Download PNG" save the timeline at the playhead (wasm only:
// share_wasm.go).
//
// Every exported field comes from validated state: Site satisfies
// course.ValidSite, the lesson's slug course.SlugPattern, the view's
// variant course.NamePattern (or "").
type ShareBox struct {
	app.Compo

	Site   string           // origin and prefix of links, e.g. "https://lanes.example/sub" ("" = relative)
	Lesson *course.Lesson   // the lesson
	Title  string           // plain text: the iframe's title
	State  course.ViewState // the page's view ("" variant = the default)
	Pos    int              // the playhead (events shown); Trace's length = the end
	Trace  *trace.Trace     // the run pictured by the downloads (nil: no downloads)
	// Snippets, when set, makes the forms of a view instead of the
	// lesson's (a shared program's page: course.ProgramSnippets).
	Snippets func(s course.ViewState) course.Snippets
	// Game, when set, is the dialog's option to embed the scheduler game
	// on the view's variant instead of its player ("" for none): its label.
	Game string

	// What the dialog's options changed (browser only).
	shown   bool // the dialog was opened: in the browser its forms are built from then on
	opt     embedOptions
	optSet  bool
	copied  string // the snippet just copied, for its button's label
	lastErr string
}

// embedOptions are the embed-only parts of a view the dialog can change.
type embedOptions struct {
	Theme    timeline.Theme
	Minimal  bool
	NoCode   bool
	Autoplay bool
	Game     bool // embed the scheduler game (sched=-)
}

// shareID is the id of the dialog (one per page).
const shareID = "lanes-share"

// view is the state the snippets share: the page's, at the playhead, with
// the dialog's options if withOpts (the permalink is the lesson page's own
// view: the embed options do not change it).
func (b *ShareBox) view(withOpts bool) course.ViewState {
	s := b.State
	if b.Trace != nil && b.Pos >= 0 && b.Pos < len(b.Trace.Events) {
		s.T = course.At(b.Pos)
	} else {
		s.T = course.End
	}
	if withOpts && b.optSet {
		s.Theme, s.Minimal, s.NoCode, s.Autoplay = b.opt.Theme, b.opt.Minimal, b.opt.NoCode, b.opt.Autoplay
		if b.opt.Game && b.Game != "" {
			s.Sched, s.T, s.Autoplay = "-", course.End, false
		}
	}
	return s
}

// snippetForm is one form of the current view the dialog offers.
type snippetForm struct{ key, label, text string }

// forms are the dialog's forms of the current view, in order.
func (b *ShareBox) forms() []snippetForm {
	snip := func(s course.ViewState) course.Snippets {
		if b.Snippets != nil {
			return b.Snippets(s)
		}
		return course.MakeSnippets(b.Site, b.Lesson.Slug, b.Title, s, course.DefaultEmbedHeight)
	}
	sn := snip(b.view(true))
	permalink := snip(b.view(false)).Permalink
	return []snippetForm{
		{"iframe", "HTML (any page, WordPress, Ghost)", sn.IFrame},
		{"markdown", markdownLabel(b.Snippets != nil), sn.Markdown},
		{"hugo", "Hugo shortcode", sn.Hugo},
		{"jekyll", "Jekyll include", sn.Jekyll},
		{"permalink", "Link to this view", permalink},
		{"script", "Auto-height script (once per page, optional)", course.AutoHeightScript},
	}
}

// markdownLabel: a lesson's Markdown is a picture, a program's a link.
func markdownLabel(program bool) string {
	if program {
		return "Markdown (a link here)"
	}
	return "Markdown (a picture linking here)"
}

// Render draws the buttons and the dialog. In the browser the dialog's
// options and forms are built once it has been opened (the dialog itself
// is there from the start, for its button): a page that is never shared
// does not build its ~50 elements at start, nor make its snippets again
// at every step of playback. The prerendered page has them all, so the
// dialog works before the app runs and without JavaScript.
func (b *ShareBox) Render() app.UI {
	return div("share",
		button("ctl share-open").Attr("popovertarget", shareID).Text("Embed…").OnClick(b.onOpen),
		app.If(b.Trace != nil, func() app.UI {
			return button("ctl dl-svg").Title("The timeline at the playhead, as an SVG file").Text("Download SVG").OnClick(b.onSVG)
		}),
		app.If(b.Trace != nil, func() app.UI {
			return button("ctl dl-png").Title("The timeline at the playhead, as a PNG at 2×").Text("Download PNG").OnClick(b.onPNG)
		}),
		app.If(b.lastErr != "", func() app.UI { return spanText("share-error", b.lastErr) }),
		// A modal dialog (WAI-ARIA): the popover focuses its heading as it
		// opens (autofocus), gives the focus back to the button when it
		// closes (Escape, Close, a click outside), and Tab stays inside
		// (the page's keys: trapTab).
		app.Div().ID(shareID).Class("share-dialog").Attr("popover", "auto").Role("dialog").Aria("modal", "true").
			Aria("labelledby", shareID+"-h").Body(
			app.H2().ID(shareID+"-h").Attr("tabindex", "-1").Attr("autofocus", true).Text("Embed this view"),
			app.If(b.shown || !app.IsClient, b.dialogBody).Else(func() app.UI { return pText("share-help", "…") }),
			button("ctl share-close").Attr("popovertarget", shareID).Attr("popovertargetaction", "hide").Text("Close"),
		),
	)
}

// onOpen builds the dialog's forms as the dialog opens.
func (b *ShareBox) onOpen(ctx app.Context, e app.Event) {
	if b.shown {
		ctx.PreventUpdate()
	}
	b.shown = true
}

// dialogBody is the dialog's options and forms.
func (b *ShareBox) dialogBody() app.UI {
	v := b.view(true)
	forms := b.forms()
	return div("share-body",
		pText("share-help", "Paste one of these into your post. With the auto-height script (the last box, once per page) the frame fits its content; without it, it is "+strconv.Itoa(course.DefaultEmbedHeight)+" px high."),
		div("share-options",
			app.Label().Body(
				app.Text("Theme "),
				app.Select().Class("share-theme").OnChange(b.onTheme).Body(
					app.Range(timeline.Themes).Slice(func(i int) app.UI {
						th := timeline.Themes[i].String()
						return option(th, th, v.Theme == timeline.Themes[i])
					}),
				),
			),
			b.check("share-minimal", "minimal controls", v.Minimal),
			b.check("share-nocode", "hide the code", v.NoCode),
			b.check("share-autoplay", "play on load", v.Autoplay),
			app.If(b.Game != "", func() app.UI { return b.check("share-game", b.Game, v.Sched != "") }),
		),
		app.Range(forms).Slice(func(i int) app.UI {
			f := forms[i]
			label := "Copy"
			if b.copied == f.key {
				label = "Copied ✓"
			}
			return div("snippet snippet-"+f.key,
				div("snippet-head",
					spanText("snippet-label", f.label),
					button("ctl copy").DataSet("snippet", f.key).Aria("label", "copy: "+f.label).Text(label).OnClick(b.onCopy),
				),
				// Raw: go-app would indent a textarea's prerendered text.
				app.Raw(`<textarea class="snippet-text" readonly rows="3" spellcheck="false" aria-label="`+
					timeline.EscapeHTML(f.label)+`">`+timeline.EscapeHTML(f.text)+`</textarea>`),
			)
		}),
	)
}

func (b *ShareBox) check(class, label string, on bool) app.UI {
	in := app.Input().Type("checkbox").Class(class).OnChange(b.onOption)
	if on {
		in = in.Checked(true)
	}
	return app.Label().Body(in, app.Text(" "+label))
}

// snippet returns the text of one form of the current view.
func (b *ShareBox) snippet(key string) string {
	for _, f := range b.forms() {
		if f.key == key {
			return f.text
		}
	}
	return ""
}

// setOption changes one dialog option (keys as the inputs' classes).
func (b *ShareBox) setOption(key string, checked bool, value string) {
	if !b.optSet {
		s := b.State
		b.opt = embedOptions{Theme: s.Theme, Minimal: s.Minimal, NoCode: s.NoCode, Autoplay: s.Autoplay, Game: s.Sched != ""}
		b.optSet = true
	}
	switch key {
	case "share-theme":
		if th, err := timeline.ParseTheme(value); err == nil {
			b.opt.Theme = th
		}
	case "share-minimal":
		b.opt.Minimal = checked
	case "share-nocode":
		b.opt.NoCode = checked
	case "share-autoplay":
		b.opt.Autoplay = checked
	case "share-game":
		b.opt.Game = checked
	}
	b.copied = ""
}

// shareBox is the page's ShareBox for the current view.
func (p *LessonPage) shareBox() app.UI {
	game := "the scheduler game instead (you pick who runs)"
	if c := p.variant.Challenge; c != nil {
		game = "the challenge instead: " + c.Task
	}
	return &ShareBox{Site: p.site, Lesson: p.lesson, Title: p.lesson.EmbedTitle(p.variant),
		State: p.state, Pos: p.pl.pos, Trace: p.run.Trace, Game: game}
}
