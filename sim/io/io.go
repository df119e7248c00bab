// Package io mirrors the standard library's io for simulated programs. It
// is the real io (the same interfaces, errors and helpers: WriteString,
// Copy, ReadAll, MultiWriter, Discard…), so that a program can write to
// the os mirror's Stdout and Stderr through it (io.WriteString(os.Stdout,
// s) is one print event). Pipe is left out: its real implementation
// synchronises with real mutexes and channels, which the simulator cannot
// schedule, and a program using it is refused.
package io

import "io"

type (
	// Reader is io.Reader.
	Reader = io.Reader
	// Writer is io.Writer.
	Writer = io.Writer
	// Closer is io.Closer.
	Closer = io.Closer
	// Seeker is io.Seeker.
	Seeker = io.Seeker
	// ReadWriter is io.ReadWriter.
	ReadWriter = io.ReadWriter
	// ReadCloser is io.ReadCloser.
	ReadCloser = io.ReadCloser
	// WriteCloser is io.WriteCloser.
	WriteCloser = io.WriteCloser
	// ReadWriteCloser is io.ReadWriteCloser.
	ReadWriteCloser = io.ReadWriteCloser
	// ReadSeeker is io.ReadSeeker.
	ReadSeeker = io.ReadSeeker
	// ReadSeekCloser is io.ReadSeekCloser.
	ReadSeekCloser = io.ReadSeekCloser
	// WriteSeeker is io.WriteSeeker.
	WriteSeeker = io.WriteSeeker
	// ReadWriteSeeker is io.ReadWriteSeeker.
	ReadWriteSeeker = io.ReadWriteSeeker
	// ReaderFrom is io.ReaderFrom.
	ReaderFrom = io.ReaderFrom
	// WriterTo is io.WriterTo.
	WriterTo = io.WriterTo
	// ReaderAt is io.ReaderAt.
	ReaderAt = io.ReaderAt
	// WriterAt is io.WriterAt.
	WriterAt = io.WriterAt
	// ByteReader is io.ByteReader.
	ByteReader = io.ByteReader
	// ByteScanner is io.ByteScanner.
	ByteScanner = io.ByteScanner
	// ByteWriter is io.ByteWriter.
	ByteWriter = io.ByteWriter
	// RuneReader is io.RuneReader.
	RuneReader = io.RuneReader
	// RuneScanner is io.RuneScanner.
	RuneScanner = io.RuneScanner
	// StringWriter is io.StringWriter.
	StringWriter = io.StringWriter
	// LimitedReader is io.LimitedReader.
	LimitedReader = io.LimitedReader
	// SectionReader is io.SectionReader.
	SectionReader = io.SectionReader
	// OffsetWriter is io.OffsetWriter.
	OffsetWriter = io.OffsetWriter
)

// Whence values for Seek, as in io.
const (
	SeekStart   = io.SeekStart
	SeekCurrent = io.SeekCurrent
	SeekEnd     = io.SeekEnd
)

// The errors are io's own values, so that err == io.EOF holds for errors
// returned by the real packages (strings.Reader, bufio).
var (
	EOF              = io.EOF
	ErrUnexpectedEOF = io.ErrUnexpectedEOF
	ErrShortWrite    = io.ErrShortWrite
	ErrShortBuffer   = io.ErrShortBuffer
	ErrNoProgress    = io.ErrNoProgress
)

// Discard is io.Discard.
var Discard Writer = io.Discard

// WriteString is io.WriteString.
func WriteString(w Writer, s string) (n int, err error) { return io.WriteString(w, s) }

// ReadAtLeast is io.ReadAtLeast.
func ReadAtLeast(r Reader, buf []byte, min int) (n int, err error) {
	return io.ReadAtLeast(r, buf, min)
}

// ReadFull is io.ReadFull.
func ReadFull(r Reader, buf []byte) (n int, err error) { return io.ReadFull(r, buf) }

// CopyN is io.CopyN.
func CopyN(dst Writer, src Reader, n int64) (written int64, err error) {
	return io.CopyN(dst, src, n)
}

// Copy is io.Copy.
func Copy(dst Writer, src Reader) (written int64, err error) { return io.Copy(dst, src) }

// CopyBuffer is io.CopyBuffer.
func CopyBuffer(dst Writer, src Reader, buf []byte) (written int64, err error) {
	return io.CopyBuffer(dst, src, buf)
}

// LimitReader is io.LimitReader.
func LimitReader(r Reader, n int64) Reader { return io.LimitReader(r, n) }

// NewSectionReader is io.NewSectionReader.
func NewSectionReader(r ReaderAt, off int64, n int64) *SectionReader {
	return io.NewSectionReader(r, off, n)
}

// NewOffsetWriter is io.NewOffsetWriter.
func NewOffsetWriter(w WriterAt, off int64) *OffsetWriter { return io.NewOffsetWriter(w, off) }

// TeeReader is io.TeeReader.
func TeeReader(r Reader, w Writer) Reader { return io.TeeReader(r, w) }

// NopCloser is io.NopCloser.
func NopCloser(r Reader) ReadCloser { return io.NopCloser(r) }

// ReadAll is io.ReadAll.
func ReadAll(r Reader) ([]byte, error) { return io.ReadAll(r) }

// MultiReader is io.MultiReader.
func MultiReader(readers ...Reader) Reader { return io.MultiReader(readers...) }

// MultiWriter is io.MultiWriter.
func MultiWriter(writers ...Writer) Writer { return io.MultiWriter(writers...) }
