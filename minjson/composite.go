package minjson

import (
	"bytes"
	"reflect"
	"strconv"
)

// members reads an object's members, calling member with each key, d.pos
// at its value (which member must read).
func (d *decoder) members(member func(key string) error) error {
	d.pos++ // {
	d.space()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
		return nil
	}
	for {
		d.space()
		if d.pos >= len(d.data) || d.data[d.pos] != '"' {
			return d.syntax("looking for beginning of object key string")
		}
		key, err := d.str()
		if err != nil {
			return err
		}
		d.space()
		if d.pos >= len(d.data) || d.data[d.pos] != ':' {
			return d.syntax("after object key")
		}
		d.pos++
		d.space()
		if err := member(key); err != nil {
			return err
		}
		d.space()
		if d.pos >= len(d.data) {
			return d.syntax("")
		}
		switch d.data[d.pos] {
		case ',':
			d.pos++
		case '}':
			d.pos++
			return nil
		default:
			return d.syntax("after object key:value pair")
		}
	}
}

// elements reads an array's elements, calling elem with each index, d.pos
// at the element (which elem must read).
func (d *decoder) elements(elem func(i int) error) error {
	d.pos++ // [
	d.space()
	if d.pos < len(d.data) && d.data[d.pos] == ']' {
		d.pos++
		return nil
	}
	for i := 0; ; i++ {
		d.space()
		if err := elem(i); err != nil {
			return err
		}
		d.space()
		if d.pos >= len(d.data) {
			return d.syntax("")
		}
		switch d.data[d.pos] {
		case ',':
			d.pos++
		case ']':
			d.pos++
			return nil
		default:
			return d.syntax("after array element")
		}
	}
}

func (d *decoder) object(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Struct:
		fs, err := fieldsOf(v.Type())
		if err != nil {
			return err
		}
		return d.members(func(key string) error {
			f, ok := fieldNamed(fs, key)
			if !ok {
				if d.strict {
					return &SyntaxError{"json: unknown field " + strconv.Quote(key), int64(d.pos)}
				}
				return d.skip()
			}
			return d.value(v.Field(f.index))
		})
	case reflect.Map:
		t := v.Type()
		if t.Key().Kind() != reflect.String {
			return &UnsupportedTypeError{t}
		}
		if v.IsNil() {
			v.Set(reflect.MakeMap(t))
		}
		return d.members(func(key string) error {
			e := reflect.New(t.Elem()).Elem()
			if err := d.value(e); err != nil {
				return err
			}
			k := reflect.New(t.Key()).Elem() // not Convert: it brings reflect's conversions (20 KB of code)
			k.SetString(key)
			v.SetMapIndex(k, e)
			return nil
		})
	}
	return typeError("object", v.Type())
}

func (d *decoder) array(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Slice:
		n := 0
		err := d.elements(func(i int) error {
			if i >= v.Cap() {
				v.Grow(1)
			}
			v.SetLen(i + 1)
			n = i + 1
			return d.value(v.Index(i))
		})
		if err != nil {
			return err
		}
		if n == 0 && v.IsNil() {
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		}
		v.SetLen(n)
		return nil
	case reflect.Array:
		n := 0
		err := d.elements(func(i int) error {
			n = i + 1
			if i >= v.Len() {
				return d.skip()
			}
			return d.value(v.Index(i))
		})
		for i := n; i < v.Len(); i++ {
			v.Index(i).SetZero()
		}
		return err
	}
	return typeError("array", v.Type())
}

// any reads a value as an empty interface holds it.
func (d *decoder) any() (any, error) {
	if d.pos >= len(d.data) {
		return nil, d.syntax("")
	}
	switch c := d.data[d.pos]; c {
	case '{':
		m := map[string]any{}
		err := d.members(func(key string) error {
			x, err := d.any()
			m[key] = x
			return err
		})
		return m, err
	case '[':
		a := []any{}
		err := d.elements(func(int) error {
			x, err := d.any()
			a = append(a, x)
			return err
		})
		return a, err
	case '"':
		return d.str()
	case 't':
		return true, d.literal("true")
	case 'f':
		return false, d.literal("false")
	case 'n':
		return nil, d.literal("null")
	}
	s, err := d.numberText()
	if err != nil {
		return nil, err
	}
	return strconv.ParseFloat(s, 64)
}

// skip reads over one value.
func (d *decoder) skip() error {
	_, err := d.any()
	return err
}

// Compact appends src without its insignificant space to dst.
func Compact(dst *bytes.Buffer, src []byte) error { return reformat(dst, src, "", "", false) }

// Indent appends src to dst with each element on a new line that begins
// with prefix and one indent per level.
func Indent(dst *bytes.Buffer, src []byte, prefix, indent string) error {
	return reformat(dst, src, prefix, indent, true)
}

func reformat(dst *bytes.Buffer, src []byte, prefix, indent string, pretty bool) error {
	d := decoder{data: src}
	d.space()
	if err := d.skip(); err != nil {
		return err
	}
	d.space()
	if d.pos < len(src) {
		return d.syntax("after top-level value")
	}
	depth := 0
	newline := func() {
		dst.WriteByte('\n')
		dst.WriteString(prefix)
		for range depth {
			dst.WriteString(indent)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		case '"':
			j := i + 1
			for ; src[j] != '"'; j++ {
				if src[j] == '\\' {
					j++
				}
			}
			dst.Write(src[i : j+1])
			i = j
			continue
		}
		if !pretty {
			dst.WriteByte(c)
			continue
		}
		switch c {
		case '{', '[':
			dst.WriteByte(c)
			// an empty object or array stays on its line
			k := i + 1
			for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
				k++
			}
			if src[k] == '}' || src[k] == ']' {
				dst.WriteByte(src[k])
				i = k
				continue
			}
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst.WriteByte(c)
		case ',':
			dst.WriteByte(c)
			newline()
		case ':':
			dst.WriteString(": ")
		default:
			dst.WriteByte(c)
		}
	}
	return nil
}
