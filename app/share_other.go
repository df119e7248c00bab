//go:build !wasm

package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Outside the browser the sharing buttons do nothing: the prerendered
// dialog still opens (a popover needs no script) and its text is
// selectable.
func (b *ShareBox) onSVG(ctx app.Context, e app.Event)    {}
func (b *ShareBox) onPNG(ctx app.Context, e app.Event)    {}
func (b *ShareBox) onCopy(ctx app.Context, e app.Event)   {}
func (b *ShareBox) onTheme(ctx app.Context, e app.Event)  {}
func (b *ShareBox) onOption(ctx app.Context, e app.Event) {}
