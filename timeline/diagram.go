package timeline

import (
	"math"
	"sort"

	"lanes/sim/trace"
)

// Scale chooses how event order and virtual time map to x.
type Scale uint8

const (
	// ScaleTime places events on the virtual clock, with instants expanded
	// (see the package doc).
	ScaleTime Scale = iota
	// ScaleStep places event k at the k-th of Events equal slots.
	ScaleStep
)

func (s Scale) String() string {
	if s == ScaleStep {
		return "step"
	}
	return "time"
}

// Options configure Layout. The zero value is usable.
type Options struct {
	Scale      Scale
	Width      float64  // whole picture, px (default 960)
	LabelWidth float64  // lane label column, px (default LabelWidthFor(Width))
	LaneHeight float64  // px per lane (default 26)
	Height     float64  // fit: lanes and tracks grow (up to maxGrow×) so the picture is about this high; 0: natural
	MaxHeight  float64  // fit: lanes and tracks shrink (down to minShrink×) so the picture is at most about this high; 0: no limit
	MaxLanes   int      // goroutine lanes before the rest collapse into group lanes (default 200, minimum 2)
	Fold       int      // a kind of goroutine with more than this many folds into a group lane (default 8; <0: never)
	Expand     []string // kinds (Lane.Key) not to fold
	Window     Window   // the part of the run shown (zoom.go); zero: all of it
	MaxTracks  int      // WaitGroup counter tracks at most (default 8)
	InFlight   bool     // add the "in flight" track
	Caption    string   // optional text line above the lanes (e.g. "main.go:12 worker 2: wg.Done()")
	NoLegend   bool     // leave out the legend under the axis
}

func (o Options) withDefaults() Options {
	if o.Width <= 0 {
		o.Width = 960
	}
	if o.LabelWidth <= 0 {
		o.LabelWidth = LabelWidthFor(o.Width)
	}
	if o.LaneHeight <= 0 {
		o.LaneHeight = 26
	}
	if o.MaxLanes <= 0 {
		o.MaxLanes = 200
	}
	if o.MaxLanes < 2 {
		o.MaxLanes = 2
	}
	if o.Fold == 0 {
		o.Fold = defaultFold
	}
	if o.MaxTracks <= 0 {
		o.MaxTracks = 8
	}
	if min := o.LabelWidth + rightPadFor(o.Width) + 100; o.Width < min {
		o.Width = min
	}
	return o
}

// LabelWidthFor is the lane label column of a picture w px wide: 176 px
// from 720 px up, narrower below, at least 100 px (a phone's column):
// the plot keeps most of a narrow picture.
func LabelWidthFor(w float64) float64 {
	return min(176, max(100, math.Round(w*0.245)))
}

// rightPadFor is the room right of the plot for the "leaked" and "exit"
// labels: less on a narrow picture.
func rightPadFor(w float64) float64 {
	if w < 560 {
		return 52
	}
	return 64
}

// Diagram is a laid-out timeline: every shape with its coordinates (px,
// origin top left) and the range of event Seqs it covers.
type Diagram struct {
	Width, Height float64
	Shrunk        float64 `json:",omitempty"` // px the lanes and tracks gave up for Options.MaxHeight (0: none)
	Left, Right   float64 // x range of the plot area
	Top           float64 // y of the first lane
	Scale         Scale
	Window        Window `json:"-"` // the part of the run shown (zoom); zero: all
	Caption       string
	Title         string // one-line summary (aria-label)
	Events        int    // number of events laid out
	Lanes         []Lane
	Tracks        []Track
	Arrows        []Arrow
	Exit          *ExitLine `json:",omitempty"`
	Axis          Axis
	Legend        []LegendItem `json:",omitempty"`

	xs []float64 // x of every event, increasing
}

// LaneKind tells goroutine lanes from group lanes and the clock row.
type LaneKind string

// Lane kinds.
const (
	LaneGoroutine LaneKind = "goroutine"
	LaneGroup     LaneKind = "group" // several goroutines collapsed into one lane
	LaneClock     LaneKind = "clock" // events done by no goroutine: timers, deadlines
)

// End says how a lane ends.
type End string

// Lane ends.
const (
	EndNone   End = ""       // still alive when the trace stops (unfinished run)
	EndDone   End = "done"   // the goroutine returned
	EndKilled End = "killed" // alive at exit: cut
	EndLeaked End = "leaked" // alive at exit and could never have finished
)

// Lane is one row.
type Lane struct {
	Kind     LaneKind
	G        trace.GoID `json:",omitempty"` // goroutine lanes
	Members  int        `json:",omitempty"` // group lanes: how many goroutines
	Key      string     `json:",omitempty"` // folded group lanes: the kind (Options.Expand)
	Expanded bool       `json:",omitempty"` // folded group lanes: the first of the kind have their own lanes
	Label    string
	Title    string // hover text of the label
	Y, H     float64
	Segments []Segment    `json:",omitempty"`
	Markers  []Marker     `json:",omitempty"`
	End      End          `json:",omitempty"`
	EndX     float64      `json:",omitempty"`
	EndSeq   int          `json:",omitempty"`
	EndText  string       `json:",omitempty"` // why it leaked
	Stack    []StackPoint `json:",omitempty"` // group lanes: members by state over time
	StackMax int32        `json:",omitempty"` // group lanes: most members alive at once
	Done     int          `json:",omitempty"` // group lanes: members that returned
	Cut      int          `json:",omitempty"` // group lanes: members killed or leaked at exit
}

