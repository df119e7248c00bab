# Lanes: build, run and test.
#
#   make run     build the wasm and serve on http://localhost:8000
#   make test    vet, unit tests, sim tests under wasm (node), e2e in chromium
#   make wasm    build web/app.wasm (+ .br and .gz)
#   make editor  rebuild web/editor.js, /play's editor (CodeMirror 6), with
#                npm and esbuild from editor/package-lock.json; the bundle
#                is committed, so make run and make test need no npm
#   make bench   benchmarks, wasm size and the budgets (issue 17) into
#                BENCHMARKS.md; fails when a budget is not met
#   make load    the server under load on loopback (about a minute) into
#                BENCHMARKS.md's "Load" section; not part of make test
#   make static  export the site into site/ (BASE=/sub/path/ for a sub-path,
#                URL=https://host/sub/path for the embed snippets)

GO       ?= go
ADDR     ?= :8000
BASE     ?= /
CHROMIUM ?= /usr/bin/chromium
WASM_EXEC = $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec

.PHONY: run serve wasm editor test vet unit wasmtest e2e readme-shot chromium node bench bench-play load static clean

run: wasm
	$(GO) run . serve -addr $(ADDR)

serve:
	$(GO) run . serve -addr $(ADDR)

# The browser entry is browser.go (//go:build wasm): the server stays out.
# Rebuilt only when a Go file (or go.mod/go.sum) changed.
GO_SOURCES := $(shell find . -name '*.go' -not -name '*_test.go' -not -path './e2e/*' -not -path './.git/*' -not -path './build/*') go.mod go.sum

wasm: web/app.wasm.br

# Inlining makes the wasm bigger (the copies, and the inline trees in its
# pclntab) and buys nothing in the UI's code, so the browser build does not
# inline in Lanes' pages (app), their model (course), the timeline's layout
# and in go-app; the simulator, the programs' twins (app/lessons), the
# standard library and the runtime keep it (without it the simulator runs
# 1.5x slower). brotli: 1.37 MB inlining everywhere, 1.33 MB so. Nor in
# the standard packages that only go-app's start, its JSON and the pages
# reach (encoding/..., net/..., time, reflect, internal/godebug and
# internal/bisect): 0.02 MB less brotli (1.347 → 1.327 MB). Nor in fmt
# (13.6 KB less brotli): the simulator formats a channel's ints, strings
# and bools without fmt (sim's valueText). strconv keeps it (without: 2.8 KB more brotli).
# Nor in lanes/minjson, the wasm's JSON (encoding/json's stand-in; measured only
# with its other changes, see BENCHMARKS.md). Nor in syscall/js, whose
# Value methods were inlined into every DOM call of go-app and the pages
# (17 KB less brotli: 1,338,056 → 1,321,036; a DOM call crosses into
# JavaScript anyway, one Go call more is nothing beside it).
WASM_GCFLAGS = -gcflags=lanes/app/...=-l -gcflags=lanes/course/...=-l -gcflags=lanes/timeline=-l -gcflags=github.com/maxence-charriere/go-app/...=-l -gcflags=lanes/app/lessons/...= \
	-gcflags=encoding/...=-l -gcflags=net/...=-l -gcflags=time=-l -gcflags=reflect=-l -gcflags=internal/godebug=-l -gcflags=internal/bisect=-l -gcflags=fmt=-l -gcflags=lanes/minjson=-l \
	-gcflags=syscall/js=-l

# The browser build compiles go-app without its server half (http.go and
# with it net/http, crypto/tls…: 0.34 MB brotli): build/wasm/go.mod is
# go.mod plus a replace of go-app by an edited copy that
# internal/wasmgoapp writes from the module cache (see its doc).
WASM_MOD = build/wasm/go.mod

$(WASM_MOD): go.mod go.sum $(filter-out %_test.go,$(wildcard internal/wasmgoapp/*.go internal/wasmgoapp/*/*.go))
	$(GO) run ./internal/wasmgoapp -o build/wasm

# The same commit gives the same app.wasm from any checkout: -trimpath,
# and a relative replace in $(WASM_MOD); the check below keeps it so.
web/app.wasm: $(GO_SOURCES) $(WASM_MOD)
	GOOS=js GOARCH=wasm $(GO) build -modfile=$(WASM_MOD) -trimpath -ldflags="-s -w" $(WASM_GCFLAGS) -o web/app.wasm .
	@if grep -qF "$(CURDIR)" web/app.wasm; then \
		echo "web/app.wasm holds the checkout's path $(CURDIR): it would differ between checkouts" >&2; \
		rm -f web/app.wasm; exit 1; fi

web/app.wasm.br: web/app.wasm
	$(GO) run . compress web/app.wasm

# The editor bundle is committed (make run works offline); editor/bundle.sum
# records the hashes of its sources, lockfile and output, and
# TestEditorBundleFresh fails when they disagree.
EDITOR_SUM_FILES = editor/editor.js editor/package.json editor/package-lock.json web/editor.js

