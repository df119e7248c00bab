// play.js: the /play page's runner (app/play_wasm.go calls it). It asks
// the server to build a program module, runs it in a Web Worker
// (web/progworker.js) and hands the trace back; it also shares programs
// and fetches shared ones. Plain script, no eval, same origin only (the
// site's CSP).
//
//   lanesPlay.run(source, request, on, name)   on(kind, text):
//       (name: a program page's id when the source is its own, unedited:
//       its module may be built already, and on a static site it must be)
//       "building" ""                    the server is building the module
//       "running"  ""                    the module runs in the worker
//       "trace"    "<trace JSON>"        done
//       "error"    "<message>"           the run or the build failed
//       "diags"    "<[{line,col,msg}] JSON>" (before "error") the program's problems
//   lanesPlay.share(source, on)          on("shared", id) | on("error", msg)
//   lanesPlay.source(id, on)             on("source", text) | on("error", msg)
//   lanesPlay.format(source, on)         on("formatted", text) | on("diags", json), on("error", msg)
//   lanesPlay.explore(source, request, on, name)   "What can happen?":
//       request is internal/progwasm's ExploreRequest; on(kind, text) as run's
//       but "progress" "<done> <total>" while it runs and "report" "<sim.Report
//       JSON>" at the end (no time limit: each run's steps are bounded)
//   lanesPlay.status(on)                 on("build") | on("off") (lanes serve -data off:
//       the server builds nothing) | on("unknown") (a static copy, whose play/status says
//       {"static": true}: its own programs run)
//   lanesPlay.still(name, on)            a program page's still (its first run, made by the
//       server or lanes static): on("trace", "<trace JSON>") | on("none", "") (none yet,
//       or it could not be read): the page shows it without building or loading anything
//   lanesPlay.stop()                     ends a run or an explore (terminates its worker)
//
// A run that has not answered after runLimitMs is ended by terminating
// its worker: the page never hangs on a program that never yields. An
// idle worker that has loaded a module runs that module again (Run of an
// unchanged program loads nothing); another module gets a new worker.
(function () {
  "use strict";
  const runLimitMs = 20000;
  const prefix = (document.documentElement.dataset.lanesRoot || "").replace(/\/$/, "");
  let worker = null, workerURL = "", pending = null, nextID = 1, timer = 0;

  function stop() {
    if (worker) worker.terminate();
    worker = null; workerURL = "";
    if (timer) clearTimeout(timer);
    timer = 0;
    if (pending) { const p = pending; pending = null; p("error", "stopped"); }
  }

  function call(msg, done, progress) {
    const id = nextID++;
    pending = done;
    worker.onmessage = (e) => {
      const m = e.data || {};
      if (m.id !== id) return;
      if (m.op === "progress") { if (progress) progress(m.done, m.total); return; }
      const p = pending; pending = null;
      if (p) p(m.error !== undefined ? "error" : "ok", m.error !== undefined ? m.error : m);
    };
    worker.onerror = (e) => {
      const p = pending; pending = null;
      if (p) p("error", "the program's worker failed: " + (e.message || "unknown error"));
    };
    worker.postMessage(Object.assign({ id }, msg));
  }

  async function build(source) {
    let resp;
    try {
      resp = await fetch(prefix + "/play/build", { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: source });
    } catch (e) {
      return { error: "the server could not be reached: " + e.message };
    }
    let body = {};
    try { body = await resp.clone().json(); } catch (e) { body = { error: "the server answered " + resp.status }; }
    const json = (resp.headers.get("Content-Type") || "").includes("json");
    if ((resp.status === 404 || resp.status === 405) && !json) {
      body = { error: "this site cannot build programs (it is a static copy of Lanes): run the programs it ships unedited, or run `lanes serve` to build your own" };
    }
    if (!resp.ok && !body.error) body.error = "the server answered " + resp.status;
    return body;
  }

  // prebuilt asks where a program page's module is: {url} when it is
  // built (always on a static site), null when the server should build it.
  async function prebuilt(name) {
    try {
      const resp = await fetch(prefix + "/play/built/" + encodeURIComponent(name) + ".json");
      const body = await resp.json();
      return resp.ok && body.url ? { url: body.url } : null;
    } catch (e) {
      return null;
    }
  }

  async function run(source, request, on, name) {
    // An idle worker is kept: if it has loaded this program's module, the
    // run goes to it without loading the module again (below).
    if (pending || !worker) stop();
    else if (timer) { clearTimeout(timer); timer = 0; }
    on("building", "");
    let b = null;
    if (name) b = await prebuilt(name);
    if (!b) b = await build(source);
    if (b.error) {
      if (b.diags) on("diags", JSON.stringify(b.diags));
      on("error", b.error);
      return;
    }
    const url = prefix + b.url;
    on("running", "");
    const go = () => call({ op: "run", request: request || {} }, (kind, m) => {
      if (timer) clearTimeout(timer);
      timer = 0;
      if (kind === "error") { on("error", m); return; }
      on("trace", m.trace);
    });
    timer = setTimeout(() => {
      stop();
      on("error", "the program ran for more than " + runLimitMs / 1000 + " s without yielding and was stopped");
    }, runLimitMs);
    if (worker && workerURL === url && !pending) { go(); return; }
    if (worker) worker.terminate();
    worker = new Worker(prefix + "/web/progworker.js");
    workerURL = url;
    call({ op: "load", url, wasmExec: prefix + "/wasm_exec.js" }, (kind, m) => {
      if (kind === "error") {
        if (timer) clearTimeout(timer);
        timer = 0;
        worker.terminate(); worker = null; workerURL = "";
        on("error", m);
        return;
      }
      go();
    });
  }

  // explore runs many schedules of the program in the worker (the same
  // build and module as run).
  async function explore(source, request, on, name) {
    stop();
    on("building", "");
    let b = null;
    if (name) b = await prebuilt(name);
    if (!b) b = await build(source);
    if (b.error) {
      if (b.diags) on("diags", JSON.stringify(b.diags));
      on("error", b.error);
      return;
    }
    const url = prefix + b.url;
    on("running", "");
    worker = new Worker(prefix + "/web/progworker.js");
    workerURL = url;
    call({ op: "load", url, wasmExec: prefix + "/wasm_exec.js" }, (kind, m) => {
      if (kind === "error") { stop(); on("error", m); return; }
      call({ op: "explore", request: request || {} }, (kind, m) => {
        if (kind === "error") { on("error", m); return; }
        on("report", m.report);
      }, (done, total) => on("progress", done + " " + total));
    });
  }

  async function status(on) {
    try {
      const resp = await fetch(prefix + "/play/status");
      const body = resp.ok && (resp.headers.get("Content-Type") || "").includes("json") ? await resp.json() : null;
      on(!body || body.static ? "unknown" : body.build ? "build" : "off");
    } catch (e) {
      on("unknown");
    }
  }

  async function share(source, on) {
    try {
      const resp = await fetch(prefix + "/play/share", { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: source });
      const body = await resp.json();
      if (!resp.ok || body.error) { on("error", body.error || "the server answered " + resp.status); return; }
      on("shared", body.id);
    } catch (e) {
      on("error", "sharing failed: " + e.message);
    }
  }

  async function source(id, on) {
    try {
      const resp = await fetch(prefix + "/play/source/" + encodeURIComponent(id));
      const text = await resp.text();
      on(resp.ok ? "source" : "error", resp.ok ? text : text.trim());
    } catch (e) {
      on("error", "the program could not be loaded: " + e.message);
    }
  }

  async function format(source, on) {
    try {
      const resp = await fetch(prefix + "/play/format", { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: source });
      const body = await resp.json();
      if (resp.ok && typeof body.source === "string") { on("formatted", body.source); return; }
      if (body.diags) on("diags", JSON.stringify(body.diags));
      on("error", body.error || "the server answered " + resp.status);
    } catch (e) {
      on("error", "formatting failed: " + e.message);
    }
  }

  async function still(name, on) {
    try {
      const resp = await fetch(prefix + "/play/still/" + encodeURIComponent(name) + ".json");
      const text = resp.ok ? await resp.text() : "";
      on(text && text.trim() !== "null" ? "trace" : "none", text && text.trim() !== "null" ? text : "");
    } catch (e) {
      on("none", "");
    }
  }

  globalThis.lanesPlay = { run, explore, status, share, source, format, still, stop };
})();
