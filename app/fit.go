package app

import (
	"lanes/course"
)

// The timeline is laid out at the width of its box, so that one unit of
// the SVG is one CSS pixel and its 11 px texts are read at 11 px on a
// phone, in an embed and beside the code (issue 14). The server cannot
// measure: it draws at course.Width, the box's width at the common
// desktop layout, and the page's CSS never scales the picture down. In
// the browser the page measures the box (fit_wasm.go) and lays the run
// out again at its width, and, beside the code, with the lanes grown to
// fill the column's height; in a narrow embed, whose code is under the
// timeline, with them shrunk so that a few lines of the code still show
// in a short frame.

// fitBox is the timeline's box as the browser measured it (zero: not
// measured, as on the server).
type fitBox struct {
	w    float64 // the box's inner width, CSS px
	h    float64 // the height the picture may fill (0: its natural height)
	most float64 // the height the picture must fit in (0: no limit)
}

// fitted is r laid out for the page's box.
func (p *LessonPage) fitted(r course.Drawing) course.Drawing {
	return r.Fit(p.box.w, p.box.h, p.box.most)
}

// refit lays the run out again for a new box and shows it where it was.
func (p *LessonPage) refit(b fitBox) {
	if b == p.box {
		return
	}
	p.box = b
	if p.run.Trace == nil {
		return
	}
	r := p.fitted(p.run)
	if r.SVG == p.run.SVG {
		return
	}
	p.run = r
	if p.gs.on {
		p.svg = p.run.WithPlayhead(p.gs.game.Shown)
		if th := p.state.Theme.String(); th == "light" || th == "dark" {
			p.svg = replaceTheme(p.svg, th)
		}
	} else {
		p.svg = p.themed(p.run.WithPlayhead(p.pl.pos))
	}
	p.redrawn()
}
