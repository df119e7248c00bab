package course

import "testing"

func TestRealCells(t *testing.T) {
	for _, tc := range []struct{ desc, kind, stderr, out, wantExit, wantOut string }{
		{desc: "ok, printed", kind: "ok", out: "a\n", wantExit: "ok", wantOut: "<pre>a\n</pre>"},
		{desc: "a panic's stderr already says panic", kind: "panic", stderr: "panic: worker 2: bad input", wantExit: "panic: worker 2: bad input", wantOut: `<span class="real-none">nothing printed</span>`},
		{desc: "a deadlock's fatal error keeps its kind", kind: "deadlock", stderr: "fatal error: all goroutines are asleep - deadlock!", out: "<b>", wantExit: "deadlock: fatal error: all goroutines are asleep - deadlock!", wantOut: "<pre>&lt;b&gt;</pre>"},
	} {
		if got := realExit(tc.kind, tc.stderr); got != tc.wantExit {
			t.Errorf("%s: realExit = %q, want %q", tc.desc, got, tc.wantExit)
		}
		if got := realStdout(tc.out); got != tc.wantOut {
			t.Errorf("%s: realStdout = %q, want %q", tc.desc, got, tc.wantOut)
		}
	}
}
