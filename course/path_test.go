package course_test

import (
	"testing"

	"lanes/course/coursetest"
)

func TestPosition(t *testing.T) {
	c := coursetest.New()
	ls := c.Lessons()
	if len(ls) < 2 {
		t.Fatalf("the test course has %d lessons, want at least 2", len(ls))
	}
	first, last := ls[0].Slug, ls[len(ls)-1].Slug
	tests := []struct {
		desc, slug string
		ok         bool
		number, of int
		prev, next string
	}{
		{"the first has no previous", first, true, 1, len(ls), "", ls[1].Slug},
		{"the last has no next", last, true, len(ls), len(ls), ls[len(ls)-2].Slug, ""},
		{"an unknown lesson", "nope", false, 0, 0, "", ""},
	}
	for _, tc := range tests {
		p, ok := c.Position(tc.slug)
		prev, next := "", ""
		if p.Prev != nil {
			prev = p.Prev.Slug
		}
		if p.Next != nil {
			next = p.Next.Slug
		}
		if ok != tc.ok || p.Number != tc.number || p.Of != tc.of || prev != tc.prev || next != tc.next {
			t.Errorf("%s: Position(%q) = %d of %d, prev %q, next %q, ok %v; want %d of %d, %q, %q, %v",
				tc.desc, tc.slug, p.Number, p.Of, prev, next, ok, tc.number, tc.of, tc.prev, tc.next, tc.ok)
		}
	}
}
