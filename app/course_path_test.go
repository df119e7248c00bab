package app

import (
	"fmt"
	"testing"

	"lanes/course/coursetest"
)

// Every lesson page says where it stands in the course and links to its
// neighbours; an embed does neither.
func TestCoursePath(t *testing.T) {
	ls := coursetest.New().Lessons()
	n := len(ls)
	first, second, last := ls[0].Slug, ls[1].Slug, ls[n-1].Slug
	checkPages(t, []pageCase{
		{desc: "the first lesson: its number, no previous, a next", url: "/lesson/" + first,
			contains: []string{fmt.Sprintf("Lesson 1 of %d", n), `rel="next"`, `href="/lesson/` + second + `"`},
			absent:   []string{`rel="prev"`}},
		{desc: "the second lesson: both ways", url: "/lesson/" + second,
			contains: []string{fmt.Sprintf("Lesson 2 of %d", n), `rel="prev"`, `href="/lesson/` + first + `"`}},
		{desc: "the last lesson: no next", url: "/lesson/" + last,
			contains: []string{fmt.Sprintf("Lesson %d of %d", n, n), `rel="prev"`},
			absent:   []string{`rel="next"`}},
		{desc: "an embed has no course path", url: "/embed/" + second,
			absent: []string{"Lesson 2 of", `class="pager"`}},
	})
}
