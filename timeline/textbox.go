package timeline

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Box is a rectangle in the SVG's user units.
type Box struct {
	X0, Y0, X1, Y1 float64
	Text           string
}

// Overlaps reports whether b and c share more than a pixel each way.
func (b Box) Overlaps(c Box) bool {
	return b.X0 < c.X1-1 && c.X0 < b.X1-1 && b.Y0 < c.Y1-1 && c.Y0 < b.Y1-1
}

// fontSize is the size in px and whether the text is bold, by class, as
// the style sheet sets them (11 px by default, and never less: the
// picture is laid out at the width it is shown, so these are the sizes
// a reader sees).
func fontSize(class string) (float64, bool) {
	switch class {
	case "cap":
		return 13, true
	case "lbl":
		return 12, false
	case "ml", "exl", "leak":
		return 11, true
	}
	return 11, false
}

// unescapeText undoes the escapes of svgw.esc, the only ones in a <text>
// drawn by this package (not html.UnescapeString: package html's entity
// tables, built at its init, would come along into every program that
// links this package, the browser's too).
var unescapeText = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'")

// TextBoxes estimates the box of every <text> of an SVG drawn by this
// package (0.6 em per character, 0.65 bold; from 0.8 em above the
// baseline to 0.2 below): what a check that labels never collide needs.
func TextBoxes(svg string) []Box {
	var out []Box
	for _, m := range texts(svg) {
		x, _ := strconv.ParseFloat(m.x, 64)
		y, _ := strconv.ParseFloat(m.y, 64)
		s := unescapeText.Replace(m.text)
		fs, bold := fontSize(m.class)
		em := 0.6
		if bold {
			em = 0.65
		}
		w := float64(utf8.RuneCountInString(s)) * fs * em
		switch anchor(m.attrs) {
		case "middle":
			x -= w / 2
		case "end":
			x -= w
		}
		out = append(out, Box{X0: x, Y0: y - 0.8*fs, X1: x + w, Y1: y + 0.2*fs, Text: s})
	}
	return out
}

// Collisions lists the pairs of texts of an SVG whose boxes overlap.
func Collisions(svg string) [][2]Box {
	bs := TextBoxes(svg)
	var out [][2]Box
	for i := range bs {
		for j := i + 1; j < len(bs); j++ {
			if bs[i].Text != "" && bs[j].Text != "" && bs[i].Overlaps(bs[j]) {
				out = append(out, [2]Box{bs[i], bs[j]})
			}
		}
	}
	return out
}
