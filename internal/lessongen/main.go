// Command lessongen generates the lesson registry (package
// lanes/app/lessons/registry) from the lesson folders: for each variant it
// rewrites main.go into a twin package, runs go vet on the shown program and
// reads its real.json; for each lesson it renders the Markdown to HTML. The
// output is deterministic, so a test can check it is fresh.
//
//	go run ./internal/lessongen -lessons app/lessons -twins app/lessons/twins -out app/lessons/registry/lessons_gen.go
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	lessons := flag.String("lessons", "app/lessons", "the lessons folder")
	twins := flag.String("twins", "app/lessons/twins", "where the twins go")
	out := flag.String("out", "app/lessons/registry/lessons_gen.go", "the registry file")
	flag.Parse()
	files, err := Generate(*lessons, *twins)
	if err != nil {
		fmt.Fprintln(os.Stderr, "lessongen:", err)
		os.Exit(1)
	}
	if err := files.Write(*twins, *out); err != nil {
		fmt.Fprintln(os.Stderr, "lessongen:", err)
		os.Exit(1)
	}
}
