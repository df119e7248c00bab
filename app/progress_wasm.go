//go:build wasm

package app

import (
	json "lanes/minjson"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// progressKey is the local storage key of the challenges won in this
// browser: a JSON object from "slug/variant" to the picks and preemptions
// of the win. No account, nothing leaves the browser.
const progressKey = "lanes:solved"

type win struct {
	Picks       int `json:"picks"`
	Preemptions int `json:"preemptions"`
}

func loadProgress() (m map[string]win) {
	m = map[string]win{}
	defer func() {
		if recover() != nil { // local storage refused (a sandboxed frame)
			m = map[string]win{}
		}
	}()
	ls := app.Window().Get("localStorage")
	if !ls.Truthy() {
		return m
	}
	v := ls.Call("getItem", progressKey)
	if !v.Truthy() {
		return m
	}
	if err := json.Unmarshal([]byte(v.String()), &m); err != nil {
		return map[string]win{}
	}
	return m
}

func isSolved(slug, variant string) bool {
	_, ok := loadProgress()[slug+"/"+variant]
	return ok
}

func markSolved(slug, variant string, picks, preemptions int) {
	defer func() { _ = recover() }() // local storage refused: the win is not kept
	m := loadProgress()
	m[slug+"/"+variant] = win{Picks: picks, Preemptions: preemptions}
	b, err := json.Marshal(m)
	if err != nil {
		return
	}
	if ls := app.Window().Get("localStorage"); ls.Truthy() {
		ls.Call("setItem", progressKey, string(b))
	}
}

func solvedCount() map[string]bool {
	out := map[string]bool{}
	for k := range loadProgress() {
		out[k] = true
	}
	return out
}
