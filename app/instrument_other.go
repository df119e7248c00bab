//go:build !wasm

package app

// redrawn tells the browser's playback the timeline was drawn again;
// outside the browser there is nothing to tell.
func (p *LessonPage) redrawn() {}
