package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// hello is the whole page.
type hello struct{ app.Compo }

func (h *hello) Render() app.UI { return app.H1().Text("Hello, world") }

// routes is the same in the server and the browser (go-app needs both).
func routes() { app.Route("/", func() app.Composer { return &hello{} }) }
