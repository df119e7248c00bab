package minjson

import (
	"reflect"
	"strings"
	"sync"
)

// A field is a struct field as JSON names it.
type field struct {
	name      string
	index     int
	omitEmpty bool
}

var fieldCache sync.Map // reflect.Type → []field

// fieldsOf returns t's exported fields with their JSON names, in order.
func fieldsOf(t reflect.Type) ([]field, error) {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.([]field), nil
	}
	var fs []field
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		if sf.Anonymous {
			return nil, &UnsupportedTypeError{t} // embedded fields: not needed so far
		}
		if !sf.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		f := field{name: name, index: i}
		for opts != "" {
			var o string
			o, opts, _ = strings.Cut(opts, ",")
			switch o {
			case "omitempty":
				f.omitEmpty = true
			case "":
			default:
				return nil, &UnsupportedTypeError{t} // string, omitzero: not needed so far
			}
		}
		fs = append(fs, f)
	}
	fieldCache.Store(t, fs)
	return fs, nil
}

// fieldNamed finds the field called name, exactly or else ignoring case.
func fieldNamed(fs []field, name string) (field, bool) {
	for _, f := range fs {
		if f.name == name {
			return f, true
		}
	}
	for _, f := range fs {
		if strings.EqualFold(f.name, name) {
			return f, true
		}
	}
	return field{}, false
}
