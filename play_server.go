//go:build !wasm

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	lanesapp "lanes/app"
	"lanes/internal/highlight"
	"lanes/internal/progbuild"
	"lanes/internal/site"
	"lanes/internal/snippets"
)

// defaultDataDir is -data's default: the user's cache directory's lanes/,
// else ./data.
func defaultDataDir() string {
	if dir, err := os.UserCacheDir(); err == nil {
		return filepath.Join(dir, "lanes")
	}
	return "data"
}

// newPlay opens /play's services in data (-data): the snippet store
// (data/snippets) and the build service, its modules cached in
// data/modules, and the author's programs of -programs (programs, "" for
// none: site.LoadPrograms); it starts warming the go command's cache in the
// background, so the first reader does not wait for a cold build. "" or
// "off" turns /play's server half off (nil). A build service that cannot
// start (no go command, no lanes sources) leaves sharing on and says why.
func newPlay(data, programs string, log io.Writer) (*site.Play, func(), error) {
	var progs map[string]string
	if programs != "" {
		var err error
		if progs, err = site.LoadPrograms(programs); err != nil {
			return nil, nil, err
		}
	}
	if data == "" || data == "off" {
		lanesapp.PlayOff = true // /play says so
		if progs == nil {
			return nil, func() {}, nil
		}
		pl := &site.Play{Programs: progs}
		lanesapp.ProgramSource = pl.Source
		return pl, func() {}, nil
	}
	store, err := snippets.Open(filepath.Join(data, "snippets"))
	if err != nil {
		return nil, nil, err
	}
	pl := &site.Play{Snippets: store, Programs: progs, Limit: site.DefaultLimit}
	ctx, cancel := context.WithCancel(context.Background())
	builds, err := progbuild.New(progbuild.Options{Cache: filepath.Join(data, "modules")})
	if err != nil {
		fmt.Fprintf(log, "lanes serve: /play cannot build programs: %v\n", err)
		lanesapp.PlayOff = true
	} else {
		pl.Builds = builds
		go func() {
			start := time.Now()
			switch err := builds.Warm(ctx); {
			case err == nil:
				fmt.Fprintf(log, "lanes serve: /play's builds are warm (%.1f s)\n", time.Since(start).Seconds())
			case ctx.Err() == nil:
				fmt.Fprintf(log, "lanes serve: warming the build cache: %v\n", err)
			}
		}()
	}
	lanesapp.ProgramSource = pl.Source
	lanesapp.ProgramStill = pl.StillTrace
	return pl, func() { cancel(); pl.StopStills(); store.Close() }, nil
}

// staticPrograms reads -programs DIR for lanes static and returns them
// with a builder of their modules (progbuild, its default cache; the go
// command's cache is warmed first, without a request's time limit) and
// their stills (site.StillOf: each program built for this machine and run
// once, as the server does for a shared program's page).
func staticPrograms(dir string) (map[string]string, site.ProgramModule, map[string]site.Still, error) {
	progs, err := site.LoadPrograms(dir)
	if err != nil {
		return nil, nil, nil, err
	}
	svc, err := progbuild.New(progbuild.Options{})
	if err != nil {
		return nil, nil, nil, err
	}
	ctx := context.Background()
	if err := svc.Warm(ctx); err != nil {
		return nil, nil, nil, fmt.Errorf("warming the build cache: %v", err)
	}
	stills, err := programStills(ctx, svc, progs)
	if err != nil {
		return nil, nil, nil, err
	}
	build := func(name, src string) (string, string, error) {
		m, err := svc.Build(ctx, "main.go", []byte(src))
		if err != nil {
			return "", "", err
		}
		return m.Key, m.Path, nil
	}
	return progs, build, stills, nil
}

// programStills makes the still of every program (site.StillOf), one
// after the other.
func programStills(ctx context.Context, svc *progbuild.Service, progs map[string]string) (map[string]site.Still, error) {
	stills := map[string]site.Still{}
	for name, src := range progs {
		b, msg, err := site.StillOf(ctx, svc, src)
		if err != nil {
			return nil, fmt.Errorf("the still of %s.go: %v", name, err)
		}
		stills[name] = site.Still{Trace: b, Msg: msg}
	}
	return stills, nil
}

// Program pages (served, shared or exported by lanes static -programs) show
// their code highlighted in the prerender, as lessons' code is; the browser
// build leaves the highlighter out.
func init() { lanesapp.ProgramHighlight = highlight.Go }
