// Package atomic holds the shape of the real sync/atomic types that the
// real sync types contain (Int32, Uint64, Bool), so that the sync mirrors
// print as Go's: "atomic.Int32{_:atomic.noCopy{}, v:0}" under %#v.
package atomic

type noCopy struct{}

type align64 struct{}

// Int32 is atomic.Int32's shape.
type Int32 struct {
	_ noCopy
	v int32
}

// Store sets the value.
func (x *Int32) Store(v int32) { x.v = v }

// Uint64 is atomic.Uint64's shape.
type Uint64 struct {
	_ noCopy
	_ align64
	v uint64
}

// Store sets the value.
func (x *Uint64) Store(v uint64) { x.v = v }

// Bool is atomic.Bool's shape.
type Bool struct {
	_ noCopy
	v uint32
}

// Store sets the value.
func (x *Bool) Store(v bool) {
	x.v = 0
	if v {
		x.v = 1
	}
}
