//go:build !wasm

package main

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lanes/internal/progbuild"
	"lanes/internal/site"
)

// lanes static -programs: every program's pages, source, module and the
// note that says where the module is, and its still (its first run, made
// as lanes static makes it: the program built for this machine and run
// once), prerendered in its pages, as JSON for the browser and as the
// picture its og:image names; byte-identical across two runs; readable
// under a sub-path from a plain file server. (The module is a stand-in:
// progbuild's own tests build real ones.)
func TestExportStaticPrograms(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a program (its still)")
	}
	web := t.TempDir()
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), fakeWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	progs, err := site.LoadPrograms("docs/examples")
	if err != nil {
		t.Fatal(err)
	}
	mod := filepath.Join(t.TempDir(), "module.wasm")
	if err := os.WriteFile(mod, []byte("\x00asm stand-in"), 0o644); err != nil {
		t.Fatal(err)
	}
	key := strings.Repeat("ab", 32)
	build := func(name, src string) (string, string, error) { return key, mod, nil }
	svc, err := progbuild.New(progbuild.Options{Cache: t.TempDir(), Timeout: progbuild.WarmTimeout})
	if err != nil {
		t.Fatal(err)
	}
	stills, err := programStills(context.Background(), svc, progs)
	if err != nil || stills["addinside"].Trace == nil {
		t.Fatalf("stills: %v (addinside's: %q)", err, stills["addinside"].Msg)
	}
	a, b := t.TempDir(), t.TempDir()
	for _, out := range []string{a, b} {
		if err := exportStaticPrograms(out, "/lanes/", web, "https://example.org/lanes", progs, build, stills); err != nil {
			t.Fatalf("export: %v", err)
		}
	}
	for _, tc := range []struct{ desc, file, want string }{
		{"the program's page, its code highlighted and escaped in it", "p/addinside.html", `wg.<span class="hl-f">Add</span>(`},
		{"its strings escaped", "p/addinside.html", `<span class="hl-s">&#34;all done&#34;</span>`},
		{"its embed", "embed/p/addinside.html", "open in Lanes"},
		{"its source", "play/source/addinside", "package main"},
		{"where its module is", "play/built/addinside.json", `{"url":"/play/module/` + key + `.wasm"}`},
		{"its module", "play/module/" + key + ".wasm", "asm stand-in"},
		{"the page prerendered with its still's timeline", "p/addinside.html", `class="timeline`},
		{"and the still's output", "p/addinside.html", "all done"},
		{"the embed with the still", "embed/p/addinside.html", `class="timeline`},
		{"the page's og:image: the still's picture", "p/addinside.html", `<meta property="og:image" content="https://example.org/lanes/svg/p/addinside.svg">`},
		{"the picture", "svg/p/addinside.svg", "<svg"},
		{"the still for the browser", "play/still/addinside.json", `"events"`},
	} {
		got, err := os.ReadFile(filepath.Join(a, tc.file))
		if err != nil || !bytes.Contains(got, []byte(tc.want)) {
			t.Errorf("%s: %s lacks %q (%v)", tc.desc, tc.file, tc.want, err)
		}
	}
	filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		if y, err := os.ReadFile(filepath.Join(b, rel)); err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two exports (%v)", rel, err)
		}
		return nil
	})
	srv := httptest.NewServer(http.StripPrefix("/lanes", http.FileServer(http.Dir(a))))
	defer srv.Close()
	for _, path := range []string{"/lanes/play/built/addinside.json", "/lanes/play/source/addinside", "/lanes/play/module/" + key + ".wasm", "/lanes/p/addinside.html", "/lanes/wasm_exec.js", "/lanes/svg/p/addinside.svg", "/lanes/play/still/addinside.json"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || len(body) == 0 {
			t.Errorf("a plain file server under /lanes/: GET %s = %d (%d bytes)", path, resp.StatusCode, len(body))
		}
	}
}
