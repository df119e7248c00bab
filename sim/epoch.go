package sim

// RunEpoch returns a number that identifies the current run (0 outside a
// run): a mirror whose package-level state must start afresh in every run
// (the log mirror's standard logger) compares it with the one it saw last.
func RunEpoch() uint64 {
	if r := current; r != nil {
		return r.epoch
	}
	return 0
}
