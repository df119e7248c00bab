package site

import (
	"bytes"
	"regexp"
)

// plainScript matches a classic external script, <script src="…"></script>,
// as go-app writes its Handler.Scripts (web/early.js): neither defer nor
// async, so the parser stops at it until it is fetched and run.
var plainScript = regexp.MustCompile(`<script src="[^"]*"></script>`)

// asyncHeadScripts makes the classic external scripts in the head of page
// async: they no longer hold the parser, and so the first paint, for a
// request (issue 17: web/early.js cost a fetch before anything was drawn).
// Such a script must not need to run before the page is parsed: early.js
// only listens for clicks on Play before the app is ready. The inline boot
// script (bootAfterPaint) and deferred scripts are left alone.
func asyncHeadScripts(page []byte) []byte {
	end := bytes.Index(page, []byte("</head>"))
	if end < 0 {
		return page
	}
	head := plainScript.ReplaceAllFunc(page[:end], func(tag []byte) []byte {
		return append([]byte(`<script async `), tag[len(`<script `):]...)
	})
	return append(head, page[end:]...)
}
