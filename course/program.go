package course

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"lanes/sim"
	"lanes/sim/trace"
	"lanes/timeline"
)

// Your own program: the /play page (an editor beside a lesson's player),
// /p/ID (a shared program) and /embed/p/ID. The program is built into a
// program module on the server and run in the reader's browser; the pages
// draw its trace as a lesson page draws a variant's.
//
//	/play                  the editor, with DefaultProgram
//	/play?lesson=S&variant=V  the editor with a lesson variant's program ("Edit ✎")
//	/p/ID, /embed/p/ID     a shared program (ID matches ProgramIDPattern)
//
// Every page also takes a lesson page's view state (seed, strategy, t,
// theme, …; ParseViewState).

// Kinds of program pages.
const (
	KindPlay    = "play"
	KindProgram = "p"
	// KindEmbed (embed/p/ID) is a lesson embed's kind.
)

// ProgramIDPattern is what a program page's id must match: a shared
// program's id (base62) or the name of a program of `lanes serve
// -programs DIR` (its file name without .go).
var ProgramIDPattern = Pattern{alnum, alnum + "_-", 63, `^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$`}

// ParseProgramPath splits a program page's path: ("play", ""), ("p", id)
// or ("embed", id); ok is false for any other path.
func ParseProgramPath(path string) (kind, id string, ok bool) {
	switch {
	case path == "/play":
		return KindPlay, "", true
	case strings.HasPrefix(path, "/p/"):
		id = strings.TrimPrefix(path, "/p/")
		kind = KindProgram
	case strings.HasPrefix(path, "/embed/p/"):
		id = strings.TrimPrefix(path, "/embed/p/")
		kind = KindEmbed
	default:
		return "", "", false
	}
	if !ProgramIDPattern.MatchString(id) {
		return "", "", false
	}
	return kind, id, true
}

// ProgramURL is the page of a program in a view: /play, /p/ID or
// /embed/p/ID with the view's query (id is validated: ParseProgramPath).
func ProgramURL(kind, id string, s ViewState) string {
	switch kind {
	case KindProgram:
		return withQuery("/p/"+id, s.Query())
	case KindEmbed:
		return withQuery("/embed/p/"+id, s.Query())
	}
	return withQuery("/play", s.Query())
}

// EditURL is "Edit ✎" of a lesson's variant: /play with its program.
func EditURL(slug, variant string) string {
	q := "lesson=" + url.QueryEscape(slug)
	if variant != "" {
		q += "&variant=" + url.QueryEscape(variant)
	}
	return "/play?" + q
}

// ParsePlayQuery reads /play's query: the lesson whose program to edit
// ("" for none; matches SlugPattern) and the view state, with notes for
// what it ignored. Only here does the view state have a Goal (goal=: the
// scheduler game's custom goal, which GoalChallenge accepts; with sched=
// the game's choices).
func ParsePlayQuery(q url.Values) (lesson string, s ViewState, notes []string) {
	rest := url.Values{}
	for k, v := range q {
		if k != "lesson" && k != "goal" {
			rest[k] = v
		}
	}
	s, notes = ParseViewState(rest)
	if vs, ok := q["goal"]; ok && len(vs) > 0 {
		if _, err := GoalChallenge(vs[0]); err != nil {
			notes = append(notes, fmt.Sprintf("ignored goal=%s: %v: the program runs without the game", QuoteShort(vs[0]), err))
		} else {
			s.Goal = vs[0]
		}
	}
	if v := q.Get("lesson"); v != "" {
		if SlugPattern.MatchString(v) {
			lesson = v
		} else {
			notes = append(notes, fmt.Sprintf("ignored lesson=%s: not a lesson", QuoteShort(v)))
		}
	}
	return lesson, s, notes
}

// ProgramFile is the shown name of a reader's program.
const ProgramFile = "main.go"

