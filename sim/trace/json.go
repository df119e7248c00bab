package trace

import (
	"bytes"
	"fmt"
	"io"
	json "lanes/minjson"
)

// Encode writes t as indented-free JSON followed by a newline. The same
// trace always gives the same bytes.
func Encode(w io.Writer, t *Trace) error {
	b, err := Marshal(t)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// Marshal returns the JSON encoding of t, with the current Version.
func Marshal(t *Trace) ([]byte, error) {
	c := *t
	c.Version = Version
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&c); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Decode reads a trace written by Encode. Versions only add to the
// encoding, so it reads every version up to Version; it refuses later
// versions and unknown fields.
func Decode(r io.Reader) (*Trace, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var t Trace
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("trace: decode: %w", err)
	}
	if t.Version < 1 || t.Version > Version {
		return nil, fmt.Errorf("trace: version %d, want 1 to %d", t.Version, Version)
	}
	return &t, nil
}

// Unmarshal is Decode on a byte slice.
func Unmarshal(b []byte) (*Trace, error) { return Decode(bytes.NewReader(b)) }
