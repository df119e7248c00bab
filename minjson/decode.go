package minjson

import (
	"encoding"
	"errors"
	"io"
	"reflect"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Unmarshal reads data, one JSON value, into the value v points to.
func Unmarshal(data []byte, v any) error { return unmarshal(data, v, false) }

// A Decoder reads a value from a reader.
type Decoder struct {
	r            io.Reader
	strictFields bool
}

// NewDecoder returns a Decoder reading r.
func NewDecoder(r io.Reader) *Decoder { return &Decoder{r: r} }

// DisallowUnknownFields makes an object's key that names no field of its
// struct an error.
func (d *Decoder) DisallowUnknownFields() { d.strictFields = true }

// Decode reads the whole reader, one JSON value, into v.
func (d *Decoder) Decode(v any) error {
	data, err := io.ReadAll(d.r)
	if err != nil {
		return err
	}
	return unmarshal(data, v, d.strictFields)
}

func unmarshal(data []byte, v any, strict bool) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return errors.New("json: Unmarshal(non-pointer or nil)")
	}
	d := decoder{data: data, strict: strict}
	d.space()
	if err := d.value(rv.Elem()); err != nil {
		return err
	}
	d.space()
	if d.pos < len(d.data) {
		return d.syntax("after top-level value")
	}
	return nil
}

type decoder struct {
	data   []byte
	pos    int
	strict bool
}

// SyntaxError is JSON that is not JSON.
type SyntaxError struct {
	msg    string
	Offset int64
}

func (e *SyntaxError) Error() string { return e.msg }

func (d *decoder) syntax(where string) error {
	if d.pos >= len(d.data) {
		return &SyntaxError{"unexpected end of JSON input", int64(d.pos)}
	}
	return &SyntaxError{"invalid character " + strconv.QuoteRune(rune(d.data[d.pos])) + " " + where, int64(d.pos)}
}

func (d *decoder) space() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

var (
	unmarshalerType     = reflect.TypeFor[Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func typeError(what string, t reflect.Type) error {
	return errors.New("json: cannot unmarshal " + what + " into Go value of type " + t.String())
}

// value reads the value at d.pos into v (settable).
func (d *decoder) value(v reflect.Value) error {
	if d.pos >= len(d.data) {
		return d.syntax("")
	}
	c := d.data[d.pos]
	if c == 'n' {
		if err := d.literal("null"); err != nil {
			return err
		}
		switch v.Kind() {
		case reflect.Interface, reflect.Pointer, reflect.Map, reflect.Slice:
			v.SetZero()
		}
		return nil
	}
	if v.CanAddr() && v.Addr().Type().Implements(unmarshalerType) {
		start := d.pos
		if err := d.skip(); err != nil {
			return err
		}
		return v.Addr().Interface().(Unmarshaler).UnmarshalJSON(d.data[start:d.pos])
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return d.value(v.Elem())
	}
	if v.Kind() == reflect.Interface && v.NumMethod() == 0 {
		x, err := d.any()
		if err != nil {
			return err
		}
		if x == nil {
			v.SetZero()
		} else {
			v.Set(reflect.ValueOf(x))
		}
		return nil
	}
	switch c {
	case '{':
		return d.object(v)
	case '[':
		return d.array(v)
	case '"':
		s, err := d.str()
		if err != nil {
			return err
		}
		if v.CanAddr() && v.Addr().Type().Implements(textUnmarshalerType) {
			return v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s))
		}
		if v.Kind() != reflect.String {
			return typeError("string", v.Type())
		}
		v.SetString(s)
		return nil
	case 't', 'f':
		lit := "true"
		if c == 'f' {
			lit = "false"
		}
		if err := d.literal(lit); err != nil {
			return err
		}
		if v.Kind() != reflect.Bool {
			return typeError("bool", v.Type())
		}
		v.SetBool(c == 't')
		return nil
	}
	return d.number(v)
}

