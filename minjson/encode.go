// Package minjson is the JSON of the browser build: encoding/json's
// Marshal, MarshalIndent, Unmarshal, RawMessage and Decoder for the values
// Lanes and go-app exchange, in a fraction of its code. encoding/json
// (about 0.2 MB of code, 33 KB brotli, and with it time's parser and
// encoding/base64) was the largest package the wasm kept for a few small
// uses: Lanes' traces, explore reports and game runs from program
// modules, its progress in local storage, and go-app's stored states and
// error tags. Lanes' packages that run in the browser import it, and
// internal/wasmgoapp points go-app's imports of encoding/json at it in
// the browser build's copy of go-app (which is why it is not internal).
//
// What it writes is what encoding/json writes for the same value: struct
// fields in order under their json tag's name ("-" skips, omitempty
// omits false, 0, "", nil and empty), map keys sorted, Marshaler and
// encoding.TextMarshaler honoured, floats formatted as encoding/json does,
// strings escaped the same way (HTML characters too unless an Encoder
// says otherwise). It reads the same: objects into structs by tag name
// (exact, then case-insensitive), maps with string keys, slices, arrays,
// pointers, numbers into ints with range checks, Unmarshaler and
// encoding.TextUnmarshaler, anything into an empty interface as
// map[string]any, []any, float64, string, bool or nil.
//
// Not supported (an error, never a silent difference): []byte as base64,
// embedded structs, map keys other than strings and ints, channels,
// functions, complex numbers. A Decoder reads its whole reader and takes
// it as one value (no streams of values).
package minjson

import (
	"bytes"
	"encoding"
	"errors"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Marshaler is a type that writes its own JSON.
type Marshaler interface{ MarshalJSON() ([]byte, error) }

// Unmarshaler is a type that reads its own JSON.
type Unmarshaler interface{ UnmarshalJSON([]byte) error }

// RawMessage is JSON kept as it is.
type RawMessage []byte

// MarshalJSON returns m, or null for a nil m.
func (m RawMessage) MarshalJSON() ([]byte, error) {
	if m == nil {
		return []byte("null"), nil
	}
	return m, nil
}

// UnmarshalJSON keeps a copy of data.
func (m *RawMessage) UnmarshalJSON(data []byte) error {
	if m == nil {
		return errors.New("minjson: UnmarshalJSON on a nil pointer")
	}
	*m = append((*m)[0:0], data...)
	return nil
}

// Marshal returns v's JSON.
func Marshal(v any) ([]byte, error) {
	e := encoder{escapeHTML: true}
	if err := e.value(reflect.ValueOf(v)); err != nil {
		return nil, err
	}
	return e.buf, nil
}

// MarshalIndent is Marshal with each element on its own line, indented.
func MarshalIndent(v any, prefix, indent string) ([]byte, error) {
	b, err := Marshal(v)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := Indent(&out, b, prefix, indent); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// An Encoder writes values to a writer, each followed by a newline.
type Encoder struct {
	w          io.Writer
	escapeHTML bool
}

// NewEncoder returns an Encoder that writes to w.
func NewEncoder(w io.Writer) *Encoder { return &Encoder{w: w, escapeHTML: true} }

// SetEscapeHTML says whether <, > and & in strings are escaped.
func (enc *Encoder) SetEscapeHTML(on bool) { enc.escapeHTML = on }

// Encode writes v's JSON and a newline.
func (enc *Encoder) Encode(v any) error {
	e := encoder{escapeHTML: enc.escapeHTML}
	if err := e.value(reflect.ValueOf(v)); err != nil {
		return err
	}
	_, err := enc.w.Write(append(e.buf, '\n'))
	return err
}

type encoder struct {
	buf        []byte
	escapeHTML bool
}

var (
	marshalerType     = reflect.TypeFor[Marshaler]()
	textMarshalerType = reflect.TypeFor[encoding.TextMarshaler]()
)

func (e *encoder) value(v reflect.Value) error {
	if !v.IsValid() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	t := v.Type()
	if (t.Kind() == reflect.Pointer || t.Kind() == reflect.Interface) && v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	if t.Kind() != reflect.Pointer && v.CanAddr() && (reflect.PointerTo(t).Implements(marshalerType) || reflect.PointerTo(t).Implements(textMarshalerType)) {
		return e.value(v.Addr()) // methods on the pointer, as encoding/json calls them
	}
	if t.Implements(marshalerType) {
		b, err := v.Interface().(Marshaler).MarshalJSON()
		if err != nil {
			return err
		}
		var c bytes.Buffer
		if err := Compact(&c, b); err != nil {
			return err
		}
		e.buf = append(e.buf, c.Bytes()...)
		return nil
	}
	if t.Implements(textMarshalerType) {
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			return err
		}
		e.string(string(b))
		return nil
	}
	switch t.Kind() {
	case reflect.Bool:
		e.buf = strconv.AppendBool(e.buf, v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.buf = strconv.AppendInt(e.buf, v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.buf = strconv.AppendUint(e.buf, v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		return e.float(v.Float(), t.Bits())
	case reflect.String:
		e.string(v.String())
	case reflect.Interface, reflect.Pointer:
		return e.value(v.Elem())
	case reflect.Struct:
		return e.object(v)
	case reflect.Map:
		return e.mapping(v)
	case reflect.Slice:
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return nil
		}
		if el := t.Elem(); el.Kind() == reflect.Uint8 && !el.Implements(marshalerType) && !el.Implements(textMarshalerType) &&
			!reflect.PointerTo(el).Implements(marshalerType) && !reflect.PointerTo(el).Implements(textMarshalerType) {
			return &UnsupportedTypeError{t} // encoding/json writes base64
		}
		return e.array(v)
	case reflect.Array:
		return e.array(v)
	default:
		return &UnsupportedTypeError{t}
	}
	return nil
}

func (e *encoder) float(f float64, bits int) error {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return errors.New("json: unsupported value: " + strconv.FormatFloat(f, 'g', -1, bits))
	}
	// encoding/json's format: like ES6, exponents only far from 1.
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (bits == 64 && (abs < 1e-6 || abs >= 1e21) || bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21)) {
		format = 'e'
	}
	start := len(e.buf)
	e.buf = strconv.AppendFloat(e.buf, f, format, -1, bits)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(e.buf) - start
		if n >= 4 && e.buf[len(e.buf)-4] == 'e' && e.buf[len(e.buf)-3] == '-' && e.buf[len(e.buf)-2] == '0' {
			e.buf[len(e.buf)-2] = e.buf[len(e.buf)-1]
			e.buf = e.buf[:len(e.buf)-1]
		}
	}
	return nil
}

