package timeline

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"lanes/internal/golden"
	"lanes/sim/trace"
)

type goldenCase struct {
	desc  string
	name  string // testdata/<name>.svg and .json
	trace func() *trace.Trace
	opts  Options
	svg   SVGOptions
}

var goldenCases = []goldenCase{
	{desc: "waitgroup, time scale", name: "waitgroup", trace: waitGroupTrace,
		opts: Options{Caption: "waitgroup.go:23 worker 3: wg.Done() — counter 1 → 0"}},
	{desc: "waitgroup, step scale, dark", name: "waitgroup-step-dark", trace: waitGroupTrace,
		opts: Options{Scale: ScaleStep, InFlight: true}, svg: SVGOptions{Theme: ThemeDark}},
	{desc: "channels and every other marker", name: "channels", trace: channelTrace,
		opts: Options{InFlight: true}, svg: SVGOptions{Theme: ThemeLight, IDPrefix: "ch"}},
	{desc: "panic in a worker", name: "panic", trace: panicTrace, opts: Options{Width: 640}},
	{desc: "group lanes", name: "groups", trace: func() *trace.Trace { return manyTrace(9, 1) },
		opts: Options{MaxLanes: 5, InFlight: true}},
	{desc: "group lanes on a phone: long labels on two rows", name: "groups-360", trace: func() *trace.Trace { return manyTrace(9, 1) },
		opts: Options{MaxLanes: 5, InFlight: true, Width: 360}},
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			tr := c.trace()
			if err := trace.Validate(tr); err != nil {
				t.Fatalf("%s: hand-made trace invalid: %v", c.desc, err)
			}
			d := Layout(tr, c.opts)
			js, err := json.MarshalIndent(d, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", c.name+".json"), append(js, '\n'))
			svg := SVG(d, c.svg)
			golden.Check(t, filepath.Join("testdata", c.name+".svg"), []byte(svg))
			if again := SVG(Layout(tr, c.opts), c.svg); again != svg {
				t.Errorf("%s: a second Layout+SVG gives other bytes", c.desc)
			}
			checkXML(t, c.desc, svg)
		})
	}
}

// checkXML parses svg strictly and checks it is one <svg> element.
func checkXML(t *testing.T, desc, svg string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	depth, roots := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: SVG is not well-formed XML: %v", desc, err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				if tk.Name.Local != "svg" {
					t.Errorf("%s: root element %q, want svg", desc, tk.Name.Local)
				}
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if roots != 1 {
		t.Errorf("%s: %d root elements, want 1", desc, roots)
	}
}
