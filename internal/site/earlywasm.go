package site

import (
	"regexp"
)

// goappInstantiate is go-app's app.js fetching and compiling the wasm
// (goappInitWebAssembly), with the wasm's address as its first group.
var goappInstantiate = regexp.MustCompile(`const wasm = await instantiateStreaming\(\s*fetchWithProgress\(("[^"]*"), showProgress\),\s*go\.importObject\s*\);`)

// lanesInstantiateJS is appended to app.js by patchAppJS: the module
// bootJS compiled while the page loaded (window.lanesWasm), instantiated,
// with go-app's own loading as the fallback when there is none or its
// compile failed (a host that does not serve application/wasm, say). The
// progress go-app's loader shows (and web/early.js's bar follows) counts
// the decoded bytes of a copy of the response, as go-app's
// fetchWithProgress does, but only while the module is still on its way
// when app.js runs: on a fast connection nothing is read twice.
const lanesInstantiateJS = `
// Lanes (internal/site/earlywasm.go): instantiate the module the page's
// boot script compiled while the page loaded.
async function lanesInstantiate(importObject, progress, fallback) {
  performance.mark("lanes-appjs");
  const early = window.lanesWasm;
  if (!early) {
    return fallback();
  }
  let module;
  try {
    if (!early.compiled) {
      lanesProgress(early, progress);
    }
    module = await early.module;
  } catch (err) {
    console.warn("compiling app.wasm as the page loaded failed, loading it again: ", err);
    return fallback();
  }
  performance.mark("lanes-compiled");
  progress(100);
  const instance = await WebAssembly.instantiate(module, importObject);
  performance.mark("lanes-instantiated");
  return { instance };
}

async function lanesProgress(early, progress) {
  const copy = await early.copy;
  if (!copy || !copy.body) {
    return;
  }
  const reader = copy.body.getReader();
  const total = parseInt(goappWasmContentLength, 10);
  let loaded = 0;
  try {
    while (!early.compiled) {
      const { done, value } = await reader.read();
      if (done) {
        return;
      }
      loaded += value.length;
      if (total > 0) {
        progress(Math.min(100, Math.round((loaded * 100) / total)));
      }
    }
    reader.cancel();
  } catch (err) { }
}
`

// patchAppJS edits go-app's app.js to instantiate the module bootJS
// compiles while the page loads (see bootJS): go-app's fetch and compile
// become lanesInstantiate's fallback. ok is false, and app.js is returned
// unchanged, if go-app's code is not there as expected (a test keeps the
// go-app Lanes ships patched).
func patchAppJS(js []byte) (out []byte, ok bool) {
	if len(goappInstantiate.FindAllIndex(js, -1)) != 1 {
		return js, false
	}
	out = goappInstantiate.ReplaceAll(js, []byte(`const wasm = await lanesInstantiate(go.importObject, showProgress, () =>
      instantiateStreaming(fetchWithProgress($1, showProgress), go.importObject));`))
	return append(out, lanesInstantiateJS...), true
}
