package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestVetDir: vet's findings are returned; vet failing for another reason
// (a program that does not type-check) is an error, not an empty result.
func TestVetDir(t *testing.T) {
	const addInside = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nfunc main() {\n\tvar wg sync.WaitGroup\n" +
		"\tgo func() {\n\t\twg.Add(1)\n\t\tdefer wg.Done()\n\t\tfmt.Println(1)\n\t}()\n\twg.Wait()\n}\n"
	tests := []struct {
		desc    string
		progs   map[string]string
		want    map[string][]string
		wantErr string // substring; "" means no error
	}{
		{desc: "clean", progs: map[string]string{"a": "package main\n\nfunc main() {}\n"},
			want: map[string][]string{}},
		{desc: "a finding", progs: map[string]string{"a": "package main\n\nfunc main() {}\n", "b": addInside},
			want: map[string][]string{"b": {"main.go:11:9: WaitGroup.Add called from inside new goroutine"}}},
		{desc: "a type error beside a finding", progs: map[string]string{"a": "package main\n\nfunc main() { x := 1 }\n", "b": addInside},
			wantErr: "declared and not used: x"},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			got, err := vetPrograms(tc.progs)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("vetPrograms: %v, %v; want an error containing %q", got, err, tc.wantErr)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("vetPrograms = %v, %v; want %v", got, err, tc.want)
			}
		})
	}
	t.Run("no module", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, err := vetDir(dir); err == nil {
			t.Errorf("vetDir outside a module = %v, nil; want an error", got)
		}
	})
}
