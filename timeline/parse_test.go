package timeline

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseThemeAndScale(t *testing.T) {
	for _, th := range Themes {
		if got, err := ParseTheme(th.String()); err != nil || got != th {
			t.Errorf("ParseTheme(%q) = %v, %v, want %v", th.String(), got, err, th)
		}
	}
	for _, sc := range Scales {
		if got, err := ParseScale(sc.String()); err != nil || got != sc {
			t.Errorf("ParseScale(%q) = %v, %v, want %v", sc.String(), got, err, sc)
		}
	}
	tests := []struct {
		desc, in string
		parse    func(string) error
		wantErr  string
	}{
		{desc: "theme empty", in: "", parse: func(s string) error { _, err := ParseTheme(s); return err }, wantErr: `unknown theme ""`},
		{desc: "theme case", in: "Dark", parse: func(s string) error { _, err := ParseTheme(s); return err }, wantErr: "want light, dark or auto"},
		{desc: "scale unknown", in: "log", parse: func(s string) error { _, err := ParseScale(s); return err }, wantErr: `unknown scale "log" (want time or step)`},
	}
	for _, tt := range tests {
		if err := tt.parse(tt.in); err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: error %v, want %q", tt.desc, err, tt.wantErr)
		}
	}
}

func ExampleParseTheme() {
	th, err := ParseTheme("dark")
	fmt.Println(th, th == ThemeDark, err)
	_, err = ParseTheme("sepia")
	fmt.Println(err)
	// Output:
	// dark true <nil>
	// unknown theme "sepia" (want light, dark or auto)
}

// The playhead sits at the plot's left edge before any event, then at each
// event's x; past the end is the end.
func TestPlayheadX(t *testing.T) {
	d := Layout(waitGroupTrace(), Options{})
	tests := []struct {
		desc string
		pos  int
		want float64
	}{
		{desc: "start", pos: 0, want: d.Left},
		{desc: "negative is the start", pos: -3, want: d.Left},
		{desc: "after the first event", pos: 1, want: d.X(0)},
		{desc: "the end", pos: d.Events, want: d.X(d.Events - 1)},
		{desc: "past the end", pos: d.Events + 9, want: d.X(d.Events - 1)},
	}
	for _, tt := range tests {
		if got := PlayheadX(d, tt.pos); got != tt.want {
			t.Errorf("%s: PlayheadX(%d) = %v, want %v", tt.desc, tt.pos, got, tt.want)
		}
	}
}

// Bug 3: "Download SVG" dropped the in-flight track the page shows. The
// picture draws it when asked, as the page's layout does.
func TestExportInFlight(t *testing.T) {
	tr := waitGroupTrace()
	if got := Export(tr, ExportOptions{At: -1}); strings.Contains(got, ">in flight<") {
		t.Errorf("Export without InFlight draws the in-flight track")
	}
	if got := Export(tr, ExportOptions{At: -1, InFlight: true}); !strings.Contains(got, ">in flight<") {
		t.Errorf("Export with InFlight lacks the in-flight track")
	}
}
