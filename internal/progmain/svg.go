package progmain

import (
	"fmt"
	"io"
	"strings"

	"lanes/app/timeline"
	"lanes/sim"
)

func (c *command) svg(args []string) int {
	fs := c.flags("svg")
	var rf runFlags
	rf.register(fs)
	theme := fs.String("theme", "auto", "colours: light, dark or auto (follows the reader's preference)")
	scale := fs.String("scale", "time", "x axis: time (virtual clock) or step (one slot per event)")
	width := fs.Float64("width", 960, "width of the picture in pixels")
	at := fs.Int("t", -1, "position to picture: events shown (caption and playhead); -1 = the end")
	if !c.parse(fs, args) {
		return 1
	}
	opts, err := rf.options(c.file, c.lim)
	if err != nil {
		fmt.Fprintf(c.stderr, "lanes svg: %v\n", err)
		return 1
	}
	eo := timeline.ExportOptions{Width: *width, At: *at}
	switch *theme {
	case "auto":
		eo.Theme = timeline.ThemeAuto
	case "light":
		eo.Theme = timeline.ThemeLight
	case "dark":
		eo.Theme = timeline.ThemeDark
	default:
		fmt.Fprintf(c.stderr, "lanes svg: unknown theme %q (want light, dark or auto)\n", *theme)
		return 1
	}
	switch *scale {
	case "time":
		eo.Scale = timeline.ScaleTime
	case "step":
		eo.Scale = timeline.ScaleStep
	default:
		fmt.Fprintf(c.stderr, "lanes svg: unknown scale %q (want time or step)\n", *scale)
		return 1
	}
	tr := sim.Run(c.prog, opts)
	io.WriteString(c.stdout, timeline.Export(tr, eo))
	first, _, _ := strings.Cut(Summary(tr), "\n")
	fmt.Fprintln(c.stderr, first)
	return 0
}
