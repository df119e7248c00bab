package progmain

import (
	"os"
	"strconv"
	"strings"
	"syscall"
)

// limitAddressSpace bounds the process's address space to what it has
// now plus extra bytes (and never raises the bound).
func limitAddressSpace(extra int64) {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return
	}
	pages, err := strconv.ParseInt(f[0], 10, 64)
	if err != nil {
		return
	}
	want := uint64(pages*int64(os.Getpagesize()) + extra + 256<<20)
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_AS, &rl); err != nil || rl.Cur <= want {
		return
	}
	rl.Cur = want
	syscall.Setrlimit(syscall.RLIMIT_AS, &rl)
}
