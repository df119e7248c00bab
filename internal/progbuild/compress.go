package progbuild

import (
	"os"

	"github.com/andybalholm/brotli"
)

// BrotliLevel is the quality of module.wasm.br.
const BrotliLevel = 9

// compressFile writes path+".br".
func compressFile(path string) error {
	in, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	f, err := os.Create(path + ".br")
	if err != nil {
		return err
	}
	w := brotli.NewWriterLevel(f, BrotliLevel)
	if _, err := w.Write(in); err != nil {
		f.Close()
		return err
	}
	if err := w.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
