package rewrite

import (
	"strings"
	"testing"
)

func TestRefusals(t *testing.T) {
	tests := []struct {
		desc string
		src  string
		want string // the first error line
	}{
		{"unsupported import", "package main\n\nimport (\n\t\"net/http\"\n)\n\nfunc main() { _ = http.Get }\n",
			`main.go:4:2: import "net/http" is not supported yet`},
		{"unsafe", "package main\n\nimport \"unsafe\"\n\nfunc main() { _ = unsafe.Sizeof(1) }\n",
			`main.go:3:8: import "unsafe" is not supported yet`},
		{"cgo", "package main\n\nimport \"C\"\n\nfunc main() {}\n",
			`main.go:3:8: import "C" is not supported yet`},
		{"not main", "package lib\n\nfunc F() {}\n",
			`main.go:1:9: package lib (a program is package main) is not supported yet`},
		{"dot import", "package main\n\nimport . \"fmt\"\n\nfunc main() { Println() }\n",
			`main.go:3:8: dot import of "fmt" is not supported yet`},
		{"go builtin", "package main\n\nfunc main() {\n\tch := make(chan int)\n\tgo close(ch)\n}\n",
			`main.go:5:5: go statement calling builtin close is not supported yet`},
		{"defer recover", "package main\n\nfunc main() {\n\tdefer recover()\n}\n",
			`main.go:4:8: defer recover() is not supported yet`},
		{"goto", "package main\n\nfunc main() {\n\tgoto end\nend:\n}\n",
			`main.go:4:2: goto is not supported yet`},
		{"reserved prefix", "package main\n\nfunc main() {\n\t_lx := 1\n\t_ = _lx\n}\n",
			`main.go:4:2: identifier _lx (the prefix _l is reserved for the rewriter) is not supported yet`},
		{"Main clash", "package main\n\nfunc Main() {}\n\nfunc main() {}\n",
			`main.go:3:6: a top-level name Main is not supported yet`},
		{"println", "package main\n\nfunc main() {\n\tprintln(1)\n}\n",
			`main.go:4:2: builtin println is not supported yet`},
		{"directional type assertion", "package main\n\nfunc main() {\n\tvar x any = make(chan int)\n\t_, ok := x.(<-chan int)\n\t_ = ok\n}\n",
			`main.go:5:14: type assertion to a directional channel type is not supported yet`},
		{"method on chan type", "package main\n\ntype C chan int\n\nfunc (c C) Send() { c <- 1 }\n\nfunc main() {}\n",
			`main.go:5:12: a method on a channel type is not supported yet`},
		{"type parameter channel", "package main\n\nfunc recv[C ~chan int](c C) int { return <-c }\n\nfunc main() { _ = recv[chan int] }\n",
			`main.go:3:44: a channel operation on a value of type parameter C is not supported yet`},
		{"type error", "package main\n\nfunc main() {\n\tx := 1\n}\n",
			`main.go:4:2: declared and not used: x`},
		{"syntax error", "package main\n\nfunc main() {\n\tx :=\n}\n",
			`main.go:5:1: expected operand, found '}'`},
	}
	for _, tc := range tests {
		t.Run(tc.desc, func(t *testing.T) {
			out, err := Rewrite("/some/dir/main.go", []byte(tc.src), Options{})
			if err == nil {
				t.Fatalf("Rewrite succeeded, want error %q; output:\n%s", tc.want, out)
			}
			if got := strings.Split(err.Error(), "\n")[0]; got != tc.want {
				t.Errorf("first error = %q, want %q", got, tc.want)
			}
			if _, ok := err.(ErrorList); !ok {
				t.Errorf("error type = %T, want ErrorList", err)
			}
		})
	}
}
