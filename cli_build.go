//go:build !wasm

package main

// lanes build PROGRAM.go [-o module.wasm]: writes the program module the
// /play page runs (internal/progbuild: the simulator, the program's twin
// and the bridge of internal/progwasm, for GOOS=js GOARCH=wasm), built
// offline and cached like the server's. It prints the module's key, size
// (raw and brotli) and whether it came from the cache on stderr.

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"lanes/internal/progbuild"
)

// buildHelp is the build subcommand's line in `lanes help`.
const buildHelp = "build a program module for the browser: lanes build prog.go -o module.wasm"

func cmdBuild(args []string) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "where to write the module (default: the program's name with .wasm)")
	timeout := fs.Duration("timeout", progbuild.DefaultTimeout, "stop a build that takes longer")
	prog, rest, err := splitProgram(args)
	if err != nil {
		fmt.Fprintf(stderr, "lanes build: %v\n%s\n", err, buildHelp)
		return 1
	}
	if err := fs.Parse(rest); err != nil {
		return 1
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "lanes build: unexpected argument %q\n", fs.Arg(0))
		return 1
	}
	if *out == "" {
		*out = prog[:len(prog)-len(".go")] + ".wasm"
	}
	src, err := os.ReadFile(prog)
	if err != nil {
		fmt.Fprintf(stderr, "lanes build: %v\n", err)
		return 1
	}
	svc, err := progbuild.New(progbuild.Options{Timeout: *timeout})
	if err != nil {
		fmt.Fprintf(stderr, "lanes build: %v\n", err)
		return 1
	}
	ctx, stop := signalContext()
	defer stop()
	start := time.Now()
	m, err := svc.Build(ctx, filepath.Base(prog), src)
	if code, ok := signalled(ctx); ok {
		return code
	}
	if err != nil {
		var pe *progbuild.ProgramError
		if errors.As(err, &pe) {
			fmt.Fprintln(stderr, pe.Msg)
		} else {
			fmt.Fprintf(stderr, "lanes build: %v\n", err)
		}
		return 1
	}
	if err := copyFile(m.Path, *out); err != nil {
		fmt.Fprintf(stderr, "lanes build: %v\n", err)
		return 1
	}
	br := int64(-1)
	if fi, err := os.Stat(m.Brotli); err == nil {
		br = fi.Size()
	}
	how := "built"
	if m.Cached {
		how = "cached"
	}
	fmt.Fprintf(stderr, "lanes build: wrote %s (%d bytes, %d brotli; %s in %v; key %s)\n",
		*out, m.Size, br, how, time.Since(start).Round(time.Millisecond), m.Key)
	return 0
}

// copyFile copies src to dst (through a temporary file beside it).
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), filepath.Base(dst)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	os.Chmod(tmp.Name(), 0o644)
	return os.Rename(tmp.Name(), dst)
}
