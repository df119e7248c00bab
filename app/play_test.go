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
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	p := &PlayPage{LessonPage: LessonPage{course: coursetest.New()}}
	p.setup(u.Path, u.Query())
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
		{"the playground", "/play", []string{"Your program", `class="play-editor"`, "worker %d done", "▶ Run", "Share"}, []string{"Program not found"}},
		{"Edit ✎ of a lesson", "/play?lesson=hello", []string{"Finished!"}, []string{"ignored", "worker %d done"}},
		{"an unknown lesson", "/play?lesson=nope", []string{"there is no lesson", "worker %d done"}, nil},
		{"a shared program, escaped", "/p/abc123", []string{"A Go program", "&lt;/pre&gt;&lt;script&gt;"}, []string{"<script>x"}},
		{"its embed", "/embed/p/abc123", []string{"open in Lanes", `href="/p/abc123"`, "&lt;/pre&gt;&lt;script&gt;"}, []string{"<script>x", `class="play-editor"`}},
		{"an unknown program", "/p/nope", []string{"Program not found"}, nil},
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

// A run's ending is said in words beside the timeline.
func TestPlayOutcomeNote(t *testing.T) {
	p := &PlayPage{LessonPage: LessonPage{course: coursetest.New()}}
	p.setup("/play", nil)
	p.setTrace(&trace.Trace{Version: trace.Version, Outcome: trace.Outcome{Exit: trace.ExitStepLimit, Steps: 20000}})
	if !strings.Contains(p.notice, "did not end within 20,000 steps") {
		t.Errorf("notice = %q", p.notice)
	}
}