func (d *decoder) literal(lit string) error {
	if len(d.data)-d.pos < len(lit) || string(d.data[d.pos:d.pos+len(lit)]) != lit {
		return d.syntax("looking for beginning of value")
	}
	d.pos += len(lit)
	return nil
}

// numberText reads a JSON number's text.
func (d *decoder) numberText() (string, error) {
	start := d.pos
	if d.pos < len(d.data) && d.data[d.pos] == '-' {
		d.pos++
	}
	digits := func() int {
		n := 0
		for d.pos < len(d.data) && d.data[d.pos] >= '0' && d.data[d.pos] <= '9' {
			d.pos++
			n++
		}
		return n
	}
	intStart := d.pos
	if n := digits(); n == 0 || n > 1 && d.data[intStart] == '0' {
		d.pos = intStart
		return "", d.syntax("looking for beginning of value")
	}
	if d.pos < len(d.data) && d.data[d.pos] == '.' {
		d.pos++
		if digits() == 0 {
			return "", d.syntax("after decimal point in numeric literal")
		}
	}
	if d.pos < len(d.data) && (d.data[d.pos] == 'e' || d.data[d.pos] == 'E') {
		d.pos++
		if d.pos < len(d.data) && (d.data[d.pos] == '+' || d.data[d.pos] == '-') {
			d.pos++
		}
		if digits() == 0 {
			return "", d.syntax("in exponent of numeric literal")
		}
	}
	return string(d.data[start:d.pos]), nil
}

func (d *decoder) number(v reflect.Value) error {
	s, err := d.numberText()
	if err != nil {
		return err
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v.OverflowInt(n) {
			return typeError("number "+s, v.Type())
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil || v.OverflowUint(n) {
			return typeError("number "+s, v.Type())
		}
		v.SetUint(n)
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(s, v.Type().Bits())
		if err != nil {
			return typeError("number "+s, v.Type())
		}
		v.SetFloat(f)
	default:
		return typeError("number", v.Type())
	}
	return nil
}

// str reads a JSON string.
func (d *decoder) str() (string, error) {
	d.pos++ // the opening quote
	var out []byte
	start := d.pos
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		switch {
		case c == '"':
			out = append(out, d.data[start:d.pos]...)
			d.pos++
			return string(out), nil
		case c < ' ':
			return "", d.syntax("in string literal")
		case c == '\\':
			out = append(out, d.data[start:d.pos]...)
			d.pos++
			if d.pos >= len(d.data) {
				return "", d.syntax("")
			}
			e := d.data[d.pos]
			d.pos++
			switch e {
			case '"', '\\', '/':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r, ok := d.hex4()
				if !ok {
					return "", d.syntax("in \\u hexadecimal character escape")
				}
				if utf16.IsSurrogate(r) {
					r2 := utf8.RuneError
					save := d.pos
					if d.pos+1 < len(d.data) && d.data[d.pos] == '\\' && d.data[d.pos+1] == 'u' {
						d.pos += 2
						if x, ok := d.hex4(); ok {
							r2 = x
						}
					}
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						r = dec
					} else {
						d.pos = save
						r = utf8.RuneError
					}
				}
				out = utf8.AppendRune(out, r)
			default:
				d.pos--
				return "", d.syntax("in string escape code")
			}
			start = d.pos
		case c < utf8.RuneSelf:
			d.pos++
		default:
			r, size := utf8.DecodeRune(d.data[d.pos:])
			if r == utf8.RuneError && size == 1 {
				out = append(out, d.data[start:d.pos]...)
				out = utf8.AppendRune(out, utf8.RuneError)
				d.pos++
				start = d.pos
				continue
			}
			d.pos += size
		}
	}
	return "", d.syntax("")
}

func (d *decoder) hex4() (rune, bool) {
	if len(d.data)-d.pos < 4 {
		return 0, false
	}
	n, err := strconv.ParseUint(string(d.data[d.pos:d.pos+4]), 16, 32)
	if err != nil {
		return 0, false
	}
	d.pos += 4
	return rune(n), true
}
