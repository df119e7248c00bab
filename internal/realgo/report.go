package realgo

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
)

// File is the content of a real.json: the machine the runs came from and,
// per program, the outcomes under each GOMAXPROCS setting.
type File struct {
	Go       string    `json:"go"` // runtime.Version() of the toolchain that built the programs
	GOOS     string    `json:"goos"`
	GOARCH   string    `json:"goarch"`
	NumCPU   int       `json:"numCPU"`
	Programs []Program `json:"programs"`
}

// Program is what one program did on real Go.
type Program struct {
	Name    string  `json:"name"`   // file or directory name, relative to the real.json
	SHA256  string  `json:"sha256"` // Hash of the sources that were run
	Batches []Batch `json:"batches"`
}

// Batch is a series of runs with one GOMAXPROCS setting, on an idle or a
// loaded machine.
type Batch struct {
	GOMAXPROCS int `json:"gomaxprocs"`
	// Loaded: CPU-burning goroutines ran beside the runs (Options.Load), as
	// on a busy machine.
	Loaded   bool      `json:"loaded,omitempty"`
	Runs     int       `json:"runs"`
	Parallel int       `json:"parallel"` // processes run at once while measuring
	Outcomes []Outcome `json:"outcomes"`
}

// NewFile returns a File describing this machine and toolchain.
func NewFile() *File {
	return &File{Go: runtime.Version(), GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, NumCPU: runtime.NumCPU()}
}

// Measure builds the program at path and runs it once per option set.
// name is recorded as Program.Name.
func Measure(path, name string, opts ...Options) (Program, error) {
	p := Program{Name: name}
	sum, err := Hash(path)
	if err != nil {
		return p, err
	}
	p.SHA256 = sum
	bin, err := Build(path)
	if err != nil {
		return p, err
	}
	for _, o := range opts {
		rs, err := RunWith(bin, o)
		if err != nil {
			return p, err
		}
		p.Batches = append(p.Batches, Batch{GOMAXPROCS: o.GOMAXPROCS, Loaded: o.Load > 0, Runs: len(rs), Parallel: max(o.Parallel, 1), Outcomes: Summarize(rs)})
	}
	return p, nil
}

// WriteFile writes f as indented JSON with a trailing newline.
func (f *File) WriteFile(path string) error {
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// ReadFile reads a real.json.
func ReadFile(path string) (*File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f File
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("realgo: %s: %w", path, err)
	}
	return &f, nil
}

// Lookup returns the program called name, or nil.
func (f *File) Lookup(name string) *Program {
	for i := range f.Programs {
		if f.Programs[i].Name == name {
			return &f.Programs[i]
		}
	}
	return nil
}
