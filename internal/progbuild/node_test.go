package progbuild

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"lanes/sim/trace"
)

const workersProg = `package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println("worker", i)
		}()
	}
	wg.Wait()
	fmt.Println("done")
}
`

// nodeShim runs web/progworker.js under node as a Web Worker would (self,
// importScripts, postMessage, fetch of local files) and prints the answers
// to load, run, a bad run and explore as one JSON object.
const nodeShim = `
const fs = require("fs"), vm = require("vm");
const [workerPath, wasmExec, modulePath] = process.argv.slice(2);
const out = [];
let pending = null;
globalThis.self = globalThis;
globalThis.onmessage = null;
globalThis.importScripts = (p) => vm.runInThisContext(fs.readFileSync(p, "utf8"));
globalThis.postMessage = (m) => {
  out.push(m);
  if (pending && m.id === pending.id && m.op !== "progress") { const r = pending.resolve; pending = null; r(m); }
};
globalThis.fetch = async (url) => {
  const b = fs.readFileSync(url);
  return { ok: true, status: 200, arrayBuffer: async () => b.buffer.slice(b.byteOffset, b.byteOffset + b.length) };
};
vm.runInThisContext(fs.readFileSync(workerPath, "utf8"));
const send = (m) => new Promise((resolve) => { pending = { id: m.id, resolve }; onmessage({ data: m }); });
(async () => {
  const r = {};
  r.load = await send({ id: 1, op: "load", url: modulePath, wasmExec });
  r.run = await send({ id: 2, op: "run", request: { seed: 1 } });
  r.bad = await send({ id: 3, op: "run", request: { strategy: "fifo" } });
  r.explore = await send({ id: 4, op: "explore", request: { runs: 200, chunk: 50 } });
  r.progress = out.filter((m) => m.op === "progress").map((m) => m.done);
  console.log(JSON.stringify(r));
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
`

// The real module, built for js/wasm, loaded by the worker script under
// node: run gives a valid trace, a bad request an error, explore outcomes
// with progress.
func TestModuleUnderNode(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module with the go command")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node")
	}
	s := newService(t, Options{Timeout: 10 * time.Minute})
	start := time.Now()
	if err := s.Warm(context.Background()); err != nil {
		t.Fatalf("Warm: %v", err)
	}
	t.Logf("Warm: %v", time.Since(start))
	start = time.Now()
	m, err := s.Build(context.Background(), "main.go", []byte(workersProg))
	if err != nil {
		t.Fatal(err)
	}
	built := time.Since(start)
	start = time.Now()
	again, err := s.Build(context.Background(), "main.go", []byte(workersProg))
	if err != nil || !again.Cached || again.Key != m.Key {
		t.Fatalf("second build: %+v, %v; want the cached module", again, err)
	}
	br, _ := os.Stat(m.Brotli)
	t.Logf("module: %d bytes, %d brotli; built in %v, cached in %v", m.Size, br.Size(), built, time.Since(start))

	root := s.Options().Root
	shim := filepath.Join(t.TempDir(), "shim.js")
	if err := os.WriteFile(shim, []byte(nodeShim), 0o644); err != nil {
		t.Fatal(err)
	}
	wasmExec := filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec.js")
	out, err := exec.Command(node, shim, filepath.Join(root, "web", "progworker.js"), wasmExec, m.Path).CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var r struct {
		Load     struct{ File, Error string }
		Run      struct{ Trace, Error string }
		Bad      struct{ Error string }
		Explore  struct{ Report, Error string }
		Progress []int
	}
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if r.Load.File != "main.go" || r.Load.Error != "" {
		t.Errorf("load: %+v", r.Load)
	}
	tr, err := trace.Unmarshal([]byte(r.Run.Trace))
	if err != nil {
		t.Fatalf("run: %v (%+v)", err, r.Run.Error)
	}
	if err := trace.Validate(tr); err != nil {
		t.Errorf("Validate: %v", err)
	}
	if want := "worker 2\nworker 0\nworker 1\ndone\n"; tr.Outcome.Output != want || tr.Outcome.Exit != trace.ExitOK {
		t.Errorf("run: %v with %q, want ok with %q", tr.Outcome.Exit, tr.Outcome.Output, want)
	}
	if !strings.Contains(r.Bad.Error, `unknown strategy "fifo"`) {
		t.Errorf("bad run: error %q", r.Bad.Error)
	}
	var rep struct {
		Runs     int
		Outcomes []struct{ Count int }
	}
	if err := json.Unmarshal([]byte(r.Explore.Report), &rep); err != nil || rep.Runs != 200 || len(rep.Outcomes) == 0 {
		t.Errorf("explore: %+v, %v (%s)", rep, err, r.Explore.Error)
	}
	if want := []int{50, 100, 150, 200}; !slices.Equal(r.Progress, want) {
		t.Errorf("progress %v, want %v", r.Progress, want)
	}
}
