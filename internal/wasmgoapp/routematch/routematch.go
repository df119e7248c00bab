package routematch

// This file is copied into go-app's package app for the browser build
// (internal/wasmgoapp): every name in it starts with "route" so that it
// cannot collide with go-app's. Its package clause is rewritten.

import (
	"fmt"
	"unicode/utf8"
)

// A routeRegexp matches a path as regexp.MustCompile(expr).MatchString
// would, for the subset of the syntax that routes use.
type routeRegexp struct {
	expr string
	root routeNode
}

// The kinds of routeNode.
const (
	routeLit    = iota // the byte b
	routeClass         // a rune in set (ASCII), or any non-ASCII rune if neg
	routeAny           // any rune but \n
	routeBegin         // the start of the text
	routeEnd           // the end of the text
	routeConcat        // subs, one after the other
	routeAlt           // one of subs
	routeRepeat        // subs[0], min to max times (max -1: no limit)
)

type routeNode struct {
	kind     int
	b        byte
	set      [128]bool
	neg      bool
	subs     []routeNode
	min, max int
}

// mustCompileRoute parses expr, and panics (as regexp.MustCompile does on
// a syntax error) on syntax outside the subset: literals, ., [classes] of
// ASCII, groups, |, ^, $, *, +, ?, {n,m}, and \ before punctuation or d,
// w, s, D, W, S.
func mustCompileRoute(expr string) *routeRegexp {
	p := &routeParser{expr: expr}
	root := p.alt()
	if p.i < len(expr) {
		p.fail("unexpected )")
	}
	return &routeRegexp{expr: expr, root: root}
}

