package timeline

import (
	"strings"
	"unicode/utf8"
)

// labelRows splits a lane or track label into the rows it is drawn on in
// a label column of n characters: one row when it fits, else two, broken
// before the last " (" that lets the first row fit (so "func i=1 (line 12)"
// reads "func i=1" over "(line 12)"), else at the last space that does,
// else after the last '.' or '=' or before the last '(' or '"' that does,
// else at n. Only a second row still
// longer than n is cut, with "…": a phone's narrow column keeps names
// whole (issue 14: labels readable at 390 and 360 px).
func labelRows(s string, n int) []string {
	if n < 2 {
		n = 2
	}
	if utf8.RuneCountInString(s) <= n {
		return []string{s}
	}
	r := []rune(s)
	cut := -1 // the first row is r[:cut], the second r[skip:]
	skip := 0
	for i := min(n, len(r)-2); i > 0 && cut < 0; i-- {
		if r[i] == ' ' && r[i+1] == '(' {
			cut, skip = i, i+1 // before "(line 30)"
		}
	}
	for i := min(n, len(r)-1); i > 0 && cut < 0; i-- {
		if r[i] == ' ' {
			cut, skip = i, i+1
		}
	}
	if cut < 0 {
		for i := min(n, len(r)-1); i > 0; i-- {
			switch {
			case r[i] == '(' || r[i] == '"':
				cut, skip = i, i
			case r[i-1] == '.' || r[i-1] == '=':
				cut, skip = i, i
			}
			if cut > 0 {
				break
			}
		}
	}
	if cut < 0 {
		cut, skip = n, n
	}
	first := strings.TrimRight(string(r[:cut]), " ")
	return []string{first, truncate(strings.TrimLeft(string(r[skip:]), " "), n)}
}

// rowGap is the distance between the baselines of a label's two rows
// (12 px text): both fit in a 26 px lane.
const rowGap = 12.0

// rowsY is the baseline of each row of a label whose one-row baseline is y
// (a 26 px lane's middle + 4).
func rowsY(y float64, rows int) []float64 {
	if rows < 2 {
		return []float64{y}
	}
	return []float64{y - rowGap/2, y + rowGap/2}
}

// secondRow marks a label's second row (data-row="2"), so that a label
// is still one text element plus its continuation.
const secondRow = ` data-row="2"`

// label writes a label of class cls on one or two rows (labelRows, n
// characters) at x, its one-row baseline y; the first row has the
// title, every row the attributes.
func (w *svgw) label(cls string, x, y float64, n int, title, s string, attrs ...string) {
	rows := labelRows(s, n)
	for i, y := range rowsY(y, len(rows)) {
		if i > 0 {
			title = ""
			attrs = append(attrs[:len(attrs):len(attrs)], secondRow)
		}
		w.text(cls, x, y, title, rows[i], attrs...)
	}
}

// labelChars is how many characters of a label fit in the column of a
// picture whose plot starts at left, beside a scale number of digits
// characters (0: none).
func labelChars(left float64, digits int) int {
	n := int((left - 14) / 6.6)
	if digits > 0 {
		n -= digits + 1
	}
	return n
}
