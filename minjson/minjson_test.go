package minjson_test

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"testing"

	"lanes/minjson"
	"lanes/sim/trace"
)

type name string

type inner struct {
	N int    `json:"n"`
	S string `json:"s,omitempty"`
}

type sample struct {
	A     int                `json:"a"`
	B     string             `json:"b,omitempty"`
	C     []int              `json:"c,omitempty"`
	D     *inner             `json:"d"`
	E     map[string]inner   `json:"e,omitempty"`
	F     float64            `json:"f"`
	G     bool               `json:"g,omitempty"`
	H     [2]int32           `json:"h"`
	I     any                `json:"i"`
	J     minjson.RawMessage `json:"j,omitempty"`
	K     trace.Kind         `json:"k"`
	L     []inner            `json:"l"`
	U     uint8              `json:"u"`
	NoTag string
	Skip  string `json:"-"`
	small int
}

// std is sample with encoding/json's RawMessage, to compare outputs.
func TestMarshalAsEncodingJSON(t *testing.T) {
	tests := []struct {
		desc string
		v    any
	}{
		{"nil", nil},
		{"int", 42},
		{"negative", int64(-7)},
		{"string with escapes", "a\"b\\c\n\t\x01<>&\u2028é\xff"},
		{"floats", []float64{0, 1, -1.5, 1e21, 1e20, 1e-6, 1e-7, 123456789.125, math.SmallestNonzeroFloat64, math.MaxFloat64}},
		{"float32", []float32{0.1, 1e-7, 3e22}},
		{"bools", []bool{true, false}},
		{"nil slice", []int(nil)},
		{"empty slice", []int{}},
		{"map sorted", map[string]int{"b": 2, "a": 1, "c": 3}},
		{"int keys", map[int]string{10: "x", 2: "y"}},
		{"any map", map[string]any{"chunk": 5, "strategy": "pct", "runs": 1000, "seed": int64(1), "nested": []any{1.5, "x", nil, true}}},
		{"struct empty", sample{}},
		{"struct full", sample{A: 1, B: "b", C: []int{1, 2}, D: &inner{N: 3, S: "s"}, E: map[string]inner{"z": {N: 1}, "a": {}},
			F: 2.5, G: true, H: [2]int32{4, 5}, I: map[string]any{"k": "v"}, J: minjson.RawMessage(`{"x": [1, 2]}`), K: trace.KindGo,
			L: []inner{{N: 1}}, U: 200, NoTag: "t", Skip: "no", small: 1}},
		{"pointer", &inner{N: 1}},
		{"trace enums", []trace.State{trace.StateRunnable, trace.StateBlocked}},
	}
	for _, tc := range tests {
		got, err := minjson.Marshal(tc.v)
		if err != nil {
			t.Errorf("%s: Marshal: %v", tc.desc, err)
			continue
		}
		want, err := json.Marshal(tc.v)
		if err != nil {
			t.Fatalf("%s: encoding/json: %v", tc.desc, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: Marshal = %s, want %s", tc.desc, got, want)
		}
		gotI, err := minjson.MarshalIndent(tc.v, ">", "  ")
		wantI, _ := json.MarshalIndent(tc.v, ">", "  ")
		if err != nil || !bytes.Equal(gotI, wantI) {
			t.Errorf("%s: MarshalIndent = %s, %v, want %s", tc.desc, gotI, err, wantI)
		}
	}
}

func TestEncoderNoHTMLEscape(t *testing.T) {
	var got, want bytes.Buffer
	e := minjson.NewEncoder(&got)
	e.SetEscapeHTML(false)
	s := json.NewEncoder(&want)
	s.SetEscapeHTML(false)
	v := map[string]string{"a": "<b>&</b>"}
	if err := e.Encode(v); err != nil {
		t.Fatal(err)
	}
	_ = s.Encode(v)
	if got.String() != want.String() {
		t.Errorf("Encode = %q, want %q", got.String(), want.String())
	}
}

func TestUnmarshalAsEncodingJSON(t *testing.T) {
	tests := []struct {
		desc string
		in   string
		new  func() any
	}{
		{"struct", `{"a":1,"b":"x\u00e9\ud83d\ude00\n","c":[1,2,3],"d":{"n":2},"e":{"k":{"n":1,"s":"v"}},"f":-1.25e3,"g":true,"h":[7,8],"i":{"x":[1,"y",null,false]},"k":"go","l":[{"n":1}],"u":255,"NoTag":"t","notag":"u","unknown":{"deep":[1]}}`, func() any { return new(sample) }},
		{"nulls", `{"d":null,"c":null,"i":null,"e":null}`, func() any { return &sample{D: &inner{}, C: []int{1}, I: 1, E: map[string]inner{}} }},
		{"empty array", `{"c":[],"l":[]}`, func() any { return new(sample) }},
		{"short array", `{"h":[1]}`, func() any { return &sample{H: [2]int32{5, 6}} }},
		{"any", ` [1, {"a": "b"}, "s", true, null, -0.5] `, func() any { return new(any) }},
		{"map", `{"x":{"picks":3,"preemptions":1}}`, func() any { return new(map[string]map[string]int) }},
		{"named string keys", `{"a":1,"b":2}`, func() any { return new(map[name]int) }},
		{"lone surrogate", `"\ud800x"`, func() any { return new(string) }},
	}
	for _, tc := range tests {
		got, want := tc.new(), tc.new()
		if err := json.Unmarshal([]byte(tc.in), want); err != nil {
			t.Fatalf("%s: encoding/json: %v", tc.desc, err)
		}
		if err := minjson.Unmarshal([]byte(tc.in), got); err != nil {
			t.Errorf("%s: Unmarshal: %v", tc.desc, err)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Unmarshal = %+v, want %+v", tc.desc, got, want)
		}
	}
}

func TestUnmarshalErrors(t *testing.T) {
	tests := []struct {
		desc string
		in   string
		v    any
	}{
		{"empty", ``, new(int)},
		{"trailing", `1 2`, new(int)},
		{"overflow", `300`, new(uint8)},
		{"fraction into int", `1.5`, new(int)},
		{"string into int", `"1"`, new(int)},
		{"bad enum", `"nope"`, new(trace.Kind)},
		{"unclosed", `{"a":1`, new(sample)},
		{"leading zero", `01`, new(int)},
		{"bad literal", `tru`, new(bool)},
		{"control in string", "\"a\x01\"", new(string)},
		{"not a pointer", `1`, 0},
	}
	for _, tc := range tests {
		if err := minjson.Unmarshal([]byte(tc.in), tc.v); err == nil {
			t.Errorf("%s: Unmarshal(%q) = nil, want an error", tc.desc, tc.in)
		}
		if err := json.Unmarshal([]byte(tc.in), tc.v); err == nil {
			t.Errorf("%s: encoding/json accepts %q: not an error case", tc.desc, tc.in)
		}
	}
}

func TestDisallowUnknownFields(t *testing.T) {
	d := minjson.NewDecoder(bytes.NewReader([]byte(`{"a":1,"zz":2}`)))
	d.DisallowUnknownFields()
	var s sample
	if err := d.Decode(&s); err == nil {
		t.Errorf("Decode with an unknown field = nil, want an error")
	}
}

func TestRawMessage(t *testing.T) {
	var a struct {
		T minjson.RawMessage `json:"trace"`
		N int                `json:"n"`
	}
	if err := minjson.Unmarshal([]byte(`{"trace": {"version": 1, "x": [1, 2]}, "n": 3}`), &a); err != nil {
		t.Fatal(err)
	}
	if got, want := string(a.T), `{"version": 1, "x": [1, 2]}`; got != want || a.N != 3 {
		t.Errorf("RawMessage = %q, n %d, want %q, 3", got, a.N, want)
	}
}
