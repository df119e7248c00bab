package app

import (
	"testing"

	"lanes/app/lessons/registry"
	"lanes/course"
)

// TestEndLine: where a run that ended in Go's panic or fatal error text
// ended, for the embed's code pane at the end.
func TestEndLine(t *testing.T) {
	tests := []struct {
		desc, slug, variant string
		want                int32
	}{
		{desc: "a deadlock: main stuck at wg.Wait", slug: "misuse", variant: "", want: 23},
		{desc: "a panic: the worker's panic", slug: "panics", variant: "crash", want: 12},
		{desc: "a normal exit: none", slug: "race-to-exit", variant: "", want: 0},
	}
	for _, tt := range tests {
		d, err := registry.Course().Run(tt.slug, tt.variant, course.ViewState{})
		if err != nil {
			t.Fatal(err)
		}
		got := endLine(d.Trace)
		switch {
		case tt.want >= 0 && got != tt.want:
			t.Errorf("%s: endLine = %d, want %d", tt.desc, got, tt.want)
		case tt.want < 0 && got <= 0:
			t.Errorf("%s: endLine = %d, want the panic's line", tt.desc, got)
		}
	}
}
