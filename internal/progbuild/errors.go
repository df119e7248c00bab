package progbuild

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"lanes/internal/twinbuild"
)

// ProgramError is a problem with the program itself: too big, empty, not
// UTF-8, not supported, or it does not compile. Msg is what the user
// reads (one problem a line, "main.go:3:5: …"); Diags the same problems
// parsed, for an editor to place at their lines.
type ProgramError struct {
	Msg   string
	Diags []Diag
}

func (e *ProgramError) Error() string { return e.Msg }

// Diag is one problem at a place in the shown file (Line and Col count
// from 1; 0 when unknown).
type Diag struct {
	Line int    `json:"line"`
	Col  int    `json:"col"`
	Msg  string `json:"msg"`
}

// BusyError is Acquire's answer when every build slot is taken and the
// queue is full: try again later (HTTP 503).
type BusyError struct{ Builds, Queue int }

func (e *BusyError) Error() string {
	return fmt.Sprintf("the build service is busy (%d builds running, %d waiting): try again in a moment", e.Builds, e.Queue)
}

// TimeoutError is a build that took longer than its limit.
type TimeoutError struct{ Limit time.Duration }

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("the build took longer than %v and was stopped", e.Limit)
}

var goName = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.-]*\.go$`)

// Check refuses what must never reach the rewriter or the go command: a
// bad shown name, a source over MaxSource bytes, an empty one or one that
// is not valid UTF-8. Its errors are *ProgramError.
func Check(name string, src []byte) error {
	if !goName.MatchString(name) || filepath.Base(name) != name || strings.HasSuffix(name, "_test.go") {
		return &ProgramError{Msg: fmt.Sprintf("%q is not a file name for a program (want a name like main.go)", name)}
	}
	if len(src) > MaxSource {
		return &ProgramError{Msg: fmt.Sprintf("%s: the program is %d bytes long; at most %d bytes (64 KiB) are allowed", name, len(src), MaxSource)}
	}
	if len(strings.TrimSpace(string(src))) == 0 {
		return &ProgramError{Msg: name + ": the program is empty: write a package main with a func main", Diags: []Diag{{Line: 1, Col: 1, Msg: "the program is empty"}}}
	}
	if !utf8.Valid(src) {
		line, col := 1, 1
		for i := 0; i < len(src); {
			r, n := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col += n
			}
			i += n
		}
		msg := "invalid UTF-8 encoding: a Go program is UTF-8 text"
		return &ProgramError{Msg: fmt.Sprintf("%s:%d:%d: %s", name, line, col, msg), Diags: []Diag{{line, col, msg}}}
	}
	return nil
}

// diagLine is one "file:line:col: message" (or "file:line: message").
var diagLine = regexp.MustCompile(`^(?:[^:\s]+\.go):(\d+)(?::(\d+))?: (.*)$`)

// programError turns twinbuild's *ProgramError into ours, with its
// problems parsed; other errors pass through.
func programError(err error) error {
	var pe *twinbuild.ProgramError
	if !errors.As(err, &pe) {
		return err
	}
	return &ProgramError{Msg: pe.Msg, Diags: Diags(pe.Msg)}
}

// Diags parses the "file:line:col: message" lines of msg.
func Diags(msg string) []Diag {
	var ds []Diag
	for _, l := range strings.Split(msg, "\n") {
		m := diagLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		line, _ := strconv.Atoi(m[1])
		col, _ := strconv.Atoi(m[2])
		ds = append(ds, Diag{Line: line, Col: col, Msg: m[3]})
	}
	return ds
}
