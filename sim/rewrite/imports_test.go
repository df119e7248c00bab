package rewrite_test

import (
	"fmt"
	"strings"
	"testing"

	"lanes/sim/rewrite"
)

func ExampleSupportedImports() {
	fmt.Println(strings.Join(rewrite.SupportedImports(), "\n"))
	// Output:
	// bufio
	// bytes
	// cmp
	// container/list
	// context
	// errors
	// fmt
	// golang.org/x/sync/errgroup
	// golang.org/x/sync/semaphore
	// io
	// iter
	// log
	// maps
	// math
	// math/rand
	// math/rand/v2
	// os
	// runtime
	// slices
	// sort
	// strconv
	// strings
	// sync
	// sync/atomic
	// time
	// unicode
	// unicode/utf8
}

// TestSupportedImports rewrites a program importing each supported package,
// and one importing a package that is not.
func TestSupportedImports(t *testing.T) {
	for _, path := range append(rewrite.SupportedImports(), "unsafe") {
		t.Run(path, func(t *testing.T) {
			src := fmt.Sprintf("package main\n\nimport _ %q\n\nfunc main() {}\n", path)
			_, err := rewrite.Rewrite("main.go", []byte(src), rewrite.Options{})
			if path == "unsafe" {
				if want := `main.go:3:10: import "unsafe" is not supported yet`; err == nil || err.Error() != want {
					t.Errorf("Rewrite: %v, want %s", err, want)
				}
				return
			}
			if err != nil {
				t.Errorf("Rewrite: %v", err)
			}
		})
	}
}
