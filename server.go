//go:build !wasm

// Command lanes serves the Lanes web app, exports it as a static site, and
// runs your own Go programs through the simulator.
//
//	lanes [serve] [-addr :8000]          serve the app (the default command)
//	lanes static -out DIR [-base /sub/]  write the whole site as static files
//	lanes compress FILE                  write FILE.br and FILE.gz (make wasm)
//	lanes trace|explore|svg …            see `lanes help`
//	lanes build PROG.go -o module.wasm   a program module for /play (cli_build.go)
//
// The browser side of the app is the same package built for GOOS=js
// GOARCH=wasm (browser.go); it must be in web/app.wasm, relative to the
// working directory, when serving or exporting.
//
// The site itself (handler, oEmbed, /svg/, the static export) is package
// lanes/internal/site; pages.go configures go-app's half of it, the
// prerender of package lanes/app's pages. The twin subcommands are
// cli_twin.go.
package main

import (
	"embed"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"time"

	"lanes/internal/site"
)

// webAssets are the files the app ships under /web/ (besides the wasm,
// built later): the only ones the server serves from there. The
// stylesheets among them are inlined into every page. A new kind of file
// needs its pattern here (and its type in internal/site's contentTypes).
// web/floor.html is one static paragraph, no script: the page `make
// bench` holds a lesson's first paint against, served the same way.
//
//go:embed web/*.css web/*.js web/*.png web/*.svg web/robots.txt web/floor.html
var webAssets embed.FS

// commandHelp is `lanes help`: one line per subcommand, in order.
var commandHelp = [][2]string{
	{"build", buildHelp},
	{"compress", "precompress a file: lanes compress web/app.wasm (writes .br and .gz)"},
	{"explore", twinHelp["explore"]},
	{"serve", "serve the app: lanes [serve] [-addr :8000] [-data DIR] [-programs DIR]"},
	{"static", "export the site: lanes static -out DIR [-base /sub/path/] [-programs DIR]"},
	{"svg", twinHelp["svg"]},
	{"trace", twinHelp["trace"]},
}

// stdout and stderr are where commands write; tests replace them.
var (
	stdout io.Writer = os.Stdout
	stderr io.Writer = os.Stderr
)

func main() {
	os.Exit(run(os.Args[1:]))
}

// run dispatches to a subcommand; without one it serves.
func run(args []string) int {
	if len(args) == 0 || len(args[0]) > 0 && args[0][0] == '-' && args[0] != "-h" && args[0] != "-help" && args[0] != "--help" {
		return cmdServe(args)
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return 0
	case "serve":
		return cmdServe(args[1:])
	case "static":
		return cmdStatic(args[1:])
	case "compress":
		return cmdCompress(args[1:])
	case "trace", "explore", "svg":
		return twinCommand(args[0], args[1:])
	case "build":
		return cmdBuild(args[1:])
	}
	fmt.Fprintf(stderr, "lanes: unknown command %q\n\n", args[0])
	usage(stderr)
	return 1
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Lanes shows what goroutines really do.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: lanes <command> [arguments]")
	fmt.Fprintln(w)
	for _, c := range commandHelp {
		fmt.Fprintf(w, "  %-9s %s\n", c[0], c[1])
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Without a command, lanes serves the app.")
}

func cmdServe(args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", ":8000", "address to listen on")
	web := fs.String("web", "web", "directory of app.wasm (the other assets are built in)")
	runs := fs.Int("runs", 0, "new answers (and their simulations) at once (0 = GOMAXPROCS-1, at least 1); more wait in a short queue; beyond it pages come without their prerendered run, the rest gets 503")
	queue := fs.Int("queue", 0, "requests that may wait for a simulation (0 = twice -runs)")
	memLimit := fs.Int("memlimit", 256, "soft memory limit in MB for the Go runtime (0 = none; GOMEMLIMIT wins)")
	data := fs.String("data", defaultDataDir(), "directory of /play's shared programs and built modules (off = no /play)")
	programs := fs.String("programs", "", "directory of your own programs: DIR/NAME.go is served as /p/NAME and /embed/p/NAME")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "lanes serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *memLimit > 0 && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(int64(*memLimit) << 20)
	}
	wasm, err := site.LoadWasm(*web, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "lanes serve: %v\n", err)
		return 1
	}
	play, closePlay, err := newPlay(*data, *programs, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "lanes serve: %v\n", err)
		return 1
	}
	defer closePlay()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "lanes serve: %v\n", err)
		return 1
	}
	st := newSite(wasm, *runs, *queue)
	st.Play = play
	srv := &http.Server{
		Handler:           st.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(stderr, "lanes serve: ", 0),
	}
	fmt.Fprintf(stderr, "lanes: serving on http://%s (version %s)\n", displayAddr(ln.Addr()), wasm.Version)
	return serveUntilSignal(srv, ln, stderr)
}

// displayAddr turns a listening address into one a browser can open.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

func cmdCompress(args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: lanes compress FILE")
		return 2
	}
	if err := site.CompressFile(args[0]); err != nil {
		fmt.Fprintf(stderr, "lanes compress: %v\n", err)
		return 1
	}
	return 0
}

func cmdStatic(args []string) int {
	fs := flag.NewFlagSet("static", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "directory to write the site to (required)")
	base := fs.String("base", "/", "path the site is hosted under, e.g. /lanes/")
	web := fs.String("web", "web", "directory of the static assets and app.wasm")
	url := fs.String("url", "", "public URL of the site, e.g. https://me.github.io/lanes (for the embed snippets)")
	programs := fs.String("programs", "", "directory of your own programs: DIR/NAME.go becomes /p/NAME and /embed/p/NAME, with its module")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: lanes static -out DIR [-base /sub/path/] [-url https://host/sub/path] [-programs DIR]")
		return 2
	}
	var progs map[string]string
	var build site.ProgramModule
	var stills map[string]site.Still
	if *programs != "" {
		var err error
		if progs, build, stills, err = staticPrograms(*programs); err != nil {
			fmt.Fprintf(stderr, "lanes static: %v\n", err)
			return 1
		}
	}
	if err := exportStaticPrograms(*out, *base, *web, *url, progs, build, stills); err != nil {
		fmt.Fprintf(stderr, "lanes static: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "lanes: site written to %s\n", *out)
	return 0
}