// ProgramLesson is a lesson of one variant: a reader's program, to show
// with a lesson's player.
func ProgramLesson(title, src string) *Lesson {
	return &Lesson{Slug: "play", Title: title, Variants: []Variant{{Name: "main", Title: title, Default: true, File: ProgramFile, Code: src}}}
}

// OutcomeNote says in words how a run ended when that is worth saying
// beside the timeline (a deadlock, a panic, a run stopped at a limit…);
// "" for a program that simply returned from main.
func OutcomeNote(o trace.Outcome) string {
	switch o.Exit {
	case trace.ExitDeadlock:
		return "Deadlock: every goroutine was blocked and nothing could wake them, so Go stopped the program (fatal error: all goroutines are asleep)."
	case trace.ExitPanic:
		return "The program panicked: the console shows Go's message, the timeline where it happened."
	case trace.ExitFatal:
		return "The program ended with a fatal error: the console shows Go's message."
	case trace.ExitOS:
		return fmt.Sprintf("The program called os.Exit(%d).", o.Code)
	case trace.ExitStepLimit:
		within := "Lanes's step limit"
		if n := sim.StepLimitOf(o); n > 0 {
			within = sim.Thousands(n) + " steps" // as the console's last line says it
		}
		// True of a program that never ends and of one that would, later
		// (it prints 200,000 lines): the limit stops both.
		return "The program did not end within " + within + ": Lanes stops every run there, one that would never end (a loop with no way out, a goroutine that waits forever while others keep running) as well as one that would end later. The timeline shows the run up to that point."
	case trace.ExitOutputLimit:
		return "The program printed more than Lanes keeps (1 MB), so it was stopped there: the timeline shows the run up to that point."
	case trace.ExitCancelled:
		return "The run was stopped before it ended."
	}
	return ""
}

// DefaultProgram is /play's program until the reader writes their own:
// three workers, a WaitGroup and a channel.
const DefaultProgram = `package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make(chan string)
	var wg sync.WaitGroup
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- fmt.Sprintf("worker %d done", i)
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	for r := range results {
		fmt.Println(r)
	}
}
`

// ProgramTitle is the title of a program page's embed (its iframe's
// title attribute, its oEmbed title).
const ProgramTitle = "A Go program on Lanes"

// ProgramSnippets are the ways to share a program page: its permalink,
// its embed page, and the embed as an iframe, a Markdown link, a Hugo
// shortcode and a Jekyll include, as a lesson's (MakeSnippets). site must satisfy
// ValidSite and id ProgramIDPattern, else the zero value.
func ProgramSnippets(site, id string, s ViewState) Snippets {
	return ProgramSnippetsAt(site, id, s, DefaultEmbedHeight)
}

// ProgramSnippetsAt is ProgramSnippets with an iframe height other than
// DefaultEmbedHeight (oEmbed's maxheight); height <= 0 is the default.
func ProgramSnippetsAt(site, id string, s ViewState, height int) Snippets {
	if !ValidSite(site) || !ProgramIDPattern.MatchString(id) {
		return Snippets{}
	}
	if height <= 0 {
		height = DefaultEmbedHeight
	}
	sn := Snippets{Permalink: site + ProgramURL(KindProgram, id, s), EmbedURL: site + ProgramURL(KindEmbed, id, s)}
	t := ProgramTitle
	h := strconv.Itoa(height)
	sn.IFrame = `<iframe src="` + timeline.EscapeHTML(sn.EmbedURL) + `" title="` + t +
		`" width="100%" height="` + h + `" loading="lazy" style="border:0;max-width:100%" class="lanes-embed" sandbox="` +
		EmbedSandbox + `"></iframe>`
	sn.Markdown = "[" + t + "](" + sn.Permalink + ")" // no picture of a program: a link
	sn.Hugo = `{{< lanes src="` + sn.EmbedURL + `" title="` + t + `" height="` + h + `" >}}`
	sn.Jekyll = `{% include lanes.html src="` + sn.EmbedURL + `" title="` + t + `" height="` + h + `" %}`
	return sn
}
