package budget

import (
	"maps"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		desc    string
		in      string
		want    Figures
		wantErr string
	}{
		{desc: "empty", in: "", want: Figures{}},
		{desc: "figures, comments and blank lines", in: "# a run\nfcp.lesson 180\n\n  fcp.floor 88.5  \n",
			want: Figures{"fcp.lesson": 180, "fcp.floor": 88.5}},
		{desc: "the last value of a key wins", in: "a 1\na 2\n", want: Figures{"a": 2}},
		{desc: "exponents", in: "size 1.33e6\n", want: Figures{"size": 1.33e6}},
		{desc: "a value missing", in: "a 1\nb\n", wantErr: "line 2"},
		{desc: "a word for a value", in: "a fast\n", wantErr: "not a number"},
		{desc: "three fields", in: "a b 1\n", wantErr: "want KEY VALUE"},
	}
	for _, tt := range tests {
		got, err := Parse(strings.NewReader(tt.in))
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: Parse(%q) error %v, want one containing %q", tt.desc, tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !maps.Equal(got, tt.want) {
			t.Errorf("%s: Parse(%q) = %v, %v; want %v", tt.desc, tt.in, got, err, tt.want)
		}
	}
}

func TestParseBench(t *testing.T) {
	tests := []struct {
		desc   string
		prefix string
		in     string
		want   Figures
	}{
		{desc: "a native line with GOMAXPROCS suffix", prefix: "native",
			in:   "BenchmarkPingPong-2   \t 2718281\t       440.5 ns/op\n",
			want: Figures{"native.PingPong.ns/op": 440.5}},
		{desc: "custom metrics and sub-benchmarks, no suffix (GOMAXPROCS=1, wasm)", prefix: "wasm",
			in:   "goos: js\nBenchmarkCourse/runtime/hints \t 18\t 205259676 ns/op\t 543794 events/s\t 146.2 runs/s\nok  \tlanes/internal/fidelity\t39.604s\n",
			want: Figures{"wasm.Course/runtime/hints.ns/op": 205259676, "wasm.Course/runtime/hints.events/s": 543794, "wasm.Course/runtime/hints.runs/s": 146.2}},
		{desc: "a name with a dash and a number of its own", prefix: "n",
			in:   "BenchmarkLayout/1000goroutines_12005events-2 \t 184\t 6295111 ns/op\t 312136 svg-bytes\n",
			want: Figures{"n.Layout/1000goroutines_12005events.ns/op": 6295111, "n.Layout/1000goroutines_12005events.svg-bytes": 312136}},
		{desc: "-count 3: the median of each metric", prefix: "w",
			in:   "BenchmarkPingPong \t 10\t 1500 ns/op\nBenchmarkPingPong \t 10\t 9000 ns/op\nBenchmarkPingPong \t 10\t 1400 ns/op\n",
			want: Figures{"w.PingPong.ns/op": 1500}},
		{desc: "log lines and failures are skipped", prefix: "n",
			in:   "BenchmarkX-2 says hello world\n--- FAIL: BenchmarkY\nFAIL\n",
			want: Figures{}},
	}
	for _, tt := range tests {
		if got := ParseBench(tt.prefix, strings.NewReader(tt.in)); !maps.Equal(got, tt.want) {
			t.Errorf("%s: ParseBench(%q) = %v, want %v", tt.desc, tt.in, got, tt.want)
		}
	}
}

func TestWriteParses(t *testing.T) {
	f := Figures{"b.x/y.ns/op": 1.5, "a": 1332645}
	var b strings.Builder
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "a 1332645\nb.x/y.ns/op 1.5\n"; got != want {
		t.Errorf("Write = %q, want %q", got, want)
	}
	if got, err := Parse(strings.NewReader(b.String())); err != nil || !maps.Equal(got, f) {
		t.Errorf("Parse(Write(f)) = %v, %v; want %v", got, err, f)
	}
}