editor:
	cd editor && npm ci --no-audit --no-fund && npm run build
	sha256sum $(EDITOR_SUM_FILES) > editor/bundle.sum

test: vet unit wasmtest e2e

# Lesson programs (package main under app/lessons/) show bugs on purpose
# (vet's copylocks, loopclosure…): their own tests check them, vet skips them.
VET_PKGS = $(shell $(GO) list -f '{{if or (ne .Name "main") (eq .ImportPath "lanes")}}{{.ImportPath}}{{end}}' ./...)

# The browser packages are vetted as the wasm build compiles them: with
# go-app without its server half ($(WASM_MOD)): the entry (lanes), the
# pages (lanes/app) and what they read (course, timeline).
vet: $(WASM_MOD)
	$(GO) vet $(VET_PKGS)
	GOOS=js GOARCH=wasm $(GO) vet -modfile=$(WASM_MOD) $(filter lanes lanes/app lanes/app/% lanes/course lanes/course/% lanes/timeline,$(VET_PKGS))

# internal/fidelity alone takes about 5 minutes on a busy 2-core machine:
# Go's default 10-minute timeout is too tight beside other work.
unit:
	$(GO) test -timeout 25m ./...

# Simulator tests under WebAssembly, in node (no DOM needed). sim/rewrite
# is left out: it runs `go list`, which does not exist inside node.
WASM_TEST_PKGS = $(filter-out lanes/sim/rewrite lanes/sim/rewrite/%,$(shell $(GO) list ./sim/... 2>/dev/null))

wasmtest: node
	@if [ -n "$(WASM_TEST_PKGS)" ]; then \
		GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" $(WASM_TEST_PKGS); \
	else echo "no ./sim packages yet"; fi

e2e: chromium wasm
	LANES_E2E=1 CHROMIUM=$(CHROMIUM) $(GO) test -count=1 -tags e2e -timeout 25m ./e2e/

# Replaces docs/screenshot.png (the README's picture) with the e2e test's
# lesson mid-run; make test never writes into docs/.
readme-shot: chromium wasm
	LANES_E2E=1 LANES_README_SHOT=1 CHROMIUM=$(CHROMIUM) $(GO) test -count=1 -tags e2e -run 'TestLessonPlays$$' ./e2e/

chromium:
	@test -x $(CHROMIUM) || (apt-get update && apt-get install -y chromium)

node:
	@command -v node >/dev/null || (apt-get update && apt-get install -y nodejs)

