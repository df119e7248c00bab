// Package e2e holds the end-to-end tests of Lanes: they build and start the
// real server (`lanes serve` on a free port, serving web/app.wasm, which
// `make wasm` builds), then drive Debian's headless Chromium with chromedp.
//
// The tests carry the build tag e2e and need LANES_E2E=1 (make test sets
// both, and installs chromium when it is missing):
//
//	make e2e
//	LANES_E2E=1 go test -tags e2e ./e2e/
//
// Screenshots go to e2e/screenshots/ for a human to look at; the wide lesson
// page is also copied to docs/screenshot.png for the README by
// `make readme-shot` (LANES_README_SHOT=1).
package e2e
