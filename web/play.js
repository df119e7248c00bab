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
//       the server builds nothing) | on("static") (a static copy: its pages say
//       data-lanes-static, its play/status {"static": true}: its own programs run, no
//       other) | on("unknown")
//       (the request failed: the network is down)
//   lanesPlay.still(name, on)            a program page's still (its first run, made by the
//       server or lanes static): on("trace", "<trace JSON>") | on("none", "") (none yet,
//       or it could not be read: the page then runs the program): the page shows it
//       without building or loading anything
//   A 503 with Retry-After (the server is busy) of a build, a still or a source is asked
//   again, twice at most (fetchRetry), before the page hears of it.
//   lanesPlay.stop()                     ends a run or an explore (terminates its worker)
//
// One job (run or explore) at a time: a new one ends the one in flight,
// whose caller hears "error" "stopped". The worker outlives its job: a
// run or explore of the same source reuses it and its module (the
// scheduler game's picks replay in it: no build, no "building").
//
// A run that has not answered after runLimitMs is ended by terminating
// its worker: the page never hangs on a program that never yields.
(function () {
  "use strict";
  const runLimitMs = 20000;
  const slowMs = 1000; // a run in a kept worker says "running" only after this
  const prefix = (document.documentElement.dataset.lanesRoot || "").replace(/\/$/, "");
  // The worker and what it holds: its module's URL and the source it was
  // built from (a run of the same source reuses it, as the game's picks
  // do: no build, no new worker); busy while a request runs in it.
  let worker = null, workerURL = "", workerSource = null, busy = false;
  // job is the run or explore in flight, from its start (building) to its
  // last report; gen counts jobs: every await and answer checks that its
  // job is still the current one, so a superseded job never reports
  // again nor touches the worker of the next (two jobs' builds used to
  // overlap: the older one then took over the newer one's worker).
  let job = null, gen = 0, nextID = 1, timer = 0, slow = 0;
  globalThis.lanesPlayWorkers = 0; // workers started (e2e counts them)

  function kill() {
    if (worker) worker.terminate();
    worker = null; workerURL = ""; workerSource = null; busy = false;
  }

  function clearTimers() {
    if (timer) clearTimeout(timer);
    if (slow) clearTimeout(slow);
    timer = 0; slow = 0;
  }

  // begin ends the job in flight (its caller hears "stopped"; a worker in
  // the middle of a request is terminated, the only way to stop a module
  // that does not yield; an idle one is kept) and starts one reporting to
  // on; it returns the new job's number.
  function begin(on) {
    gen++;
    clearTimers();
    if (busy) kill();
    const j = job;
    job = { on };
    if (j) j.on("error", "stopped");
    return gen;
  }

  // finish is job my's last report.
  function finish(my, kind, text) {
    if (my !== gen || !job) return;
    clearTimers();
    const j = job; job = null;
    j.on(kind, text);
  }

  function stop() {
    gen++;
    clearTimers();
    kill();
    const j = job; job = null;
    if (j) j.on("error", "stopped");
  }

  // call sends one request to the worker; done(kind, message) once, with
  // "ok" or "error"; progress for an explore's reports.
  function call(msg, done, progress) {
    const id = nextID++;
    const w = worker;
    busy = true;
    w.onmessage = (e) => {
      const m = e.data || {};
      if (m.id !== id) return;
      if (m.op === "progress") { if (progress) progress(m.done, m.total); return; }
      if (worker === w) busy = false;
      done(m.error !== undefined ? "error" : "ok", m.error !== undefined ? m.error : m);
    };
    w.onerror = (e) => {
      if (worker === w) kill();
      done("error", "the program's worker failed: " + (e.message || "unknown error"));
    };
    w.postMessage(Object.assign({ id }, msg));
  }

  // fetchRetry is fetch, asked again (up to tries times in all) while the
  // server answers 503 with Retry-After (busy): after the seconds it says,
  // at most retryCapMs, so a busy moment does not leave the page without
  // its timeline. The last answer (or the fetch's error) is the caller's.
  const retryCapMs = 5000;
  async function fetchRetry(url, opts, tries) {
    for (let i = 1; ; i++) {
      const resp = await fetch(url, opts);
      const after = resp.headers.get("Retry-After");
      if (resp.status !== 503 || after === null || i >= tries) return resp;
      await new Promise((ok) => setTimeout(ok, Math.min(retryCapMs, Math.max(0, Number(after) || 1) * 1000)));
    }
  }

  async function build(source) {
    let resp;
    try {
      resp = await fetchRetry(prefix + "/play/build", { method: "POST", headers: { "Content-Type": "text/plain; charset=utf-8" }, body: source }, 3);
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

  // withModule calls go once the worker holds source's module: at once
  // when it does already (kept: no "building", no "running"), else after
  // building (or finding) the module and loading it into a new worker.
  async function withModule(my, source, name, on, go) {
    if (worker && !busy && workerSource === source) { go(true); return; }
    on("building", "");
    let b = null;
    if (name) b = await prebuilt(name);
    if (my !== gen) return;
    if (!b) b = await build(source);
    if (my !== gen) return;
    if (b.error) {
      if (b.diags) on("diags", JSON.stringify(b.diags));
      finish(my, "error", b.error);
      return;
    }
    const url = prefix + b.url;
    on("running", "");
    if (worker && !busy && workerURL === url) { workerSource = source; go(false); return; }
    kill();
    worker = new Worker(prefix + "/web/progworker.js");
    globalThis.lanesPlayWorkers++;
    workerURL = url;
    call({ op: "load", url, wasmExec: prefix + "/wasm_exec.js" }, (kind, m) => {
      if (my !== gen) return;
      if (kind === "error") { kill(); finish(my, "error", m); return; }
      workerSource = source;
      go(false);
    });
  }

  // run runs the program once. A run of the source the worker holds (a
  // game's pick, Run again) reuses the worker: it reports only its trace,
  // and "running" if it takes longer than slowMs (so that Stop shows).
  async function run(source, request, on, name) {
    const my = begin(on);
    await withModule(my, source, name, on, (kept) => {
      timer = setTimeout(() => {
        if (my !== gen) return;
        kill();
        finish(my, "error", "the program ran for more than " + runLimitMs / 1000 + " s without yielding and was stopped");
      }, runLimitMs);
      if (kept) slow = setTimeout(() => { if (my === gen && job) on("running", ""); }, slowMs);
      call({ op: "run", request: request || {} }, (kind, m) => {
        if (kind === "error") finish(my, "error", m);
        else finish(my, "trace", m.trace);
      });
    });
  }

  // explore runs many schedules of the program in the worker (the same
  // build and module as run).
  async function explore(source, request, on, name) {
    const my = begin(on);
    await withModule(my, source, name, on, () => {
      call({ op: "explore", request: request || {} }, (kind, m) => {
        if (kind === "error") finish(my, "error", m);
        else finish(my, "report", m.report);
      }, (done, total) => { if (my === gen) on("progress", done + " " + total); });
    });
  }

  async function status(on) {
    if (document.documentElement.hasAttribute("data-lanes-static")) { on("static"); return; } // lanes static's pages
    try {
      const resp = await fetch(prefix + "/play/status");
      const body = resp.ok && (resp.headers.get("Content-Type") || "").includes("json") ? await resp.json() : null;
      on(!body ? "unknown" : body.static ? "static" : body.build ? "build" : "off");
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
      const resp = await fetchRetry(prefix + "/play/source/" + encodeURIComponent(id), {}, 3);
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
      const resp = await fetchRetry(prefix + "/play/still/" + encodeURIComponent(name) + ".json", {}, 3);
      const text = resp.ok ? await resp.text() : "";
      on(text && text.trim() !== "null" ? "trace" : "none", text && text.trim() !== "null" ? text : "");
    } catch (e) {
      on("none", "");
    }
  }

  globalThis.lanesPlay = { run, explore, status, share, source, format, still, stop };
})();
