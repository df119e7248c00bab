//go:build js

package progwasm

import (
	"syscall/js"
)

// Serve makes the module m callable from JavaScript and blocks forever
// (a program module's main is `progwasm.Serve(progwasm.New(twin.Main,
// "main.go"))`). Right after wasm_exec.js's go.run(instance) is called,
// globalThis.lanesProgram holds:
//
//	file                           the shown file's name
//	version                        sim/trace's JSON version of the traces
//	run(request)                   → {trace: "<trace JSON>"} | {error: "…"}
//	explore(request, progress?)    → {report: "<sim.Report JSON>"} | {error: "…"}
//
// request is a JSON string (RunRequest, ExploreRequest); progress(done,
// total) is called every chunk runs and stops the exploration when it
// returns false. Both calls are synchronous: run them in a Web Worker
// (web/progworker.js), which the page terminates to end a runaway run.
func Serve(m *Module) {
	obj := js.Global().Get("Object").New()
	obj.Set("file", m.File())
	obj.Set("version", traceVersion)
	obj.Set("run", js.FuncOf(func(_ js.Value, args []js.Value) any {
		b, err := m.RunJSON([]byte(arg(args, 0)))
		return answer("trace", b, err)
	}))
	obj.Set("explore", js.FuncOf(func(_ js.Value, args []js.Value) any {
		var progress func(done, total int) bool
		if len(args) > 1 && args[1].Type() == js.TypeFunction {
			cb := args[1]
			progress = func(done, total int) bool {
				r := cb.Invoke(done, total)
				return !(r.Type() == js.TypeBoolean && !r.Bool())
			}
		}
		b, err := m.ExploreJSON([]byte(arg(args, 0)), progress)
		return answer("report", b, err)
	}))
	js.Global().Set("lanesProgram", obj)
	select {}
}

// arg is the i-th argument as a string ("" when absent or not a string).
func arg(args []js.Value, i int) string {
	if i < len(args) && args[i].Type() == js.TypeString {
		return args[i].String()
	}
	return ""
}

// answer is {key: text} or {error: message}.
func answer(key string, b []byte, err error) any {
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	return map[string]any{key: string(b)}
}