# make bench measures each figure beside the limit it is held against, in
# the same run (internal/budget, issue 17): the lesson's first paint and
# interactive against a one-paragraph page and go-app's hello world
# (e2e TestTimings), /play's run to timeline and 1,000-schedule explore
# in Chromium (e2e TestPlayBench; its builds and module size: the head's
# "/play builds", bench_play_test.go), the simulator's wasm/native speed against a channel
# ping-pong's (internal/pingpong), a cached page's requests/s against a
# static file's (internal/loadcheck -ratio), the wasm's brotli size beside
# go-app's hello as go-app ships and a plain Go hello. The simulator and
# the ping-pong run natively and in wasm in turn, three rounds (medians):
# measured one after the other, a change in the machine's load between
# them would move the ratio. make bench-play measures /play's part alone.
# The figures go to
# $(BENCH)/figures.txt; internal/benchcheck ends BENCHMARKS.md with the
# budgets, ✓ or ✗, and fails on a ✗.
BENCH = build/bench
FIGURES = $(CURDIR)/$(BENCH)/figures.txt
HELLO_SRC = $(wildcard internal/benchhello/*.go)

# go-app's hello built exactly as web/app.wasm is, and its server.
$(BENCH)/hello/web/app.wasm: $(HELLO_SRC) $(WASM_MOD)
	GOOS=js GOARCH=wasm $(GO) build -modfile=$(WASM_MOD) -trimpath -ldflags="-s -w" $(WASM_GCFLAGS) -o $@ ./internal/benchhello
$(BENCH)/hello/hello: $(HELLO_SRC)
	$(GO) build -o $@ ./internal/benchhello
# go-app's hello as go-app ships (its server half in), and a Go hello
# without go-app: the size's neighbours.
$(BENCH)/goapphello.wasm: $(HELLO_SRC)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $@ ./internal/benchhello
$(BENCH)/plainhello.wasm: $(wildcard internal/benchhello/plain/*.go)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags="-s -w" -o $@ ./internal/benchhello/plain
$(BENCH)/%.wasm.br: $(BENCH)/%.wasm
	$(GO) run . compress $<

bench: wasm chromium node $(BENCH)/hello/web/app.wasm $(BENCH)/hello/hello $(BENCH)/goapphello.wasm.br $(BENCH)/plainhello.wasm.br
	rm -f $(FIGURES)
	$(GO) run ./internal/benchcheck -figures $(FIGURES) -set size.goapphello.br=$$(stat -c %s $(BENCH)/goapphello.wasm.br) size.plainhello.br=$$(stat -c %s $(BENCH)/plainhello.wasm.br)
	LANES_BENCH_OUT=$(CURDIR)/BENCHMARKS.md LANES_BENCH_FIGURES=$(FIGURES) $(GO) test -count=1 -run TestBenchmarksReport .
	LANES_E2E=1 LANES_BENCH_OUT=$(CURDIR)/BENCHMARKS.md LANES_BENCH_FIGURES=$(FIGURES) LANES_BENCH_HELLO=$(CURDIR)/$(BENCH)/hello CHROMIUM=$(CHROMIUM) $(GO) test -count=1 -tags e2e -timeout 20m -run 'TestTimings|TestPlaybackFrameRate|TestPlayBench' ./e2e/
	$(GO) run ./internal/loadcheck -ratio -c 50 -figures $(FIGURES)
	$(GO) test -run '^$$' -bench . -benchmem ./... > bench.out
	{ echo '## go test -bench ./...'; echo; echo '```'; grep -E '^(Benchmark|pkg:|ok|goos|goarch|cpu)' bench.out; echo '```'; } >> BENCHMARKS.md
	GOMAXPROCS=1 $(GO) test -run '^$$' -bench . -benchmem ./sim/ > bench.out
	{ echo; echo '## The simulator natively with GOMAXPROCS=1 (one thread: hand-offs never cross threads)'; echo; echo '```'; grep -E '^(Benchmark|ok)' bench.out; echo '```'; } >> BENCHMARKS.md
	# sim's BenchmarkShared and BenchmarkWorld are the cost of instrumentation, BenchmarkExhaustiveCourse the bounded search per course program (issue 13)
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" -run '^$$' -bench . ./sim/ > bench.out
	{ echo; echo '## The simulator in WebAssembly (node $(shell node --version); steady state: each benchmark binary first runs the programs untimed for 1 s while V8 optimises)'; echo; echo '```'; grep -E '^(Benchmark|ok)' bench.out; echo '```'; } >> BENCHMARKS.md
	rm -f bench-native.out bench-wasm.out
	for i in 1 2 3; do \
		GOMAXPROCS=1 $(GO) test -run '^$$' -bench 'Course/runtime|PingPong' ./internal/fidelity/ ./internal/pingpong/ >> bench-native.out || exit 1; \
		GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" -run '^$$' -bench 'Course/runtime|PingPong' ./internal/fidelity/ ./internal/pingpong/ >> bench-wasm.out || exit 1; \
	done
	$(GO) run ./internal/benchcheck -figures $(FIGURES) -bench native < bench-native.out
	$(GO) run ./internal/benchcheck -figures $(FIGURES) -bench wasm < bench-wasm.out
	{ echo; echo '## The course programs natively with GOMAXPROCS=1, and a channel ping-pong (the limit of the simulator in wasm; three rounds, native and wasm in turn)'; echo; echo '```'; grep -E '^(Benchmark|ok)' bench-native.out; echo '```'; } >> BENCHMARKS.md
	{ echo; echo '## The course programs in WebAssembly, and the ping-pong (node $(shell node --version); hints: lines from the rewriter, walk: from the call stack)'; echo; echo '```'; grep -E '^(Benchmark|ok)' bench-wasm.out; echo '```'; } >> BENCHMARKS.md
	rm -f bench-native.out bench-wasm.out
	rm -f bench.out
	$(GO) run ./internal/benchcheck -figures $(FIGURES) -out $(CURDIR)/BENCHMARKS.md
	@echo wrote BENCHMARKS.md

# /play's part of make bench alone, into $(BENCH)/play.md (not
# BENCHMARKS.md): its builds and module size, and in Chromium its run to
# timeline and the 1,000-schedule explore.
bench-play: wasm chromium
	mkdir -p $(BENCH) && rm -f $(BENCH)/play.md
	LANES_BENCH_PLAY=$(CURDIR)/$(BENCH)/play.md $(GO) test -count=1 -run TestPlayBuildBench .
	LANES_E2E=1 LANES_BENCH_OUT=$(CURDIR)/$(BENCH)/play.md CHROMIUM=$(CHROMIUM) $(GO) test -count=1 -tags e2e -timeout 20m -run 'TestPlayBench' ./e2e/
	@cat $(BENCH)/play.md

# internal/loadcheck builds lanes, serves it on 127.0.0.1 and measures a
# cached page, a static file, the wasm, oEmbed and a flood of new runs
# (bounded: a few thousand requests, FLOOD long).
FLOOD ?= 20s
load: wasm
	$(GO) run ./internal/loadcheck -out $(CURDIR)/BENCHMARKS.md -flood $(FLOOD)

static: wasm
	$(GO) run . static -out site -base $(BASE) $(if $(URL),-url $(URL))

clean:
	rm -f web/app.wasm web/app.wasm.br web/app.wasm.gz
	rm -rf e2e/screenshots site build
