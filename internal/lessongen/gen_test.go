package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedFilesAreFresh regenerates the registry and the twins in
// memory and compares them with the committed files: run
// `go generate ./app/lessons/registry` after changing a lesson.
func TestGeneratedFilesAreFresh(t *testing.T) {
	const lessons, twins = "../../app/lessons", "../../app/lessons/twins"
	files, err := Generate(lessons, twins)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	got, err := os.ReadFile("../../app/lessons/registry/lessons_gen.go")
	if err != nil || !bytes.Equal(got, files.Registry) {
		t.Errorf("app/lessons/registry/lessons_gen.go is stale (%v): run go generate ./app/lessons/registry", err)
	}
	seen := map[string]bool{}
	for key, want := range files.Twins {
		path := filepath.Join(twins, key, "twin.go")
		seen[filepath.Clean(path)] = true
		if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is stale (%v): run go generate ./app/lessons/registry", path, err)
		}
	}
	filepath.WalkDir(twins, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !seen[filepath.Clean(path)] {
			t.Errorf("%s belongs to no lesson variant: remove it", path)
		}
		return nil
	})
}
