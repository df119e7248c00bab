package course

// Position is where a lesson stands in the course: its number (from 1),
// how many lessons there are, and the lessons before and after it (nil at
// either end).
type Position struct {
	Number, Of int
	Prev, Next *Lesson
}

// Position returns the position of the lesson slug in the course's order
// (the lessons' front matter order: the tutorial's order, Summary last);
// ok is false for an unknown slug.
func (c *Course) Position(slug string) (p Position, ok bool) {
	ls := c.lessons
	for i := range ls {
		if ls[i].Slug != slug {
			continue
		}
		p = Position{Number: i + 1, Of: len(ls)}
		if i > 0 {
			p.Prev = &ls[i-1]
		}
		if i+1 < len(ls) {
			p.Next = &ls[i+1]
		}
		return p, true
	}
	return Position{}, false
}
