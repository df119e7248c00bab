//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

// wasmFiles is app.wasm in memory, raw and compressed.
type wasmFiles struct {
	raw, br, gz []byte
	version     string // a hash of raw: go-app's Version and the ETag
}

// newWasmFiles hashes raw; br and gz may be nil (not offered).
func newWasmFiles(raw, br, gz []byte) wasmFiles {
	if raw == nil {
		return wasmFiles{version: "no-wasm"}
	}
	sum := sha256.Sum256(raw)
	return wasmFiles{raw: raw, br: br, gz: gz, version: hex.EncodeToString(sum[:8])}
}

// loadWasm reads dir/app.wasm and its .br and .gz siblings. Siblings older
// than the wasm are ignored and made again in memory (faster settings than
// `lanes compress`). A missing wasm is not an error: pages are still
// prerendered, and /web/app.wasm answers 404 with a hint.
func loadWasm(dir string) (wasmFiles, error) {
	name := filepath.Join(dir, "app.wasm")
	st, err := os.Stat(name)
	if errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(stderr, "lanes: %s is missing (run `make wasm`): pages work, the app will not start\n", name)
		return newWasmFiles(nil, nil, nil), nil
	}
	if err != nil {
		return wasmFiles{}, err
	}
	raw, err := os.ReadFile(name)
	if err != nil {
		return wasmFiles{}, err
	}
	sibling := func(ext string, level int, enc func([]byte, int) ([]byte, error)) ([]byte, error) {
		if s, err := os.Stat(name + ext); err == nil && !s.ModTime().Before(st.ModTime()) {
			return os.ReadFile(name + ext)
		}
		return enc(raw, level)
	}
	br, err := sibling(".br", 5, brotliBytes)
	if err != nil {
		return wasmFiles{}, err
	}
	gz, err := sibling(".gz", gzip.BestCompression, gzipBytes)
	if err != nil {
		return wasmFiles{}, err
	}
	return newWasmFiles(raw, br, gz), nil
}

func brotliBytes(b []byte, level int) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, level)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func gzipBytes(b []byte, level int) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, level)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// compressFile writes name.br (brotli, best) and name.gz (gzip, best).
func compressFile(name string) error {
	raw, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	br, err := brotliBytes(raw, brotli.BestCompression)
	if err != nil {
		return err
	}
	gz, err := gzipBytes(raw, gzip.BestCompression)
	if err != nil {
		return err
	}
	if err := os.WriteFile(name+".br", br, 0o644); err != nil {
		return err
	}
	return os.WriteFile(name+".gz", gz, 0o644)
}