// MatchString reports whether s contains a match (a leftmost one is
// searched from every rune boundary, as package regexp does).
func (re *routeRegexp) MatchString(s string) bool {
	for i := 0; ; {
		if routeMatch(&re.root, s, i, func(int) bool { return true }) {
			return true
		}
		if i == len(s) {
			return false
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
}

func (re *routeRegexp) String() string { return re.expr }

// routeMatch reports whether n matches s from i with k accepting where
// the match ends (backtracking).
func routeMatch(n *routeNode, s string, i int, k func(int) bool) bool {
	switch n.kind {
	case routeLit:
		return i < len(s) && s[i] == n.b && k(i+1)
	case routeClass, routeAny:
		if i == len(s) {
			return false
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		var in bool
		switch {
		case n.kind == routeAny:
			in = r != '\n'
		case r < 128:
			in = n.set[r] != n.neg
		default:
			in = n.neg
		}
		return in && k(i+w)
	case routeBegin:
		return i == 0 && k(i)
	case routeEnd:
		return i == len(s) && k(i)
	case routeConcat:
		return routeMatchSeq(n.subs, s, i, k)
	case routeAlt:
		for j := range n.subs {
			if routeMatch(&n.subs[j], s, i, k) {
				return true
			}
		}
		return false
	case routeRepeat:
		return routeMatchRepeat(n, 0, s, i, k)
	}
	panic("routematch: unknown node")
}

func routeMatchSeq(subs []routeNode, s string, i int, k func(int) bool) bool {
	if len(subs) == 0 {
		return k(i)
	}
	return routeMatch(&subs[0], s, i, func(j int) bool { return routeMatchSeq(subs[1:], s, j, k) })
}

// routeMatchRepeat matches n's sub once more after count times, or stops;
// an iteration that matches nothing past the minimum ends the loop.
func routeMatchRepeat(n *routeNode, count int, s string, i int, k func(int) bool) bool {
	if n.max < 0 || count < n.max {
		more := routeMatch(&n.subs[0], s, i, func(j int) bool {
			if j == i && count >= n.min {
				return false
			}
			return routeMatchRepeat(n, count+1, s, j, k)
		})
		if more {
			return true
		}
	}
	return count >= n.min && k(i)
}

type routeParser struct {
	expr string
	i    int
}

func (p *routeParser) fail(why string) {
	panic(fmt.Sprintf("route pattern %q: %s at offset %d (the browser build matches routes with a subset of regexp: internal/wasmgoapp/routematch)", p.expr, why, p.i))
}

func (p *routeParser) more() bool { return p.i < len(p.expr) }
func (p *routeParser) peek() byte { return p.expr[p.i] }

// alt parses concatenations separated by |.
func (p *routeParser) alt() routeNode {
	n := routeNode{kind: routeAlt, subs: []routeNode{p.concat()}}
	for p.more() && p.peek() == '|' {
		p.i++
		n.subs = append(n.subs, p.concat())
	}
	if len(n.subs) == 1 {
		return n.subs[0]
	}
	return n
}

// concat parses repeated atoms up to |, ) or the end.
func (p *routeParser) concat() routeNode {
	n := routeNode{kind: routeConcat}
	for p.more() && p.peek() != '|' && p.peek() != ')' {
		n.subs = append(n.subs, p.repeat(p.atom()))
	}
	return n
}

// repeat parses the quantifiers after an atom.
func (p *routeParser) repeat(a routeNode) routeNode {
	for p.more() {
		min, max := 0, -1
		switch p.peek() {
		case '*':
			p.i++
		case '+':
			p.i++
			min = 1
		case '?':
			p.i++
			max = 1
		case '{':
			p.i++
			min = p.number()
			max = min
			if p.more() && p.peek() == ',' {
				p.i++
				max = -1
				if p.more() && p.peek() != '}' {
					max = p.number()
				}
			}
			if !p.more() || p.peek() != '}' || max >= 0 && max < min || max > 1000 || min > 1000 {
				p.fail("bad repetition")
			}
			p.i++
		default:
			return a
		}
		if a.kind == routeRepeat || a.kind == routeBegin || a.kind == routeEnd {
			p.fail("bad repetition operand")
		}
		if p.more() && p.peek() == '?' { // non-greedy: the same for MatchString
			p.i++
		}
		a = routeNode{kind: routeRepeat, subs: []routeNode{a}, min: min, max: max}
	}
	return a
}

func (p *routeParser) number() int {
	start, n := p.i, 0
	for p.more() && p.peek() >= '0' && p.peek() <= '9' {
		n = n*10 + int(p.peek()-'0')
		p.i++
		if n > 1000 {
			p.fail("bad repetition")
		}
	}
	if p.i == start {
		p.fail("bad repetition")
	}
	return n
}

// atom parses a literal, ., ^, $, a class, an escape or a group.
func (p *routeParser) atom() routeNode {
	c := p.peek()
	if c >= utf8.RuneSelf {
		p.fail("non-ASCII character")
	}
	p.i++
	switch c {
	case '.':
		return routeNode{kind: routeAny}
	case '^':
		return routeNode{kind: routeBegin}
	case '$':
		return routeNode{kind: routeEnd}
	case '*', '+', '?', '{':
		p.i--
		p.fail("missing repetition operand")
	case '\\':
		if n, ok := p.escape(); ok {
			return n
		}
		return routeNode{kind: routeLit, b: p.expr[p.i-1]}
	case '[':
		return p.class()
	case '(':
		if p.more() && p.peek() == '?' {
			if p.i+1 < len(p.expr) && p.expr[p.i+1] == ':' {
				p.i += 2
			} else {
				p.fail("flags or named groups")
			}
		}
		n := p.alt()
		if !p.more() || p.peek() != ')' {
			p.fail("missing )")
		}
		p.i++
		return routeNode{kind: routeConcat, subs: []routeNode{n}} // (a*)* is fine
	}
	return routeNode{kind: routeLit, b: c}
}

// escape parses what follows a backslash: a class (\d, \w, \s and their
// negations; ok true) or punctuation (ok false: the literal is at p.i-1).
func (p *routeParser) escape() (routeNode, bool) {
	if !p.more() {
		p.fail("trailing backslash")
	}
	c := p.peek()
	p.i++
	var n routeNode
	switch c {
	case 'd', 'D':
		routeAddRange(&n, '0', '9')
	case 'w', 'W':
		routeAddRange(&n, '0', '9')
		routeAddRange(&n, 'A', 'Z')
		routeAddRange(&n, 'a', 'z')
		n.set['_'] = true
	case 's', 'S':
		for _, b := range "\t\n\f\r " {
			n.set[b] = true
		}
	default:
		if c < utf8.RuneSelf && !('0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z') {
			return routeNode{}, false
		}
		p.i--
		p.fail("unsupported escape")
	}
	n.kind = routeClass
	n.neg = c == 'D' || c == 'W' || c == 'S'
	return n, true
}

func routeAddRange(n *routeNode, lo, hi byte) {
	for b := lo; b <= hi; b++ {
		n.set[b] = true
	}
}

// class parses a bracket expression after its [.
func (p *routeParser) class() routeNode {
	n := routeNode{kind: routeClass}
	if p.more() && p.peek() == '^' {
		n.neg = true
		p.i++
	}
	first := true
	for {
		if !p.more() {
			p.fail("missing ]")
		}
		c := p.peek()
		if c == ']' && !first {
			p.i++
			return n
		}
		first = false
		lo := p.classChar()
		if p.i+1 < len(p.expr) && p.peek() == '-' && p.expr[p.i+1] != ']' {
			p.i++
			hi := p.classChar()
			if hi < lo {
				p.fail("bad range")
			}
			routeAddRange(&n, lo, hi)
			continue
		}
		n.set[lo] = true
	}
}

// classChar parses one character of a class: a literal or an escaped
// punctuation character.
func (p *routeParser) classChar() byte {
	c := p.peek()
	if c >= utf8.RuneSelf {
		p.fail("non-ASCII character")
	}
	if c == '[' && p.i+1 < len(p.expr) && p.expr[p.i+1] == ':' {
		p.fail("named classes")
	}
	p.i++
	if c != '\\' {
		return c
	}
	if !p.more() {
		p.fail("trailing backslash")
	}
	c = p.peek()
	if c >= utf8.RuneSelf || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' {
		p.fail("unsupported escape in a class")
	}
	p.i++
	return c
}
