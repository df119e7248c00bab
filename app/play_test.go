package app

import (
	"net/url"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"lanes/course"
	"lanes/course/coursetest"
	"lanes/sim/trace"
	"lanes/timeline"
)

// renderPlay prerenders a program page as the server does.
func renderPlay(t *testing.T, rawURL string) (*PlayPage, string) {
	t.Helper()
	return renderPlayThen(t, rawURL, nil)
}

// renderPlayThen is renderPlay with then run on the page after its
// setup, before it is rendered.
func renderPlayThen(t *testing.T, rawURL string, then func(*PlayPage)) (*PlayPage, string) {
	t.Helper()
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	p := &PlayPage{LessonPage: LessonPage{course: coursetest.New()}}
	p.setup(u.Path, u.Query())
	if then != nil {
		then(p)
	}
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatalf("%s: Load: %v", rawURL, err)
	}
	e.ConsumeAll()
	return p, app.HTMLString(p)
}

func TestPlayPage(t *testing.T) {
	old := ProgramSource
	defer func() { ProgramSource = old }()
	ProgramSource = func(id string) (string, bool) {
		if id == "abc123" {
			return "package main\n\nfunc main() { println(\"</pre><script>x</script>\") }\n", true
		}
		return "", false
	}
	tests := []struct {
		desc     string
		url      string
		contains []string
		absent   []string
	}{
		{"the playground", "/play", []string{"Your program", `class="play-editor"`, "worker %d done", "▶ Run", "Share", "What can happen?", `class="explore-run"`}, []string{"Program not found"}},
		{"Edit ✎ of a lesson", "/play?lesson=hello", []string{"Finished!", "← back to “", `href="/lesson/hello"`}, []string{"ignored", "worker %d done"}},
		{"an unknown lesson", "/play?lesson=nope", []string{"there is no lesson", "worker %d done"}, nil},
		{"a shared program, escaped", "/p/abc123", []string{"A Go program", "&lt;/pre&gt;&lt;script&gt;"}, []string{"<script>x"}},
		{"its embed", "/embed/p/abc123", []string{"open in Lanes", `href="/p/abc123"`, "&lt;/pre&gt;&lt;script&gt;"}, []string{"<script>x", `class="play-editor"`, "What can happen?"}},
		{"a shared program explores too", "/p/abc123", []string{"What can happen?"}, nil},
		{"an unknown program", "/p/nope", []string{"Program not found"}, nil},
		{"a bad custom goal: a note, no crash", "/play?goal=%22%3E%3Cscript%3Ex&sched=01", []string{"ignored goal=", "worker %d done"}, []string{"<script>x"}},
		{"a custom goal", "/play?goal=leaks&sched=-", []string{"Your program", "worker %d done"}, []string{"ignored"}},
		{"not a program id", "/p/a-b", []string{"Program not found"}, nil},
	}
	for _, tc := range tests {
		_, html := renderPlay(t, tc.url)
		for _, w := range tc.contains {
			if !strings.Contains(html, w) {
				t.Errorf("%s: %s lacks %q", tc.desc, tc.url, w)
			}
		}
		for _, w := range tc.absent {
			if strings.Contains(html, w) {
				t.Errorf("%s: %s has %q", tc.desc, tc.url, w)
			}
		}
	}
}

func TestPlayLinks(t *testing.T) {
	tests := []struct {
		desc, url, kind string
		state           course.ViewState
		want            string
	}{
		{"play, another seed", "/play", course.KindLesson, course.ViewState{Seed: 7, Strategy: "random"}, "/play?seed=7&strategy=random"},
		{"play from a lesson keeps it", "/play?lesson=hello&variant=x", course.KindLesson, course.ViewState{Variant: "x", Seed: 7}, "/play?lesson=hello&variant=x&seed=7"},
		{"a shared program", "/p/abc", course.KindLesson, course.ViewState{T: course.At(3)}, "/p/abc?t=3"},
		{"its embed's open link", "/embed/p/abc", course.KindProgram, course.ViewState{}, "/p/abc"},
		{"its embed", "/embed/p/abc", course.KindEmbed, course.ViewState{Theme: timeline.ThemeDark}, "/embed/p/abc?theme=dark"},
		{"a custom goal's game", "/play?lesson=hello", course.KindLesson, course.ViewState{Sched: "01", Goal: `output "a\n"; exit ok`}, "/play?lesson=hello&sched=01&goal=output+%22a%5Cn%22%3B+exit+ok"},
	}
	for _, tc := range tests {
		u, _ := url.Parse(tc.url)
		p := &PlayPage{LessonPage: LessonPage{course: coursetest.New()}}
		p.setup(u.Path, u.Query())
		if got := p.link(tc.kind, tc.state); got != tc.want {
			t.Errorf("%s: link = %q, want %q", tc.desc, got, tc.want)
		}
	}
}

// A run's ending is said in words beside the timeline: the step limit as
// the console's last line gives it (the limit, not the 20,004 events
// recorded).
func TestPlayOutcomeNote(t *testing.T) {
	p := &PlayPage{LessonPage: LessonPage{course: coursetest.New()}}
	p.setup("/play", nil)
	p.setTrace(&trace.Trace{Version: trace.Version, Outcome: trace.Outcome{Exit: trace.ExitStepLimit, Steps: 20004, Code: 2, Stderr: "lanes: stopped after 20,000 steps\n"}})
	if !strings.Contains(p.notice, "did not end within 20,000 steps") || strings.Contains(p.notice, "20,004") {
		t.Errorf("notice = %q", p.notice)
	}
}

