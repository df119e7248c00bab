package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
)

// WasmLengthHeader carries the uncompressed size of app.wasm, so go-app's
// progress bar is right when the wasm is sent compressed (go-app's
// Handler.WasmContentLengthHeader).
const WasmLengthHeader = "X-Wasm-Content-Length"

// WasmFiles is app.wasm in memory, raw and compressed.
type WasmFiles struct {
	raw, br, gz []byte
	Version     string // a hash of raw: go-app's Version and the ETag
}

// Size is app.wasm's uncompressed size in bytes (0 without a wasm): the
// loading bar's 100 %, since the browser counts the bytes it has
// decoded, whatever the encoding (go-app's Handler.WasmContentLength;
// static hosts send no X-Wasm-Content-Length, and their Content-Length,
// if any, is the compressed size).
func (wf WasmFiles) Size() int { return len(wf.raw) }

// NewWasmFiles hashes raw; br and gz may be nil (not offered).
func NewWasmFiles(raw, br, gz []byte) WasmFiles {
	if raw == nil {
		return WasmFiles{Version: "no-wasm"}
	}
	sum := sha256.Sum256(raw)
	return WasmFiles{raw: raw, br: br, gz: gz, Version: hex.EncodeToString(sum[:8])}
}

// LoadWasm reads dir/app.wasm and its .br and .gz siblings. Siblings older
// than the wasm are ignored and made again in memory (faster settings than
// `lanes compress`). A missing wasm is not an error: pages are still
// prerendered, and /web/app.wasm answers 404 with a hint.
// A missing wasm is reported on log.
func LoadWasm(dir string, log io.Writer) (WasmFiles, error) {
	name := filepath.Join(dir, "app.wasm")
	st, err := os.Stat(name)
	if errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(log, "lanes: %s is missing (run `make wasm`): pages work, the app will not start\n", name)
		return NewWasmFiles(nil, nil, nil), nil
	}
	if err != nil {
		return WasmFiles{}, err
	}
	raw, err := os.ReadFile(name)
	if err != nil {
		return WasmFiles{}, err
	}
	sibling := func(ext string, level int, enc func([]byte, int) ([]byte, error)) ([]byte, error) {
		if s, err := os.Stat(name + ext); err == nil && !s.ModTime().Before(st.ModTime()) {
			return os.ReadFile(name + ext)
		}
		return enc(raw, level)
	}
	br, err := sibling(".br", 5, brotliBytes)
	if err != nil {
		return WasmFiles{}, err
	}
	gz, err := sibling(".gz", gzip.BestCompression, gzipBytes)
	if err != nil {
		return WasmFiles{}, err
	}
	return NewWasmFiles(raw, br, gz), nil
}

// brotliBytes compresses with a 16 MB window (LGWin 24, the most every
// brotli decoder takes), not the default 4 MB: the wasm is 7.5 MB, and its
// far repeats (the simulator's channel methods once per element type…)
// cost 2 KB less (1,331,298 → 1,329,330 bytes).
func brotliBytes(b []byte, level int) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: level, LGWin: 24})
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

// CompressFile writes name.br (brotli, best) and name.gz (gzip, best).
func CompressFile(name string) error {
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

// ServeHTTP serves app.wasm, compressed as the client accepts.
func (wf WasmFiles) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	if wf.raw == nil {
		http.Error(w, "web/app.wasm is missing: run `make wasm`", http.StatusNotFound)
		return
	}
	etag := `"` + wf.Version + `"`
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", etag)
	h.Add("Vary", "Accept-Encoding")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := wf.raw
	switch negotiate(r.Header.Get("Accept-Encoding"), wf.br != nil, wf.gz != nil) {
	case "br":
		h.Set("Content-Encoding", "br")
		body = wf.br
	case "gzip":
		h.Set("Content-Encoding", "gzip")
		body = wf.gz
	}
	h.Set("Content-Type", "application/wasm")
	h.Set(WasmLengthHeader, strconv.Itoa(len(wf.raw)))
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// negotiate picks the content coding for an Accept-Encoding header: br if
// acceptable and available, else gzip, else "" (identity). A q of 0 refuses
// a coding; "*" stands for any coding not named.
func negotiate(accept string, haveBr, haveGzip bool) string {
	q := map[string]float64{}
	for _, part := range strings.Split(accept, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		v := 1.0
		for _, p := range strings.Split(params, ";") {
			k, val, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				f, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
				if err != nil || f < 0 || f > 1 {
					f = 0
				}
				v = f
			}
		}
		q[name] = v
	}
	ok := func(c string) float64 {
		if v, named := q[c]; named {
			return v
		}
		if c == "gzip" {
			if v, named := q["x-gzip"]; named {
				return v
			}
		}
		return q["*"]
	}
	best, bestQ := "", 0.0
	if haveBr && ok("br") > bestQ {
		best, bestQ = "br", ok("br")
	}
	if haveGzip && ok("gzip") > bestQ {
		best = "gzip"
	}
	return best
}
