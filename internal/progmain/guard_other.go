//go:build !linux

package progmain

// limitAddressSpace does nothing outside Linux: the watchdog alone
// enforces the memory limit.
func limitAddressSpace(extra int64) {}
