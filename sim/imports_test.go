package sim_test

import (
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// TestImports keeps the simulator free of the UI and the network: sim and
// its mirrors never import go-app, syscall/js, net/http or anything under
// app/.
func TestImports(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("no go command under js/wasm")
	}
	out, err := exec.Command("go", "list", "-deps", "lanes/sim/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.Contains(dep, "go-app") || dep == "syscall/js" || dep == "net/http" ||
			strings.HasPrefix(dep, "lanes/app") {
			t.Errorf("lanes/sim/... depends on %s", dep)
		}
	}
}
