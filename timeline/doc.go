// Package timeline draws a trace (package lanes/sim/trace) as a timeline:
// one lane per goroutine, state segments, markers, arrows, counter tracks,
// the program's exit and a time axis. It has two halves:
//
//   - Layout(trace, Options) *Diagram is a pure function: shapes with
//     coordinates and the event Seqs they cover, no drawing. The same trace
//     and options always give the same Diagram.
//   - SVG(diagram, SVGOptions) string renders a Diagram as one
//     self-contained <svg> element, byte-identical for identical input.
//
// Caption(trace, seq) describes one event in words, for the player and for
// downloaded pictures; Describe(trace, seq) gives the player's hover card
// (who, what, line, objects, time). The picture's semantics live here too: where the
// playhead is after pos events (PlayheadX), the names of themes and scales
// (ParseTheme, ParseScale), and Export, the one standalone picture of a run
// at a position (with the in-flight track when the page shows it). The package imports only sim/trace and the standard
// library (never go-app), so the server, the CLI and the browser share it.
//
// # Coordinates
//
// Pixels, origin at the top left: a page shows the picture unscaled, at
// the width it was laid out for (its box's), so no text is under 11 px.
// Width is Options.Width (default 960). Lane labels take the left column
// [0, Left), LabelWidthFor(Width) unless given (176 px, down to 100 on a
// phone); the plot is [Left, Right], and 64 px right of it (52 on a
// narrow picture) stay free for "leaked" labels. From the top: the
// optional caption line, the counter tracks (44 px each), the lanes
// (LaneHeight each, default 26; a group lane three times that), the axis,
// then the legend. Options.Height grows the tracks and lanes (up to
// 1.8×, bars thicker) so the picture fills a height; Options.MaxHeight
// shrinks them (down to 0.75×, the bars kept) so it fits a short frame,
// and Diagram.Shrunk (the SVG's data-shrunk) says by how much. No two texts
// overlap (TextBoxes and Collisions check it in the tests, at widths
// from a phone's to 1200 px). LabelsSVG is the label column alone, for a
// page to keep in view over a picture that scrolls sideways.
//
// # The x axis
//
// Every event k has one x, Diagram.X(k), strictly increasing with k, so
// "everything up to step k" is everything left of X(k), and
// Diagram.Seq(x) is the inverse (the last event at or left of x).
//
//   - ScaleStep: the plot is cut into one equal slot per event; X(k) is the
//     centre of slot k. Ticks are labelled with event numbers.
//   - ScaleTime: virtual time, with instants expanded. Events that share
//     a virtual time form an instant; an instant of n events is n slots
//     wide (all slots the same width) and its events sit at their slots'
//     centres, in Seq order, so nothing at the same instant overlaps.
//     Instants take at most 60% of the plot (8 px per event while that
//     fits); the rest is shared by the gaps between instants, in proportion
//     to the virtual time that passes: time is linear between instants.
//     A run where no time passes is one instant at 0: one tick, "0", and
//     one bracket under the whole run, "no time passes: all 12 events at 0".
//     Ticks at round virtual times ("0", "500ms", "1s", "1.5s") sit at the
//     start of their instant, or in proportion inside a gap; ticks closer
//     than 44 px to the previous one are dropped. Each expanded instant of
//     several events, where no time passes, is drawn as a bracket under
//     the axis labelled "43 events at 0" where the label fits (axis.go).
//   - Options.Window zooms into part of the run (zoom.go); a run of
//     markers closer than 3 px is one "many events" band (lod.go).
//
// # Lanes
//
// The counter and in-flight tracks come first, pinned above the lanes.
// main first, then the other goroutines in spawn order, labelled
// "name (line N)" (N: the line of the go statement); goroutines sharing a
// name are numbered in spawn order ("worker 1", "worker 2"), in labels and
// captions alike. Goroutines of one go statement beyond Options.Fold
// (10) fold into one group lane, "×997 query (line 30)", drawn as a
// stacked chart of their states (fold.go). Beyond Options.MaxLanes (default 200), the remaining
// goroutines collapse into group lanes, one per name (at most 4; the last
// takes every other name), labelled "+N more name", which draw only how
// many of their members are alive (a step chart) — no markers or arrows.
// Events done by no goroutine (a timer firing, a deadline cancelling a
// context) get a "clock" lane at the bottom.
//
// # Segments (a lane's states)
//
// A segment runs from the state change that began it (Seq0) to the one
// that ended it (Seq1), x from X(Seq0) to X(Seq1):
//
//   - running: a solid bar (blue);
//   - runnable: a thin line (light blue) — could run, waiting for its turn;
//   - blocked: a hatched bar (vermillion); its title says on what ("chan
//     receive") and which object ("jobs");
//   - sleeping: a dashed outline (green); its title gives the time.Sleep.
//
// The lane then ends: done is a short vertical bar; killed at exit is a
// zig-zag cut; leaked is a zig-zag cut in reddish purple followed by the
// word "leaked" (its title gives the reason). A lane with no end was still
// alive when the trace stopped. Runs of segments narrower than a pixel
// merge into one (Merged > 1) drawn in the state that covers most of it.
//
// # Markers
//
// Drawn on the lane of the goroutine that did the event, each a distinct
// shape (colour is never the only cue), with the event's caption as hover
// title: go (dot, plus an arrow to the child's first state change), Add
// (up triangle, label "+n"), Done (down triangle, label "Done"), Wait
// (hollow diamond, label "Wait"), Wait returns (filled diamond), print
// (speech bubble; the text in the title), panic (big triangle, "panic"),
// recover (hollow circle), cancel (cross), acquire / Lock (filled square),
// release / Unlock (hollow square), send (filled right triangle), receive
// (hollow right triangle), close (slashed circle), select (small diamond),
// timer (clock face), once (small dot). A send or receive whose Peer is set
// (a direct hand-over) adds a dashed arrow from the sender's event to the
// matching receive (same channel and goroutines, paired in order).
// Markers of one kind less than a pixel apart in a lane merge (Count).
//
// # Tracks
//
// One counter track per WaitGroup, above the lanes (at most Options.MaxTracks, default 8),
// from its first Add, Done or Wait (a WaitGroup that only saw Wait shows a
// flat 0): a step chart of the counter (the Value of each Add/Done), with a
// diamond where a Wait returned. With Options.InFlight, an "in flight" track: the
// semaphore/errgroup slots in use (sum over objects of the in-use Value of
// acquire and release events) when the trace has any, else the number of
// goroutines alive besides main. A dashed "exit" line at the exit event
// crosses every lane and track.
//
// # SVG
//
// One <svg> element with role="img", an aria-label and a <title> (the
// summary), an inline <style> (no external fonts or files), scoped to the
// root class "lanes-tl" so it never styles a host page. Theme: ThemeAuto
// follows prefers-color-scheme through a media query in the style;
// ThemeLight and ThemeDark force one. The palette is Okabe–Ito. Every
// shape that shows an event carries data-seq (its first event) and, when
// it covers several, data-end (its last), so a player can reveal
// everything up to the playhead. All trace text is untrusted: it is
// escaped, and characters XML forbids become U+FFFD. Numbers are written
// with one decimal, so the output is stable. Ids (hatch pattern,
// arrowheads) start with SVGOptions.IDPrefix (default "lanes").
package timeline
