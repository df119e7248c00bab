//go:build !wasm

package main

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"lanes/course"
)

// The README's embedding examples are the ones the app gives.
func TestReadmeEmbedSection(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	tests := []struct{ desc, want string }{
		{"auto-height script", strings.TrimPrefix(strings.TrimSuffix(course.AutoHeightScript, "\n"), "\n")},
		{"message type", `type: "lanes:height"`},
		{"default height", strconv.Itoa(course.DefaultEmbedHeight) + " px"},
		{"sandbox", course.EmbedSandbox},
		{"hugo shortcode", `{{< lanes src="`},
		{"jekyll include", `{% include lanes.html src="`},
		{"static export", "lanes static -out site -base /lanes/"},
	}
	for _, tt := range tests {
		if !strings.Contains(readme, tt.want) {
			t.Errorf("%s: README.md lacks %q", tt.desc, tt.want)
		}
	}
}
