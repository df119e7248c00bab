package progmain

import (
	"fmt"
	"io"
	"strings"

	"lanes/sim"
	"lanes/timeline"
)

func (c *command) svg(args []string) int {
	fs := c.flags("svg")
	var rf runFlags
	rf.register(fs)
	theme := fs.String("theme", "auto", "colours: light, dark or auto (follows the reader's preference)")
	scale := fs.String("scale", "time", "x axis: time (virtual clock) or step (one slot per event)")
	width := fs.Float64("width", 960, "width of the picture in pixels")
	inFlight := fs.Bool("inflight", false, "add the in-flight track (semaphore or errgroup slots in use), as lessons about limiting concurrency show it")
	at := fs.Int("t", -1, "position to picture: events shown (caption and playhead); -1 = the end")
	if !c.parse(fs, args) {
		return 1
	}
	opts, err := rf.options(c.file, c.lim)
	if err != nil {
		fmt.Fprintf(c.stderr, "lanes svg: %v\n", err)
		return 1
	}
	eo := timeline.ExportOptions{Width: *width, At: *at, InFlight: *inFlight}
	if eo.Theme, err = timeline.ParseTheme(*theme); err == nil {
		eo.Scale, err = timeline.ParseScale(*scale)
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "lanes svg: %v\n", err)
		return 1
	}
	tr := sim.Run(c.prog, opts)
	io.WriteString(c.stdout, timeline.Export(tr, eo))
	first, _, _ := strings.Cut(Summary(tr), "\n")
	fmt.Fprintln(c.stderr, first)
	return 0
}
