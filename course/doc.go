// Package course is the course as data and behaviour, for the pages (package
// lanes/app), the site (lanes/internal/site) and their tests. It never
// imports go-app, syscall/js or net/http.
//
// # Terms
//
//   - A Lesson is a text (trusted HTML rendered at build time) and its
//     Variants: runnable programs, each a shown source and the Main of its
//     simulated twin. A variant may have a slider (Lesson.Slider): hidden
//     twins of the program that differ in one constant. What a lesson's
//     pages show besides the player comes from its front matter: Tracks
//     (TrackInFlight) and Panels (PanelMemory); a Heavy variant has many
//     goroutines. The generated registry (lanes/app/lessons/registry) is a
//     []Lesson; tests use a small one of their own (course/coursetest).
//   - A ViewState is everything a page URL says about the view: variant,
//     schedule (Replay, or Strategy and Seed), playhead (Pos), theme,
//     controls, code, x scale. Its zero value is the default view.
//     ParseViewState never fails: bad values fall back with a note.
//   - The URL scheme: PagePath and ParsePagePath for /lesson/SLUG and
//     /embed/SLUG, ViewState.URL and Query for the view, PicturePath for
//     /svg/SLUG.svg.
//   - A Course serves a []Lesson: Run runs a variant the way a view asks
//     and returns its Drawing (the timeline as one SVG string and the
//     playhead's x at every step), cached; Thumb is the gallery's small
//     timeline, drawn on first use; Picture is the view's standalone
//     picture ("Download SVG", /svg/); Explore answers "What can happen?"
//     (ExploreRequest, ExploreResult).
//   - The scheduler game ("you are the scheduler"): Play runs a variant
//     as far as the reader's choices go and stops at the next decision
//     (Game: who may run, Undo, whether the run won); the choices ride in
//     ViewState.Sched (EncodeSched). A variant's Challenge (from its
//     front matter) is a task and a Goal over how the run ends
//     (ParseGoal's closed set of conditions); a fixed variant offers the
//     same goal with the bounded search's figure (Challenge.Impossible).
//     Best is the fewest picks and preemptions known to win.
//   - Snippets are the ways to share a view (iframe, Markdown, Hugo,
//     Jekyll, permalink), built by MakeSnippets from a site URL (ValidSite).
//
// Runs are deterministic (same program, schedule and seed: the same
// trace), which is what makes caching them, replaying an outcome from its
// seed or choices, and prerendering a page on the server all agree with
// what the browser shows.
package course
