package app

import (
	"reflect"
	"testing"

	"lanes/course"
	"lanes/sim"
	"lanes/sim/trace"
)

// TestEditorMarks: /play's editor marks each runnable goroutine's line in
// its lane's colour with a badge to pick it (two on one line: one mark,
// two badges; a goroutine not started yet: none), a select's ready cases
// at their lines, and nothing once the game has ended.
func TestEditorMarks(t *testing.T) {
	tests := []struct {
		desc string
		game course.Game
		want []editorMark
	}{
		{desc: "ended", game: course.Game{}, want: nil},
		{
			desc: "goroutines",
			game: course.Game{Pause: &sim.Pause{Goroutines: []trace.GoID{1, 2, 3, 4}, Lines: []int32{9, 14, 14, 0}}},
			want: []editorMark{
				{Line: 9, Colour: laneClass(1), Badges: []editorBadge{{Kind: "pick", Value: 1, Colour: laneClass(1), Text: "1 ", Title: "run  (key 1)"}}},
				{Line: 14, Colour: laneClass(2), Badges: []editorBadge{
					{Kind: "pick", Value: 2, Colour: laneClass(2), Text: "2 ", Title: "run  (key 2)"},
					{Kind: "pick", Value: 3, Colour: laneClass(3), Text: "3 ", Title: "run  (key 3)"},
				}},
			},
		},
		{
			desc: "a select's cases",
			game: course.Game{
				Pause: &sim.Pause{Goroutines: []trace.GoID{2}, Lines: []int32{7}, Select: true, Cases: []int{0, 1}},
				Cases: []course.SelectCase{{Line: 8, Text: "case <-a"}, {Line: 10, Text: "case <-b"}},
			},
			want: []editorMark{
				{Line: 8, Colour: laneClass(2), Badges: []editorBadge{{Kind: "case", Value: 0, Colour: laneClass(2), Text: "1 this case", Title: "proceed with case <-a (key 1)"}}},
				{Line: 10, Colour: laneClass(2), Badges: []editorBadge{{Kind: "case", Value: 1, Colour: laneClass(2), Text: "2 this case", Title: "proceed with case <-b (key 2)"}}},
			},
		},
	}
	for _, tt := range tests {
		if got := editorMarks(gameView{game: tt.game}); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.desc, got, tt.want)
		}
	}
}
