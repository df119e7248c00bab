package app

import (
	"strings"
	"testing"

	"lanes/course"
	"lanes/course/coursetest"
)

func TestShareBoxRendered(t *testing.T) {
	slug := "hello"
	checkPages(t, []pageCase{
		{desc: "lesson page has the Embed dialog and downloads", url: "/lesson/" + slug + "?seed=4&t=3",
			contains: []string{`popovertarget="lanes-share"`, `id="lanes-share"`, `popover="auto"`, "Download SVG", "Download PNG",
				"/embed/" + slug + "?seed=4&amp;amp;t=3", "Hugo shortcode", "Jekyll include"}},
		{desc: "embed page has no dialog but reports its height", url: "/embed/" + slug,
			contains: []string{"lanes-height"}, absent: []string{"lanes-share", "Download SVG"}},
		{desc: "nothing unvalidated in the dialog", url: "/lesson/" + slug + `?variant="><script>x</script>&t=<img>`,
			absent: []string{"<script>x", "<img>", "variant=&amp;#34;", "t=&lt;img"}},
	})
}

// TestShareBoxGame: the Embed… dialog's game option makes every snippet
// embed the scheduler game (sched=-) on the view's variant; unchecked, or
// on a page without the option, they embed the player.
func TestShareBoxGame(t *testing.T) {
	c := coursetest.New()
	l, _ := c.Lesson("hello")
	tests := []struct {
		desc  string
		game  string
		check bool
		want  bool // the iframe plays the game
	}{
		{desc: "option checked", game: "the challenge instead", check: true, want: true},
		{desc: "option unchecked", game: "the challenge instead", check: false, want: false},
		{desc: "no option (a program's page)", game: "", check: true, want: false},
	}
	for _, tt := range tests {
		b := &ShareBox{Site: "https://lanes.example", Lesson: l, Title: "t", State: course.ViewState{Variant: "leaky"}, Game: tt.game}
		b.setOption("share-game", tt.check, "")
		iframe, link := b.snippet("iframe"), b.snippet("permalink")
		if got := strings.Contains(iframe, "sched=-"); got != tt.want || !strings.Contains(iframe, "/embed/hello?") {
			t.Errorf("%s: iframe %q: plays the game %v, want %v", tt.desc, iframe, got, tt.want)
		}
		if strings.Contains(link, "sched=") {
			t.Errorf("%s: the permalink %q changed with the embed option", tt.desc, link)
		}
	}
}
