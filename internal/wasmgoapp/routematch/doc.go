// Package routematch is the route matcher of the browser build's go-app:
// internal/wasmgoapp copies routematch.go into go-app's package app, where
// it stands in for package regexp in the router (route.go), so that the
// wasm links no regular expression engine (regexp, regexp/syntax and the
// Unicode tables they pull in: about 0.1 MB of the brotli transfer).
//
// It knows the subset of the syntax that routes use: literals, ., [classes]
// of ASCII characters, groups ((…) and (?:…)), |, ^, $, the repetitions *,
// +, ?, {n}, {n,} and {n,m}, and \ before punctuation or d, w, s (and D, W,
// S). It compiles anything else to a panic with the pattern, as
// regexp.MustCompile does on a syntax error. MatchString answers as
// regexp's MatchString; the tests compare the two on Lanes' routes and on
// generated patterns and paths.
package routematch
