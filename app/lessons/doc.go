// Package lessons holds the course content: one folder per lesson.
//
// Layout (the contract for the registry generator and the web app):
//
//	<slug>/lesson.md            prose (Markdown) with front matter, see below
//	<slug>/<variant>/main.go    one plain, standalone package main per variant;
//	                            it compiles and runs with `go run` unchanged
//	<slug>/<variant>/real.json  what that program did on the real Go runtime
//	                            (generated, see realgo.File)
//
// lesson.md starts with front matter (title, summary, order, and the
// variants with their display names, the default one first and marked
// `default: true`, go vet's expected finding if any, and an optional
// `param` slider over one duration constant, from which the generator makes
// hidden twins of the program); package
// lanes/internal/lessongen/meta parses it and documents the format. A lesson
// without programs (the summary) has `variants: []`. The Markdown body
// links to other lessons relative to /lesson/<slug>, as
// [text](<slug>?variant=<name>).
//
// Every main.go is a complete program: `go build ./app/lessons/...` builds
// each variant as its own command, and `go vet` is clean except for the
// finding its lesson.md expects. The tests in this folder check the layout,
// the vet findings and that each real.json matches its program.
//
// Run `go generate ./app/lessons` to re-measure every variant on real Go
// (up to 200 runs each at GOMAXPROCS=1 and 4, 4 processes at a time, at most
// 40 s per batch; about 10 minutes on 2 cores).
package lessons

//go:generate go run ../../internal/realgo/cmd/realruns -lessons . -runs 200 -parallel 4 -budget 40s