const hex = "0123456789abcdef"

// string writes s quoted as encoding/json does.
func (e *encoder) string(s string) {
	e.buf = append(e.buf, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= ' ' && b != '"' && b != '\\' && (!e.escapeHTML || b != '<' && b != '>' && b != '&') {
				i++
				continue
			}
			e.buf = append(e.buf, s[start:i]...)
			switch b {
			case '\\', '"':
				e.buf = append(e.buf, '\\', b)
			case '\b':
				e.buf = append(e.buf, '\\', 'b')
			case '\f':
				e.buf = append(e.buf, '\\', 'f')
			case '\n':
				e.buf = append(e.buf, '\\', 'n')
			case '\r':
				e.buf = append(e.buf, '\\', 'r')
			case '\t':
				e.buf = append(e.buf, '\\', 't')
			default:
				e.buf = append(e.buf, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			e.buf = append(e.buf, s[start:i]...)
			e.buf = append(e.buf, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			e.buf = append(e.buf, s[start:i]...)
			e.buf = append(e.buf, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	e.buf = append(e.buf, s[start:]...)
	e.buf = append(e.buf, '"')
}

func (e *encoder) object(v reflect.Value) error {
	fs, err := fieldsOf(v.Type())
	if err != nil {
		return err
	}
	e.buf = append(e.buf, '{')
	first := true
	for _, f := range fs {
		fv := v.Field(f.index)
		if f.omitEmpty && empty(fv) {
			continue
		}
		if !first {
			e.buf = append(e.buf, ',')
		}
		first = false
		e.string(f.name)
		e.buf = append(e.buf, ':')
		if err := e.value(fv); err != nil {
			return err
		}
	}
	e.buf = append(e.buf, '}')
	return nil
}

func empty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

func (e *encoder) mapping(v reflect.Value) error {
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return nil
	}
	// The keys sorted as strings, the values found by key: one sort of
	// strings, whose code the wasm holds anyway (a sort of an index or of
	// a struct of key and value would be one more instantiation of it).
	var keys []string
	vals := make(map[string]reflect.Value, v.Len())
	for it := v.MapRange(); it.Next(); {
		k, err := keyString(it.Key())
		if err != nil {
			return err
		}
		keys = append(keys, k)
		vals[k] = it.Value()
	}
	slices.Sort(keys)
	e.buf = append(e.buf, '{')
	for i, k := range keys {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		e.string(k)
		e.buf = append(e.buf, ':')
		if err := e.value(vals[k]); err != nil {
			return err
		}
	}
	e.buf = append(e.buf, '}')
	return nil
}

func keyString(k reflect.Value) (string, error) {
	switch k.Kind() {
	case reflect.String:
		return k.String(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(k.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(k.Uint(), 10), nil
	}
	return "", &UnsupportedTypeError{k.Type()}
}

func (e *encoder) array(v reflect.Value) error {
	e.buf = append(e.buf, '[')
	for i := range v.Len() {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		if err := e.value(v.Index(i)); err != nil {
			return err
		}
	}
	e.buf = append(e.buf, ']')
	return nil
}

// UnsupportedTypeError is a type minjson does not write or read.
type UnsupportedTypeError struct{ Type reflect.Type }

func (e *UnsupportedTypeError) Error() string { return "json: unsupported type: " + e.Type.String() }
