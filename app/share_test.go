package app

import "testing"

func TestShareBoxRendered(t *testing.T) {
	slug := "hello"
	checkPages(t, []pageCase{
		{desc: "lesson page has the Embed dialog and downloads", url: "/lesson/" + slug + "?seed=4&t=3",
			contains: []string{`popovertarget="lanes-share"`, `id="lanes-share"`, `popover="auto"`, "Download SVG", "Download PNG",
				"/embed/" + slug + "?seed=4&amp;amp;t=3", "Hugo shortcode", "Jekyll include"}},
		{desc: "embed page has no dialog but reports its height", url: "/embed/" + slug,
			contains: []string{"lanes-height"}, absent: []string{"lanes-share", "Download SVG"}},
		{desc: "nothing unvalidated in the dialog", url: "/lesson/" + slug + `?variant="><script>x</script>&t=<img>`,
			absent: []string{"<script>x", "<img>", "variant=&amp;#34;", "t=&lt;img"}},
	})
}
