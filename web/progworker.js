// progworker.js: runs a program module (internal/progbuild,
// internal/progwasm) in a Web Worker, so the page never freezes and a
// runaway run is ended by terminating the worker.
//
//   const w = new Worker("/web/progworker.js");
//   w.postMessage({id: 1, op: "load", url: "/play/module/<key>.wasm"});
//   w.postMessage({id: 2, op: "run", request: {seed: 1, strategy: "runtime"}});
//   w.postMessage({id: 3, op: "explore", request: {runs: 1000, chunk: 50}});
//
// Answers (one per request, with its id):
//   {id, op: "load", file, version}            the module is ready
//   {id, op: "run", trace: "<trace JSON>"}      sim/trace's versioned JSON
//   {id, op: "progress", done, total}           every chunk runs of an explore
//   {id, op: "explore", report: "<report JSON>"} sim.Report
//   {id, op, error: "message"}                  a bad request, a module that
//                                               does not load…
//
// A run or an explore blocks this worker until it ends (steps and output
// are bounded by the module); to stop one early, terminate the worker and
// start another. wasm_exec.js must come from the Go release that built the
// module: the load request may name it (wasmExec), default "/wasm_exec.js".
"use strict";

let program = null;

function fail(id, op, err) {
  postMessage({ id, op, error: String((err && err.message) || err) });
}

async function load(msg) {
  if (typeof Go === "undefined") {
    importScripts(msg.wasmExec || "/wasm_exec.js");
  }
  const go = new Go();
  const resp = await fetch(msg.url);
  if (!resp.ok) {
    throw new Error("the program module could not be loaded (" + resp.status + ")");
  }
  const bytes = await resp.arrayBuffer();
  const { instance } = await WebAssembly.instantiate(bytes, go.importObject);
  go.run(instance); // returns once main blocks, after setting lanesProgram
  program = globalThis.lanesProgram;
  if (!program) {
    throw new Error("not a Lanes program module");
  }
  return { file: program.file, version: program.version };
}

function request(msg) {
  return JSON.stringify(msg.request || {});
}

onmessage = async (e) => {
  const msg = e.data || {};
  const { id, op } = msg;
  try {
    switch (op) {
      case "load":
        postMessage({ id, op, ...(await load(msg)) });
        return;
      case "run": {
        if (!program) throw new Error("no program module loaded");
        const r = program.run(request(msg));
        postMessage(r.error !== undefined ? { id, op, error: r.error } : { id, op, trace: r.trace });
        return;
      }
      case "explore": {
        if (!program) throw new Error("no program module loaded");
        const r = program.explore(request(msg), (done, total) => {
          postMessage({ id, op: "progress", done, total });
          return true;
        });
        postMessage(r.error !== undefined ? { id, op, error: r.error } : { id, op, report: r.report });
        return;
      }
    }
    throw new Error("unknown request " + JSON.stringify(op));
  } catch (err) {
    fail(id, op, err);
  }
};
