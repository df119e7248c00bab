// Package lru is a least-recently-used cache bounded in bytes, safe for
// concurrent use.
//
// Terms: an entry's size is what its owner says it weighs (Add's size,
// roughly the bytes it keeps alive); the cache's Bytes is the sum of its
// entries' sizes and never exceeds its bound (Max). Adding an entry evicts
// the least recently used (read or added) entries until it fits; an entry
// larger than the bound is not kept at all.
package lru

import (
	"container/list"
	"sync"
)

// Cache maps keys to values, at most Max bytes of them. The zero value is
// not usable: call New.
type Cache[K comparable, V any] struct {
	mu    sync.Mutex
	max   int64
	bytes int64
	ll    *list.List // front: the most recently used
	m     map[K]*list.Element
}

type entry[K comparable, V any] struct {
	key  K
	val  V
	size int64
}

// New returns an empty cache bounded to max bytes.
func New[K comparable, V any](max int64) *Cache[K, V] {
	return &Cache[K, V]{max: max, ll: list.New(), m: map[K]*list.Element{}}
}

// Get returns the value of key and marks it used.
func (c *Cache[K, V]) Get(key K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[key]; ok {
		c.ll.MoveToFront(e)
		return e.Value.(*entry[K, V]).val, true
	}
	var zero V
	return zero, false
}

// Add keeps val under key, weighing size bytes (replacing what key held),
// and evicts the least recently used entries until the cache fits its
// bound. It reports whether val was kept (false when size alone exceeds
// the bound).
func (c *Cache[K, V]) Add(key K, val V, size int64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[key]; ok {
		c.remove(e)
	}
	if size > c.max {
		return false
	}
	c.m[key] = c.ll.PushFront(&entry[K, V]{key: key, val: val, size: size})
	c.bytes += size
	for c.bytes > c.max {
		c.remove(c.ll.Back())
	}
	return true
}

func (c *Cache[K, V]) remove(e *list.Element) {
	en := e.Value.(*entry[K, V])
	c.ll.Remove(e)
	delete(c.m, en.key)
	c.bytes -= en.size
}

// Len is the number of entries.
func (c *Cache[K, V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len()
}

// Bytes is the sum of the entries' sizes.
func (c *Cache[K, V]) Bytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes
}

// Max is the bound.
func (c *Cache[K, V]) Max() int64 { return c.max }