// Mid is the y of the lane's centre line.
func (l *Lane) Mid() float64 { return l.Y + l.H/2 }

// Segment is a stretch of one state. Seq0 is the state change that began
// it, Seq1 the one that ended it.
type Segment struct {
	State      trace.State
	X0, X1     float64
	Seq0, Seq1 int
	On         string `json:",omitempty"` // blocked: the object's name
	Why        string `json:",omitempty"` // blocked: on what ("chan receive"); sleeping: "time.Sleep(1s)"
	Merged     int    `json:",omitempty"` // >1: this many sub-pixel segments merged; State is the widest
}

// MarkKind is the kind of a marker, and its CSS class suffix.
type MarkKind string

// Marker kinds.
const (
	MarkGo      MarkKind = "go"
	MarkAdd     MarkKind = "add"
	MarkDone    MarkKind = "done"
	MarkWait    MarkKind = "wait"
	MarkReturn  MarkKind = "return" // Wait returned
	MarkPrint   MarkKind = "print"
	MarkPanic   MarkKind = "panic"
	MarkRecover MarkKind = "recover"
	MarkCancel  MarkKind = "cancel"
	MarkAcquire MarkKind = "acquire" // semaphore/errgroup slot, Lock, RLock
	MarkRelease MarkKind = "release" // and Unlock, RUnlock
	MarkSend    MarkKind = "send"
	MarkRecv    MarkKind = "recv"
	MarkClose   MarkKind = "close"
	MarkSelect  MarkKind = "select"
	MarkTimer   MarkKind = "timer"
	MarkOnce    MarkKind = "once"
)

// Marker is an instant on a lane or track.
type Marker struct {
	Kind       MarkKind
	X, Y       float64
	X1         float64 `json:",omitempty"` // MarkMany: the x of the last marker aggregated
	Seq0, Seq1 int
	Count      int    `json:",omitempty"` // >1: this many markers less than a pixel apart merged
	CountAt    int    `json:",omitempty"` // the last event Label's " ×N" counts (0: Seq1): the count is drawn from there on
	Label      string `json:",omitempty"` // short text drawn beside it ("+2"); MarkMany: its kinds ("go:997 add:997")
	Title      string // hover text
}

// Arrow links two lanes: a go statement to the child's start, or a send to
// the matching receive.
type Arrow struct {
	Kind           MarkKind // MarkGo or MarkSend
	X0, Y0, X1, Y1 float64
	Seq0, Seq1     int
	Title          string
}

// TrackKind says what a counter track counts.
type TrackKind string

// Track kinds.
const (
	TrackWaitGroup TrackKind = "waitgroup"
	TrackInFlight  TrackKind = "inflight"
)

// Track is a step chart under the lanes.
type Track struct {
	Kind   TrackKind
	Label  string
	Title  string
	Y, H   float64
	Max    int64
	Points []Point  // the value is V from X until the next point
	Marks  []Marker `json:",omitempty"` // Wait returned
}

// Point is one step of a step chart.
type Point struct {
	X   float64
	Seq int
	V   int64
}

// ExitLine is the program's end, across all lanes.
type ExitLine struct {
	X     float64
	Seq   int
	Label string
	Title string
}

// Axis is the time (or step) axis at the bottom.
type Axis struct {
	Y        float64
	Label    string // "virtual time" or "step"
	Ticks    []Tick
	Instants []Instant `json:",omitempty"` // ScaleTime: expanded instants with several events
}

// LegendItem is one entry of the legend: a sample of a state, an end or a
// marker kind (Key: "running", "runnable", "blocked", "sleeping", "end-done",
// "killed", "leaked" or a MarkKind) at (X, Y), then its Label.
type LegendItem struct {
	Key   string
	Label string
	X, Y  float64
}

// Tick is a labelled position on the axis.
type Tick struct {
	X     float64
	Label string
}

// Instant is a virtual instant at which several events happened, expanded
// to [X0, X1].
type Instant struct {
	X0, X1     float64
	Label      string `json:",omitempty"` // "40 events at 10ms" when it fits under the bracket
	Time       trace.Time
	Seq0, Seq1 int
	// Instants > 1: this many instants less than a few pixels apart,
	// from Time to Until, drawn as one bracket.
	Instants int        `json:",omitempty"`
	Until    trace.Time `json:",omitempty"`
}

// Bottom is the y where the last lane or track ends (Top if there are
// none): how far down a playhead reaches.
func (d *Diagram) Bottom() float64 {
	b := d.Top
	for _, ln := range d.Lanes {
		b = max(b, ln.Y+ln.H)
	}
	for _, tr := range d.Tracks {
		b = max(b, tr.Y+tr.H)
	}
	return b
}

// X returns the x of event seq: the playhead position for step seq.
// Before the first event it is Left; after the last, the last event's x.
func (d *Diagram) X(seq int) float64 {
	if seq < 0 || len(d.xs) == 0 {
		return d.Left
	}
	if seq >= len(d.xs) {
		return d.xs[len(d.xs)-1]
	}
	return d.xs[seq]
}

// Seq returns the last event whose x is at most x (0 left of everything):
// Seq(X(k)) == k for every event k.
func (d *Diagram) Seq(x float64) int {
	i := sort.Search(len(d.xs), func(i int) bool { return d.xs[i] > x })
	if i == 0 {
		return 0
	}
	return i - 1
}
