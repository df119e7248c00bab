package timeline

import "strings"

// Palette: Okabe–Ito (colour-blind safe). Every state and marker also
// differs by shape or pattern, so colour is never the only cue. Bold text
// is the regular face with a stroke of its own colour: the SVG is in the
// page's font, and a bold face is one more font to load before the page's
// first paint (issue 17).
var styleRules = []struct{ sel, light, dark string }{
	{".bg", "fill:#ffffff", "fill:#0d1117"},
	{"text", "fill:#1f2328", "fill:#e6edf3"},
	{".cap", "font-size:13px;stroke:#1f2328;stroke-width:.45", "stroke:#e6edf3"},
	{".lbl", "font-size:12px", ""},
	{".dim", "fill:#57606a;font-size:11px", "fill:#9198a1"},
	{".row", "fill:#f3f5f8", "fill:#161b22"},
	{".grid", "stroke:#d0d7de;stroke-width:.6", "stroke:#30363d"},
	{".ax", "stroke:#57606a;stroke-width:1", "stroke:#9198a1"},
	{".brk", "stroke:#8c959f;stroke-width:1.2;fill:none", "stroke:#6e7681"},
	{".s-run", "fill:#0072b2", "fill:#3d9be0"},
	{".s-rdy", "fill:#56b4e9", "fill:#7cc7f0"},
	{".s-blk", "stroke:#d55e00;stroke-width:1", "stroke:#f07b2a"},
	{".hb", "fill:#fbe3d3", "fill:#3a2414"},
	{".hf", "fill:#d55e00", "fill:#f07b2a"},
	{".s-slp", "fill:#009e73;fill-opacity:.14;stroke:#009e73;stroke-width:1.3;stroke-dasharray:4 2", "fill:#2cc295;stroke:#2cc295"},
	{".e-done", "stroke:#1f2328;stroke-width:2", "stroke:#e6edf3"},
	{".e-cut", "stroke:#57606a;stroke-width:1.8;fill:none", "stroke:#c9d1d9"},
	{".e-leak", "stroke:#cc79a7;stroke-width:2.2;fill:none", "stroke:#e29bc6"},
	{".leak", "fill:#b4468a;stroke:#b4468a;stroke-width:.4;font-size:11px", "fill:#e29bc6;stroke:#e29bc6"},
	{".gk-run", "fill:#0072b2", "fill:#3d9be0"},
	{".gk-rdy", "fill:#56b4e9", "fill:#7cc7f0"},
	{".gk-blk", "stroke:#d55e00;stroke-width:.8", "stroke:#f07b2a"},
	{".gk-slp", "fill:#009e73;fill-opacity:.35;stroke:#009e73;stroke-width:.8", "fill:#2cc295;stroke:#2cc295"},
	{".fold", "cursor:pointer;text-decoration:underline", ""},
	{".m", "stroke:#1f2328;stroke-width:1", "stroke:#e6edf3"},
	{".m-go", "fill:#1f2328", "fill:#e6edf3"},
	{".m-add", "fill:#009e73", "fill:#2cc295"},
	{".m-done", "fill:#e69f00", "fill:#f0b429"},
	{".m-wait,.m-recv,.m-release,.m-recover,.m-timer,.m-select,.m-close", "fill:#ffffff", "fill:#0d1117"},
	{".m-return", "fill:#e69f00", "fill:#f0b429"},
	{".m-print", "fill:#f0e442", "fill:#f0e442"},
	{".m-panic", "fill:#d55e00", "fill:#f07b2a"},
	{".m-cancel", "fill:none;stroke:#cc79a7;stroke-width:2.2", "stroke:#e29bc6"},
	{".m-acquire,.m-send,.m-once", "fill:#0072b2", "fill:#3d9be0"},
	{".m-many", "fill:#8c959f;fill-opacity:.55;stroke:#57606a;stroke-width:.8", "fill:#6e7681;stroke:#9198a1"},
	{".ml", "font-size:11px;stroke:#1f2328;stroke-width:.35", "stroke:#e6edf3"},
	// goroutines' own colours (lane labels; the code pane's badges use the same, web/lanes.css)
	{".lbl.g0", "fill:#2b6cb0", "fill:#63b3ed"},
	{".lbl.g1", "fill:#c05621", "fill:#f6ad55"},
	{".lbl.g2", "fill:#2f855a", "fill:#68d391"},
	{".lbl.g3", "fill:#6b46c1", "fill:#b794f4"},
	{".lbl.g4", "fill:#b83280", "fill:#f687b3"},
	{".lbl.g5", "fill:#2c7a7b", "fill:#4fd1c5"},
	{".lbl.g6", "fill:#975a16", "fill:#ecc94b"},
	{".lbl.g7", "fill:#4a5568", "fill:#cbd5e0"},
	{".a-go", "stroke:#1f2328;stroke-width:1.1;fill:none", "stroke:#c9d1d9"},
	{".a-send", "stroke:#0072b2;stroke-width:1.1;stroke-dasharray:3 2;fill:none", "stroke:#7cc7f0"},
	{".ah-go", "fill:#1f2328", "fill:#c9d1d9"},
	{".ah-send", "fill:#0072b2", "fill:#7cc7f0"},
	{".tk", "stroke:#009e73;stroke-width:1.6;fill:none", "stroke:#2cc295"},
	{".tka", "fill:#009e73;fill-opacity:.14;stroke:none", "fill:#2cc295"},
	{".tkb", "fill:#f8fafb", "fill:#11161d"},
	{".exit", "stroke:#d55e00;stroke-width:1.5;stroke-dasharray:6 3", "stroke:#f07b2a"},
	{".exl", "fill:#d55e00;stroke:#d55e00;stroke-width:.4;font-size:11px", "fill:#f07b2a;stroke:#f07b2a"},
}

// css is the inline style sheet: light rules, then the dark ones for
// th-dark and, under prefers-color-scheme: dark, for th-auto. Every
// selector is scoped to the root's class so an inlined SVG never styles
// its host page.
var css = sheet(styleRules)

// sheet is the style sheet of rules, as css describes it.
func sheet(rules []struct{ sel, light, dark string }) string {
	const root = ".lanes-tl"
	var b strings.Builder
	scoped := func(prefix, sel string) string {
		parts := strings.Split(sel, ",")
		for i, p := range parts {
			parts[i] = prefix + " " + p
		}
		return strings.Join(parts, ",")
	}
	for _, r := range rules {
		b.WriteString(scoped(root, r.sel) + "{" + r.light + "}\n")
	}
	dark := func(prefix string) {
		for _, r := range rules {
			if r.dark != "" {
				b.WriteString(scoped(prefix, r.sel) + "{" + r.dark + "}\n")
			}
		}
	}
	dark(root + ".th-dark")
	b.WriteString("@media (prefers-color-scheme: dark){\n")
	dark(root + ".th-auto")
	b.WriteString("}\n")
	return b.String()
}