// Stop is not a failure: the page says it stopped, in a note, not in the
// red box of a program that could not run.
func TestPlayStopped(t *testing.T) {
	tests := []struct {
		desc  string
		phase string
	}{
		{desc: "while building", phase: "building"},
		{desc: "while running", phase: "running"},
	}
	for _, tt := range tests {
		p := &PlayPage{LessonPage: LessonPage{course: coursetest.New()}}
		p.setup("/play", nil)
		p.phase = tt.phase
		p.stopped()
		html := app.HTMLString(p.status())
		if !strings.Contains(html, "Stopped. Press Run to run it again.") || !strings.Contains(html, "play-notice") {
			t.Errorf("%s: status after Stop = %s, want the note", tt.desc, html)
		}
		if strings.Contains(html, "could not run") || strings.Contains(html, `role="alert"`) || p.message != "" || p.phase != "" {
			t.Errorf("%s: status after Stop = %s (message %q, phase %q), want no failure", tt.desc, html, p.message, p.phase)
		}
		if bar := app.HTMLString(p.bar()); !strings.Contains(bar, "▶ Run") {
			t.Errorf("%s: the bar after Stop offers no Run: %s", tt.desc, bar)
		}
		// With no run to show, the note alone: not a second box that
		// says to press Run too.
		if page := app.HTMLString(p); strings.Contains(page, `class="play-empty"`) {
			t.Errorf("%s: after Stop with no run, the page says twice to press Run", tt.desc)
		}
	}
}

// TestPlayReplayLink: "replay this" of an explored outcome stays on the
// program's page (the editor's program runs again in that view).
func TestPlayReplayLink(t *testing.T) {
	old := ProgramSource
	defer func() { ProgramSource = old }()
	ProgramSource = func(id string) (string, bool) { return "package main\n\nfunc main() {}\n", id == "abc123" }
	replay, ok := course.EncodeChoices([]int{0, 1, 0})
	if !ok {
		t.Fatal("EncodeChoices refused 0 1 0")
	}
	tests := []struct {
		desc, url string
		o         course.ExploreOutcome
		want      string
	}{
		{desc: "recorded choices on /play", url: "/play", o: course.ExploreOutcome{Replay: replay}, want: "/play?autoplay=1&replay=" + replay},
		{desc: "a seed on a shared program", url: "/p/abc123", o: course.ExploreOutcome{Strategy: "pct", Seed: 7}, want: "/p/abc123?seed=7&strategy=pct&autoplay=1"},
	}
	for _, tt := range tests {
		p, _ := renderPlay(t, tt.url)
		e := ExplorePanel{State: p.state, Link: func(s course.ViewState) string { return p.programLink(course.KindPlay, s) }}
		if got := e.replayLink(tt.o); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.desc, got, tt.want)
		}
	}
}

// TestProgramEmbedBox: a shared program's page has the lesson's Embed…
// dialog with the program's snippets, each escaped once for its form and
// once for the page; /play (nothing shared yet) has none.
func TestProgramEmbedBox(t *testing.T) {
	old := ProgramSource
	defer func() { ProgramSource = old }()
	ProgramSource = func(id string) (string, bool) { return "package main\n\nfunc main() {}\n", id == "abc123" }
	tests := []struct {
		desc, url string
		contains  []string
		absent    []string
	}{
		{desc: "a shared program", url: "/p/abc123?seed=5&strategy=pct",
			contains: []string{"Embed…", `&lt;iframe src=&#34;/embed/p/abc123?seed=5&amp;amp;strategy=pct`, `title=&#34;A Go program on Lanes&#34;`,
				"[A Go program on Lanes](/p/abc123?seed=5&amp;strategy=pct)", "{{&lt; lanes src=&#34;/embed/p/abc123", "Markdown (a link here)"}},
		{desc: "a bad query is not echoed", url: "/p/abc123?seed=%22%3E%3Cscript%3E&theme=%3Cb%3E",
			contains: []string{`&lt;iframe src=&#34;/embed/p/abc123&#34;`}, absent: []string{"<script>", "<b>"}},
		{desc: "the playground shares first", url: "/play", absent: []string{"Embed…"}},
	}
	for _, tt := range tests {
		_, html := renderPlay(t, tt.url)
		for _, w := range tt.contains {
			if !strings.Contains(html, w) {
				t.Errorf("%s: %s lacks %q", tt.desc, tt.url, w)
			}
		}
		for _, a := range tt.absent {
			if strings.Contains(html, a) {
				t.Errorf("%s: %s has %q", tt.desc, tt.url, a)
			}
		}
	}
}

// A refused program's message (as internal/site words it for the web)
// offers the page's "What programs can Lanes run?", where there is one.
func TestPlayHelpLink(t *testing.T) {
	const refused = "main.go:5:2: import \"net/http\" is not supported yet\nwhat Lanes supports: see “What programs can Lanes run?” at the end of the page"
	tests := []struct {
		desc, url, message string
		want               bool
	}{
		{desc: "a refusal on /play", url: "/play", message: refused, want: true},
		{desc: "a compile error", url: "/play", message: "main.go:6:14: cannot use \"five\" (untyped string constant) as int value in variable declaration"},
		{desc: "an embed has no such section", url: "/embed/p/abc123", message: refused},
	}
	for _, tt := range tests {
		u, _ := url.Parse(tt.url)
		p := &PlayPage{LessonPage: LessonPage{course: coursetest.New()}}
		p.setup(u.Path, u.Query())
		p.message = tt.message
		html := app.HTMLString(p.status())
		if got := strings.Contains(html, "play-help-open"); got != tt.want {
			t.Errorf("%s: a button to the section: %v, want %v (%s)", tt.desc, got, tt.want, html)
		}
		if !strings.Contains(app.HTMLString(p.help()), helpTitle) {
			t.Errorf("%s: the section is not titled %q", tt.desc, helpTitle)
		}
	}
}
