package main

import (
	"lanes/app"
	"lanes/app/course"
)

// The pages serve the course of app/lessons, in the server's prerender and
// in the browser alike.
func init() { app.SetCatalog(course.New()) }
