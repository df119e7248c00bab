package lru

import (
	"fmt"
	"sync"
	"testing"
)

func TestCache(t *testing.T) {
	type op struct {
		add  string // key to add (with size), or "" to get get
		size int64
		get  string
	}
	tests := []struct {
		desc  string
		max   int64
		ops   []op
		keys  []string // present at the end
		gone  []string // absent at the end
		bytes int64
	}{
		{desc: "fits", max: 10, ops: []op{{add: "a", size: 4}, {add: "b", size: 6}}, keys: []string{"a", "b"}, bytes: 10},
		{desc: "the oldest goes", max: 10, ops: []op{{add: "a", size: 4}, {add: "b", size: 4}, {add: "c", size: 4}},
			keys: []string{"b", "c"}, gone: []string{"a"}, bytes: 8},
		{desc: "a read keeps an entry", max: 10, ops: []op{{add: "a", size: 4}, {add: "b", size: 4}, {get: "a"}, {add: "c", size: 4}},
			keys: []string{"a", "c"}, gone: []string{"b"}, bytes: 8},
		{desc: "a big entry evicts several", max: 10, ops: []op{{add: "a", size: 3}, {add: "b", size: 3}, {add: "c", size: 3}, {add: "d", size: 9}},
			keys: []string{"d"}, gone: []string{"a", "b", "c"}, bytes: 9},
		{desc: "too big is not kept", max: 10, ops: []op{{add: "a", size: 3}, {add: "huge", size: 11}},
			keys: []string{"a"}, gone: []string{"huge"}, bytes: 3},
		{desc: "replacing a key reweighs it", max: 10, ops: []op{{add: "a", size: 3}, {add: "a", size: 7}},
			keys: []string{"a"}, bytes: 7},
	}
	for _, tt := range tests {
		c := New[string, int](tt.max)
		for i, o := range tt.ops {
			if o.add != "" {
				c.Add(o.add, i, o.size)
			} else {
				c.Get(o.get)
			}
		}
		for _, k := range tt.keys {
			if _, ok := c.Get(k); !ok {
				t.Errorf("%s: %q is missing", tt.desc, k)
			}
		}
		for _, k := range tt.gone {
			if _, ok := c.Get(k); ok {
				t.Errorf("%s: %q is still there", tt.desc, k)
			}
		}
		if got := c.Bytes(); got != tt.bytes {
			t.Errorf("%s: Bytes() = %d, want %d", tt.desc, got, tt.bytes)
		}
		if got, want := c.Len(), len(tt.keys); got != want {
			t.Errorf("%s: Len() = %d, want %d", tt.desc, got, want)
		}
	}
}

func TestConcurrent(t *testing.T) {
	c := New[string, int](100)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 1000 {
				k := fmt.Sprint(g, i%20)
				c.Add(k, i, int64(i%7+1))
				c.Get(k)
			}
		})
	}
	wg.Wait()
	if c.Bytes() > 100 {
		t.Errorf("Bytes() = %d, over the bound 100", c.Bytes())
	}
}

func ExampleCache() {
	c := New[string, string](10)
	c.Add("a", "apple", 5)
	c.Add("b", "banana", 6) // 11 bytes: "a" goes
	_, ok := c.Get("a")
	fmt.Println(ok, c.Len(), c.Bytes())
	// Output: false 1 6
}
