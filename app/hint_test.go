package app

import (
	"strings"
	"testing"
)

// The phone's hint names fingers only: no keys, no wheel, no hover. And
// no hint names a control that is not on the page ("⤢" became "↔ whole
// run").
func TestZoomHints(t *testing.T) {
	tests := []struct {
		desc string
		hint string
		not  []string
	}{
		{desc: "phone", hint: touchHint(false), not: []string{"W/S", "A/D", "wheel", "hover", "click"}},
		{desc: "phone, zoomed", hint: touchHint(true), not: []string{"W/S", "A/D", "wheel", "hover", "click"}},
		{desc: "desktop", hint: zoomHint(false, false), not: []string{"⤢"}},
		{desc: "desktop, zoomed", hint: zoomHint(true, false), not: []string{"⤢"}},
		{desc: "embed, zoomed", hint: zoomHint(true, true), not: []string{"⤢"}},
	}
	for _, tt := range tests {
		for _, w := range tt.not {
			if strings.Contains(tt.hint, w) {
				t.Errorf("%s: hint %q names %q", tt.desc, tt.hint, w)
			}
		}
	}
}
