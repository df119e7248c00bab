package app

// A program page's program and still, inlined in its prerendered HTML for
// the app to read at once. go-app's first render in the browser replaces
// the prerendered page with the component's own; before, a shared
// program's page (/p/ID, /embed/p/ID) rendered empty there (no program
// yet: it was fetched after the mount, then its still) and showed an empty
// editor and "Press Run" for most of a second before the run came back.
// Now the prerender carries, as JSON the browser never executes,
//
//	<script type="application/json" id="lanes-program">{"id","source","message"}</script>
//	<script type="application/json" id="lanes-still">the still's trace</script>
//
// (the second only when the page has a still with a trace of at most
// maxInlineStill bytes; a bigger one is fetched from /play/still/ID.json
// as before), and the app's OnInit reads them (play_inline_wasm.go), so
// that its first render shows what the prerender showed: the program,
// and the still's run, live. When the view asks for another run (a seed,
// a strategy, a replay, a game) the still stands in until that run is
// drawn. The writer is play_inline_other.go.

// Element ids of the inlined data.
const (
	inlineProgramID = "lanes-program"
	inlineStillID   = "lanes-still"
)

// maxInlineStill bounds the inlined still's JSON (about 8,000 events): a
// bigger run is fetched as a file instead of weighing on every page load.
const maxInlineStill = 512 << 10

// inlineProgram is what #lanes-program holds.
type inlineProgram struct {
	ID      string `json:"id"`
	Source  string `json:"source"`
	Message string `json:"message,omitempty"` // why the still has no run (it does not compile…)
}
