package progbuild

import (
	"context"
	"time"
)

// WarmTimeout bounds Warm's build: a first build compiles the standard
// library and the simulator for js/wasm into the go command's cache (1.5
// minutes on a loaded 2-core machine), far over a request's Timeout.
const WarmTimeout = 10 * time.Minute

// warmProgram is what Warm builds.
const warmProgram = "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"warm\") }\n"

// Warm builds a tiny program with WarmTimeout, so that the go command's
// cache holds everything a module needs and later builds only compile the
// program's twin and link (about 12 s instead of 100 s). A server calls it
// once at start, in the background.
func (s *Service) Warm(ctx context.Context) error {
	_, err := s.buildWithin(ctx, "warm.go", []byte(warmProgram), max(s.opts.Timeout, WarmTimeout))
	return err
}
