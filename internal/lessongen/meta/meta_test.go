package meta

import (
	"strings"
	"testing"
)

const good = `---
title: The golden rule of Add
summary: Call wg.Add before go.
order: 3
variants:
  - name: add-inside
    title: Add inside the goroutine
    default: true
    vet: WaitGroup.Add called from inside new goroutine
  - name: wg-go
    title: wg.Go (Go 1.25)
---

Body *text*.
`

func TestParse(t *testing.T) {
	l, err := Parse("golden-rule", []byte(good))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if l.Slug != "golden-rule" || l.Title != "The golden rule of Add" || l.Summary != "Call wg.Add before go." || l.Order != 3 {
		t.Errorf("Parse: header = %q %q %q %d", l.Slug, l.Title, l.Summary, l.Order)
	}
	want := []Variant{
		{Name: "add-inside", Title: "Add inside the goroutine", Default: true, Vet: "WaitGroup.Add called from inside new goroutine"},
		{Name: "wg-go", Title: "wg.Go (Go 1.25)"},
	}
	if len(l.Variants) != len(want) {
		t.Fatalf("Parse: %d variants, want %d", len(l.Variants), len(want))
	}
	for i := range want {
		if l.Variants[i] != want[i] {
			t.Errorf("Parse: variant %d = %+v, want %+v", i, l.Variants[i], want[i])
		}
	}
	if l.Body != "Body *text*.\n" {
		t.Errorf("Parse: body = %q", l.Body)
	}
	if d, ok := l.Default(); !ok || d.Name != "add-inside" {
		t.Errorf("Default() = %+v, %v; want add-inside", d, ok)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		desc, src, wantErr string
	}{
		{"no front matter", "# Title\n", `starting with "---"`},
		{"unclosed", "---\ntitle: x\n", `no closing "---"`},
		{"missing summary", "---\ntitle: x\norder: 1\n---\n", "required"},
		{"bad order", "---\ntitle: x\nsummary: y\norder: first\n---\n", "positive integer"},
		{"unknown key", "---\ntitle: x\nsummary: y\norder: 1\nauthor: me\n---\n", `unknown key "author"`},
		{"duplicate key", "---\ntitle: x\ntitle: y\nsummary: y\norder: 1\n---\n", `duplicate key "title"`},
		{"tab", "---\ntitle:\tx\n---\n", "tab"},
		{"no default", "---\ntitle: x\nsummary: y\norder: 1\nvariants:\n  - name: a\n    title: A\n---\n", "0 default"},
		{"two defaults", "---\ntitle: x\nsummary: y\norder: 1\nvariants:\n  - name: a\n    title: A\n    default: true\n  - name: b\n    title: B\n    default: true\n---\n", "2 default"},
		{"bad variant name", "---\ntitle: x\nsummary: y\norder: 1\nvariants:\n  - name: Bad Name\n    title: A\n    default: true\n---\n", "bad variant name"},
		{"variant without title", "---\ntitle: x\nsummary: y\norder: 1\nvariants:\n  - name: a\n    default: true\n---\n", "no title"},
		{"duplicate variant", "---\ntitle: x\nsummary: y\norder: 1\nvariants:\n  - name: a\n    title: A\n    default: true\n  - name: a\n    title: A\n---\n", "listed twice"},
		{"unknown variant key", "---\ntitle: x\nsummary: y\norder: 1\nvariants:\n  - name: a\n    colour: red\n---\n", `unknown variant key "colour"`},
		{"bad default", "---\ntitle: x\nsummary: y\norder: 1\nvariants:\n  - name: a\n    default: yes please\n---\n", "true or false"},
		{"variant key outside a list", "---\ntitle: x\n    name: a\n---\n", "key: value"},
	}
	for _, tt := range tests {
		_, err := Parse("lesson", []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: Parse error = %v, want one containing %q", tt.desc, err, tt.wantErr)
		}
	}
}

func TestParseNoVariants(t *testing.T) {
	l, err := Parse("summary", []byte("---\ntitle: Summary\nsummary: s\norder: 8\nvariants: []\n---\ntext\n"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if len(l.Variants) != 0 {
		t.Errorf("Parse: %d variants, want none", len(l.Variants))
	}
	if _, ok := l.Default(); ok {
		t.Errorf("Default() of a lesson without variants: want false")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("---\ntitle: x\nsummary: y\norder: 1\nvariants: []\n---\n"))
	f.Add([]byte("---\n  - name: a\n---"))
	f.Fuzz(func(t *testing.T, src []byte) {
		l, err := Parse("fuzz", src)
		if err != nil {
			return
		}
		if err := l.check(); err != nil {
			t.Errorf("Parse accepted a lesson that fails its checks: %v", err)
		}
		if l.Title == "" || l.Order < 1 {
			t.Errorf("Parse accepted %q with title %q order %d", src, l.Title, l.Order)
		}
	})
}

func TestParseTracksPanelsHeavy(t *testing.T) {
	head := "---\ntitle: T\nsummary: S\norder: 1\n"
	vars := "variants:\n  - name: a\n    title: A\n    default: true\n    heavy: true\n---\n"
	tests := []struct {
		desc    string
		src     string
		tracks  []string
		panels  []string
		heavy   bool
		wantErr string
	}{
		{desc: "none", src: head + vars, heavy: true},
		{desc: "a track and a panel", src: head + "tracks: [inflight]\npanels: [memory]\n" + vars, tracks: []string{"inflight"}, panels: []string{"memory"}, heavy: true},
		{desc: "empty list", src: head + "tracks: []\n" + vars, heavy: true},
		{desc: "unknown track", src: head + "tracks: [memory]\n" + vars, wantErr: `tracks: "memory": want each of [inflight] at most once`},
		{desc: "twice", src: head + "panels: [memory, memory]\n" + vars, wantErr: "at most once"},
		{desc: "not a list", src: head + "tracks: inflight\n" + vars, wantErr: "want a list like [inflight]"},
		{desc: "heavy not a bool", src: head + strings.Replace(vars, "heavy: true", "heavy: yes", 1), wantErr: "heavy: want true or false"},
	}
	for _, tt := range tests {
		l, err := Parse("x", []byte(tt.src))
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error %v, want %q", tt.desc, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.desc, err)
		}
		if strings.Join(l.Tracks, ",") != strings.Join(tt.tracks, ",") || strings.Join(l.Panels, ",") != strings.Join(tt.panels, ",") || l.Variants[0].Heavy != tt.heavy {
			t.Errorf("%s: tracks %v panels %v heavy %v, want %v %v %v", tt.desc, l.Tracks, l.Panels, l.Variants[0].Heavy, tt.tracks, tt.panels, tt.heavy)
		}
	}
}
