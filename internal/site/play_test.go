package site

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lanes/internal/progbuild"
	"lanes/internal/snippets"
)

func newTestPlay(t *testing.T, builds bool) *Play {
	t.Helper()
	store, err := snippets.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	pl := &Play{Snippets: store, Limit: Limit{Burst: 3, Every: time.Hour}}
	if builds {
		svc, err := progbuild.New(progbuild.Options{Cache: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		pl.Builds = svc
	}
	return pl
}

func do(h http.Handler, method, path, body, remote string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	if remote != "" {
		r.RemoteAddr = remote
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestPlayRoutes(t *testing.T) {
	pl := newTestPlay(t, true)
	tests := []struct {
		desc, method, path, body string
		status                   int
		want                     string
	}{
		{"empty program", "POST", "/play/build", "  \n", 400, "the program is empty"},
		{"invalid UTF-8, at its place", "POST", "/play/build", "package main\n\nfunc main() { _ = \"\xff\" }\n", 400, `"line":3`},
		{"65 KiB", "POST", "/play/build", strings.Repeat("x", 65<<10), 413, "64 KiB"},
		{"a type error at its line", "POST", "/play/build", "package main\n\nfunc main() {\n\tx := 1\n}\n", 400, `"line":4`},
		{"build with GET", "GET", "/play/build", "", 405, "use POST"},
		{"share with GET", "GET", "/play/share", "", 405, "use POST"},
		{"module with POST", "POST", "/play/module/x.wasm", "", 405, "use GET"},
		{"a module never built", "GET", "/play/module/" + strings.Repeat("a", 64) + ".wasm", "", 404, "no such program module"},
		{"not a module key", "GET", "/play/module/../../etc/passwd", "", 404, "no such program module"},
		{"an unknown program", "GET", "/play/source/nope", "", 404, "no shared program"},
		{"not an id", "GET", "/play/source/%3Cscript%3E", "", 404, "no shared program"},
		{"share nothing", "POST", "/play/share", "", 400, "empty"},
		{"format", "POST", "/play/format", "package main\nfunc main(){println(1)}\n", 200, `"source":"package main\n\nfunc main() { println(1) }\n"`},
		{"format a syntax error", "POST", "/play/format", "package main\n\nfunc main() {\n", 400, `"line":3`},
		{"format nothing", "POST", "/play/format", "", 400, "empty"},
	}
	for _, tc := range tests {
		w := do(pl, tc.method, tc.path, tc.body, "")
		if w.Code != tc.status || !strings.Contains(w.Body.String(), tc.want) {
			t.Errorf("%s: %s %s = %d %.200q, want %d with %q", tc.desc, tc.method, tc.path, w.Code, w.Body.String(), tc.status, tc.want)
		}
	}
}

func TestPlayShareRoundTrip(t *testing.T) {
	pl := newTestPlay(t, false)
	src := "package main\n\nfunc main() { println(\"<b>hi</b>\") }\n"
	w := do(pl, "POST", "/play/share", src, "")
	var got struct{ ID, URL string }
	if err := json.Unmarshal(w.Body.Bytes(), &got); w.Code != 200 || err != nil || got.URL != "/p/"+got.ID {
		t.Fatalf("share = %d %s (%v), want 200 with an id and /p/ID", w.Code, w.Body, err)
	}
	if again := do(pl, "POST", "/play/share", src, ""); !strings.Contains(again.Body.String(), got.ID) {
		t.Errorf("sharing the same program again = %s, want the same id %s", again.Body, got.ID)
	}
	r := do(pl, "GET", "/play/source/"+got.ID, "", "")
	if r.Code != 200 || r.Body.String() != src || !strings.HasPrefix(r.Header().Get("Content-Type"), "text/plain") {
		t.Errorf("source = %d %q (%s), want the program as text/plain", r.Code, r.Body, r.Header().Get("Content-Type"))
	}
	for _, tc := range []struct {
		desc, path string
		want       bool
	}{
		{"the playground", "/play", true},
		{"the shared program", "/p/" + got.ID, true},
		{"its embed", "/embed/p/" + got.ID, true},
		{"an unknown program", "/p/zzzz", false},
		{"not an id", "/p/a-b", false},
		{"a lesson", "/lesson/x", false},
	} {
		if got := pl.PageExists(tc.path); got != tc.want {
			t.Errorf("%s: PageExists(%s) = %v, want %v", tc.desc, tc.path, got, tc.want)
		}
	}
	var none *Play
	if !none.PageExists("/play") || none.PageExists("/p/"+got.ID) {
		t.Errorf("a site without Play: PageExists(/play) = %v, PageExists(/p/ID) = %v, want true (it says it builds nothing), false", none.PageExists("/play"), none.PageExists("/p/"+got.ID))
	}
	if w := do(none, "POST", "/play/build", src, ""); w.Code != 404 {
		t.Errorf("a site without Play answers /play/build with %d, want 404", w.Code)
	}
}

func TestPlayRateLimit(t *testing.T) {
	pl := newTestPlay(t, false) // Burst 3, then one an hour
	progs := []string{"package main\nfunc main() {}\n// 1\n", "package main\nfunc main() {}\n// 2\n", "package main\nfunc main() {}\n// 3\n", "package main\nfunc main() {}\n// 4\n"}
	for i, p := range progs[:3] {
		if w := do(pl, "POST", "/play/share", p, "192.0.2.1:1000"); w.Code != 200 {
			t.Fatalf("share %d = %d %s, want 200", i+1, w.Code, w.Body)
		}
	}
	w := do(pl, "POST", "/play/share", progs[3], "192.0.2.1:2000")
	if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") == "" {
		t.Errorf("the 4th share from one address = %d (Retry-After %q), want 429 with Retry-After", w.Code, w.Header().Get("Retry-After"))
	}
	if w := do(pl, "POST", "/play/share", "", "192.0.2.1:2000"); w.Code != 400 {
		t.Errorf("an empty program over the limit = %d, want 400 (refusing costs nothing)", w.Code)
	}
	if w := do(pl, "POST", "/play/share", progs[3], "192.0.2.2:1000"); w.Code != 200 {
		t.Errorf("another address = %d, want 200", w.Code)
	}
}

func TestLimiter(t *testing.T) {
	t0 := time.Unix(1000, 0)
	lm := newLimiter(Limit{Burst: 2, Every: 10 * time.Second})
	tests := []struct {
		desc   string
		client string
		at     time.Duration
		ok     bool
		wait   time.Duration
	}{
		{"first", "a", 0, true, 0},
		{"second", "a", 0, true, 0},
		{"over the burst", "a", 0, false, 10 * time.Second},
		{"half a token later", "a", 5 * time.Second, false, 5 * time.Second},
		{"a token later", "a", 10 * time.Second, true, 0},
		{"another client", "b", 10 * time.Second, true, 0},
	}
	for _, tc := range tests {
		wait, ok := lm.allow(tc.client, t0.Add(tc.at))
		if ok != tc.ok || wait != tc.wait {
			t.Errorf("%s: allow = %v, %v; want %v, %v", tc.desc, wait, ok, tc.wait, tc.ok)
		}
	}
}

func TestLoadPrograms(t *testing.T) {
	write := func(dir, name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := t.TempDir()
	write(good, "worker-pool.go", "package main\n\nfunc main() {}\n")
	write(good, "x_test.go", "package main\n")
	write(good, "notes.txt", "not a program")
	progs, err := LoadPrograms(good)
	if err != nil || len(progs) != 1 || progs["worker-pool"] == "" {
		t.Fatalf("LoadPrograms = %v, %v; want worker-pool only", progs, err)
	}
	pl := &Play{Programs: progs}
	if !pl.PageExists("/p/worker-pool") || !pl.PageExists("/embed/p/worker-pool") || pl.PageExists("/p/nope") {
		t.Errorf("the pages of -programs: /p/worker-pool exists %v, /p/nope %v", pl.PageExists("/p/worker-pool"), pl.PageExists("/p/nope"))
	}
	if w := do(pl, "GET", "/play/source/worker-pool", "", ""); w.Code != 200 || !strings.Contains(w.Body.String(), "func main") {
		t.Errorf("its source = %d %q", w.Code, w.Body)
	}
	for _, tc := range []struct{ desc, name, src, want string }{
		{"a bad name", "my prog.go", "package main\n\nfunc main() {}\n", "a program's name"},
		{"an empty program", "empty.go", "\n", "empty"},
	} {
		dir := t.TempDir()
		write(dir, tc.name, tc.src)
		if _, err := LoadPrograms(dir); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: LoadPrograms = %v, want an error with %q", tc.desc, err, tc.want)
		}
	}
	if _, err := LoadPrograms(t.TempDir()); err == nil {
		t.Errorf("LoadPrograms of an empty directory: no error")
	}
}

// TestPlayStatus: /play/status says what the server does; under lanes
// serve -data off (no Play) /play still exists and says it builds nothing.
func TestPlayStatus(t *testing.T) {
	tests := []struct {
		desc   string
		pl     *Play
		method string
		status int
		want   string
	}{
		{desc: "-data off", pl: nil, method: "GET", status: 200, want: `{"build":false,"share":false}`},
		{desc: "-data off, -programs DIR", pl: &Play{Programs: map[string]string{"a": "package main\n"}}, method: "GET", status: 200, want: `{"build":false,"share":false}`},
		{desc: "builds and shares", pl: newTestPlay(t, true), method: "GET", status: 200, want: `{"build":true,"share":true}`},
		{desc: "POST", pl: nil, method: "POST", status: 405, want: "use GET"},
	}
	for _, tt := range tests {
		w := do(tt.pl, tt.method, "/play/status", "", "")
		if w.Code != tt.status || !strings.Contains(w.Body.String(), tt.want) {
			t.Errorf("%s: got %d %q, want %d with %q", tt.desc, w.Code, w.Body.String(), tt.status, tt.want)
		}
	}
	var off *Play
	if !off.PageExists("/play") || off.PageExists("/p/abc") {
		t.Errorf("without a Play: PageExists(/play) = %v, PageExists(/p/abc) = %v, want true, false", off.PageExists("/play"), off.PageExists("/p/abc"))
	}
	if !PlayPath("/play/status") {
		t.Errorf("PlayPath(/play/status) = false, want true")
	}
}

// A refused program's message points a web reader at the page's own
// "What programs can Lanes run?", not at docs/cli.md or go doc, which the
// command line's message names: in Run's answer and in a still.
func TestPlayUnsupportedHint(t *testing.T) {
	pl := newTestPlay(t, true)
	const src = "package main\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n)\n\nfunc main() { fmt.Println(http.StatusOK) }\n"
	_, still, err := StillOf(t.Context(), pl.Builds, src)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		desc, msg string
	}{
		{desc: "Run's answer", msg: do(pl, "POST", "/play/build", src, "").Body.String()},
		{desc: "the still", msg: still},
	}
	for _, tt := range tests {
		if !strings.Contains(tt.msg, `import \"net/http\" is not supported yet`) && !strings.Contains(tt.msg, `import "net/http" is not supported yet`) {
			t.Errorf("%s: %q does not refuse the import", tt.desc, tt.msg)
		}
		if !strings.Contains(tt.msg, "What programs can Lanes run?") {
			t.Errorf("%s: %q does not point at the page's section", tt.desc, tt.msg)
		}
		for _, cli := range []string{"docs/cli.md", "go doc"} {
			if strings.Contains(tt.msg, cli) {
				t.Errorf("%s: %q names %s, which a web reader cannot open", tt.desc, tt.msg, cli)
			}
		}
	}
}
