package site

import (
	"strings"

	"lanes/sim/rewrite"
)

// The messages that refuse a program end with where the list of what a
// program may use lives (rewrite.SupportedHint): docs/cli.md and `go doc`,
// right for the command line, nowhere a web reader can go. On the web the
// list is on the page itself, its "What programs can Lanes run?" section
// (app's PlayPage.help), so the web's messages end there instead; the
// command line (lanes run, lanes build) keeps the hint as it is.

// pageSupportedHint is the web's ending of a refusal, in place of
// rewrite.SupportedHint.
const pageSupportedHint = "what Lanes supports: see “What programs can Lanes run?” at the end of the page"

// pageMessage is msg, a problem with a program as the build service words
// it, as the web shows it: the hint at its end points at the page.
func pageMessage(msg string) string {
	return strings.ReplaceAll(msg, rewrite.SupportedHint, pageSupportedHint)
}
