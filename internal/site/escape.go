package site

import "lanes/timeline"

// esc is the one function through which the site writes any value into
// HTML, text or attribute (double-quoted): timeline.EscapeHTML, the
// project's escaping, which the timeline's SVG and the course's snippets
// use too. Every value the site adds to a page (og:url, the oEmbed
// discovery link, the boot script's sources) goes through it.
func esc(s string) string { return timeline.EscapeHTML(s) }
