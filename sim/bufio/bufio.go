// Package bufio mirrors the standard library's bufio for simulated
// programs. It is the real bufio (Writer, Reader, Scanner and their
// constructors, split functions and errors): a bufio.Writer over the os
// mirror's Stdout prints, as in Go, only when its buffer fills or is
// flushed (one print event per Write it makes), so output that is never
// flushed is never printed.
package bufio

import (
	"bufio"
	"io"
)

type (
	// Reader is bufio.Reader.
	Reader = bufio.Reader
	// Writer is bufio.Writer.
	Writer = bufio.Writer
	// ReadWriter is bufio.ReadWriter.
	ReadWriter = bufio.ReadWriter
	// Scanner is bufio.Scanner.
	Scanner = bufio.Scanner
	// SplitFunc is bufio.SplitFunc.
	SplitFunc = bufio.SplitFunc
)

// MaxScanTokenSize is bufio.MaxScanTokenSize.
const MaxScanTokenSize = bufio.MaxScanTokenSize

// The errors are bufio's own values.
var (
	ErrInvalidUnreadByte = bufio.ErrInvalidUnreadByte
	ErrInvalidUnreadRune = bufio.ErrInvalidUnreadRune
	ErrBufferFull        = bufio.ErrBufferFull
	ErrNegativeCount     = bufio.ErrNegativeCount
	ErrTooLong           = bufio.ErrTooLong
	ErrNegativeAdvance   = bufio.ErrNegativeAdvance
	ErrAdvanceTooFar     = bufio.ErrAdvanceTooFar
	ErrBadReadCount      = bufio.ErrBadReadCount
	ErrFinalToken        = bufio.ErrFinalToken
)

// NewReaderSize is bufio.NewReaderSize.
func NewReaderSize(rd io.Reader, size int) *Reader { return bufio.NewReaderSize(rd, size) }

// NewReader is bufio.NewReader.
func NewReader(rd io.Reader) *Reader { return bufio.NewReader(rd) }

// NewWriterSize is bufio.NewWriterSize.
func NewWriterSize(w io.Writer, size int) *Writer { return bufio.NewWriterSize(w, size) }

// NewWriter is bufio.NewWriter.
func NewWriter(w io.Writer) *Writer { return bufio.NewWriter(w) }

// NewReadWriter is bufio.NewReadWriter.
func NewReadWriter(r *Reader, w *Writer) *ReadWriter { return bufio.NewReadWriter(r, w) }

// NewScanner is bufio.NewScanner.
func NewScanner(r io.Reader) *Scanner { return bufio.NewScanner(r) }

// ScanBytes is bufio.ScanBytes.
func ScanBytes(data []byte, atEOF bool) (advance int, token []byte, err error) {
	return bufio.ScanBytes(data, atEOF)
}

// ScanRunes is bufio.ScanRunes.
func ScanRunes(data []byte, atEOF bool) (advance int, token []byte, err error) {
	return bufio.ScanRunes(data, atEOF)
}

// ScanLines is bufio.ScanLines.
func ScanLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	return bufio.ScanLines(data, atEOF)
}

// ScanWords is bufio.ScanWords.
func ScanWords(data []byte, atEOF bool) (advance int, token []byte, err error) {
	return bufio.ScanWords(data, atEOF)
}
