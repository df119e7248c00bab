// Package meta reads the front matter of the lessons' lesson.md files. It
// is build-time only: lessongen turns what it reads into the registry
// (package lanes/app/lessons/registry, of lanes/course's types).
//
// A lesson.md starts with a block between two lines of "---" holding a
// small, strict subset of YAML, then the lesson text in Markdown:
//
//	---
//	title: The golden rule of Add
//	summary: Call wg.Add before the go statement, never inside the new goroutine.
//	order: 3
//	tracks: [inflight]
//	panels: [memory]
//	variants:
//	  - name: add-inside
//	    title: Add inside the goroutine
//	    default: true
//	    vet: WaitGroup.Add called from inside new goroutine
//	  - name: add-before
//	    title: Add before go
//	---
//
// Keys: title, summary and order (a positive integer) are required;
// tracks and panels are optional lists ("[a, b]") of what the lesson's
// pages show besides the player: the timeline's extra tracks (inflight)
// and panels under the player (memory); axis is optional, time (the
// default) or steps: the timeline's x axis unless the URL picks one (steps
// where the order of events says more than the clock); variants is a list of entries with name (the variant's folder, matching
// [NamePattern]), title (the display name), optional default (true on
// exactly one entry), optional vet (the `go vet` finding the program is
// expected to get; absent means vet must be clean), optional heavy (true
// for a program with many goroutines: exploring it defaults to fewer,
// random runs) and optional param (a
// slider: "work 25ms 50ms 75ms" names a `const work = 50 * time.Millisecond`
// line of the program and the values, in milliseconds, it may take; the
// generator makes a hidden twin per other value, see [Param]), and the
// keys of a scheduler-game challenge: task (what to do, plain text), goal
// (conditions on the run's end, see lanes/course.ParseGoal), hint and
// hint2, and solution (a winning schedule: base-62 choices as the replay
// parameter writes them); or, on a fixed variant, challenge-of (the
// variant whose challenge it offers, which no schedule can win),
// searched (how many schedules the bounded exhaustive search runs) and,
// when the variant is not a fix of that one but a program to compare it
// with, contrast: true. `variants: []` means a
// lesson without programs. Values are plain text to the end of the line
// (no quoting); unknown keys, duplicate keys and tabs are errors.
//
// [LoadAll] reads every <slug>/lesson.md of a lessons directory.
package meta

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Lesson is a lesson's front matter and its Markdown text.
type Lesson struct {
	Slug     string // the folder name
	Title    string
	Summary  string
	Order    int
	Tracks   []string  // extra timeline tracks: "inflight"
	Panels   []string  // extra panels: "memory"
	Axis     string    // the timeline's default x axis: "" (virtual time) or "steps"
	Variants []Variant // in file order
	Body     string    // Markdown after the front matter
}

// Variant is one program of a lesson.
type Variant struct {
	Name    string // folder name
	Title   string // display name
	Default bool
	Heavy   bool   // many goroutines
	Vet     string // expected go vet message, "" for clean
	Param   *Param // a slider over one constant, or nil

	// A challenge of the scheduler game ("you are the scheduler"): the
	// variant's own (Task, Goal, Hint, Hint2, Solution), or, on a fixed
	// variant, ChallengeOf names the variant whose challenge it offers
	// and Searched is how many schedules the bounded exhaustive search
	// runs to show that none reaches the goal (a test checks both).
	// Fewest is the fewest preemptions any schedule needs to win the
	// variant's own challenge, by the bounded search (a test checks it).
	// FewestPicks is the fewest picks of the known winning schedules (the
	// solution's, the bounded search's): 0 unknown (a test checks it).
	Task        string
	Goal        string
	Hint, Hint2 string
	Solution    string
	ChallengeOf string
	Contrast    bool // ChallengeOf's variant is compared with, not fixed by, this one
	Searched    int
	Fewest      int
	FewestPicks int
}

// Param is a slider over one duration constant of a variant's program.
type Param struct {
	Const  string // the constant's name, e.g. "work"
	Values []int  // milliseconds, ascending; the program's own value is one of them
}

var paramWord = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func parseParam(v string) (*Param, error) {
	f := strings.Fields(v)
	if len(f) < 3 || !paramWord.MatchString(f[0]) {
		return nil, errors.New("param: want a constant name and at least two values like 50ms")
	}
	p := &Param{Const: f[0]}
	for _, w := range f[1:] {
		n, err := strconv.Atoi(strings.TrimSuffix(w, "ms"))
		if !strings.HasSuffix(w, "ms") || err != nil || n <= 0 || len(p.Values) > 0 && n <= p.Values[len(p.Values)-1] {
			return nil, fmt.Errorf("param: %q: want ascending positive values like 50ms", w)
		}
		p.Values = append(p.Values, n)
	}
	return p, nil
}

// Default returns the default variant, or false for a lesson without
// programs.
func (l Lesson) Default() (Variant, bool) {
	for _, v := range l.Variants {
		if v.Default {
			return v, true
		}
	}
	return Variant{}, false
}

// SlugPattern and NamePattern are what lesson folders and variant folders
// must match.
var (
	SlugPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)
	NamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)
)

// Parse reads the lesson.md of the lesson slug.
func Parse(slug string, src []byte) (Lesson, error) {
	l := Lesson{Slug: slug}
	fail := func(line int, format string, args ...any) (Lesson, error) {
		return Lesson{}, fmt.Errorf("%s/lesson.md:%d: %s", slug, line, fmt.Sprintf(format, args...))
	}
	if !SlugPattern.MatchString(slug) {
		return fail(0, "bad lesson slug %q", slug)
	}
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	if len(lines) == 0 || lines[0] != "---" {
		return fail(1, `want front matter starting with "---"`)
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if lines[i] == "---" {
			end = i
			break
		}
	}
	if end < 0 {
		return fail(len(lines), `front matter has no closing "---"`)
	}
	l.Body = strings.TrimLeft(strings.Join(lines[end+1:], "\n"), "\n")
	seen := map[string]bool{}
	inVariants := false
	var cur *Variant
	var curSeen map[string]bool
	for i := 1; i < end; i++ {
		n, line := i+1, lines[i]
		if strings.TrimSpace(line) == "" {
			continue
		}
		if strings.Contains(line, "\t") {
			return fail(n, "tab in front matter")
		}
		switch {
		case inVariants && strings.HasPrefix(line, "  - "):
			l.Variants = append(l.Variants, Variant{})
			cur, curSeen = &l.Variants[len(l.Variants)-1], map[string]bool{}
			line = "    " + line[4:]
			fallthrough
		case inVariants && strings.HasPrefix(line, "    "):
			if cur == nil {
				return fail(n, `variant key before "  - "`)
			}
			k, v, ok := keyValue(line[4:])
			if !ok {
				return fail(n, "want key: value")
			}
			if curSeen[k] {
				return fail(n, "duplicate key %q", k)
			}
			curSeen[k] = true
			switch k {
			case "name":
				cur.Name = v
			case "title":
				cur.Title = v
			case "vet":
				cur.Vet = v
			case "task":
				cur.Task = v
			case "goal":
				cur.Goal = v
			case "hint":
				cur.Hint = v
			case "hint2":
				cur.Hint2 = v
			case "solution":
				cur.Solution = v
			case "challenge-of":
				cur.ChallengeOf = v
			case "contrast":
				if v != "true" {
					return fail(n, "contrast: want true")
				}
				cur.Contrast = true
			case "searched":
				c, err := strconv.Atoi(v)
				if err != nil || c < 1 {
					return fail(n, "searched: want a positive integer")
				}
				cur.Searched = c
			case "fewest":
				c, err := strconv.Atoi(v)
				if err != nil || c < 0 {
					return fail(n, "fewest: want a number of preemptions (0 or more)")
				}
				cur.Fewest = c
			case "fewest-picks":
				c, err := strconv.Atoi(v)
				if err != nil || c < 1 {
					return fail(n, "fewest-picks: want a number of picks (1 or more)")
				}
				cur.FewestPicks = c
			case "param":
				p, err := parseParam(v)
				if err != nil {
					return fail(n, "%v", err)
				}
				cur.Param = p
			case "default", "heavy":
				b, err := strconv.ParseBool(v)
				if err != nil {
					return fail(n, "%s: want true or false", k)
				}
				if k == "default" {
					cur.Default = b
				} else {
					cur.Heavy = b
				}
			default:
				return fail(n, "unknown variant key %q", k)
			}
		default:
			inVariants = false
			k, v, ok := keyValue(line)
			if !ok || strings.HasPrefix(line, " ") {
				return fail(n, "want key: value")
			}
			if seen[k] {
				return fail(n, "duplicate key %q", k)
			}
			seen[k] = true
			switch k {
			case "title":
				l.Title = v
			case "summary":
				l.Summary = v
			case "order":
				o, err := strconv.Atoi(v)
				if err != nil || o < 1 {
					return fail(n, "order: want a positive integer")
				}
				l.Order = o
			case "tracks", "panels":
				list, err := parseList(v, known[k])
				if err != nil {
					return fail(n, "%s: %v", k, err)
				}
				if k == "tracks" {
					l.Tracks = list
				} else {
					l.Panels = list
				}
			case "axis":
				switch v {
				case "time":
				case "steps":
					l.Axis = v
				default:
					return fail(n, "axis: want time or steps")
				}
			case "variants":
				switch v {
				case "":
					inVariants = true
				case "[]":
				default:
					return fail(n, `variants: want a list or "[]"`)
				}
			default:
				return fail(n, "unknown key %q", k)
			}
		}
	}
	if err := l.check(); err != nil {
		return fail(1, "%v", err)
	}
	return l, nil
}

// known are the words tracks and panels may list.
var known = map[string][]string{"tracks": {"inflight"}, "panels": {"memory"}}

// parseList reads "[a, b]": words from allowed, each at most once.
func parseList(v string, allowed []string) ([]string, error) {
	inner, ok := strings.CutPrefix(v, "[")
	if inner, ok = strings.CutSuffix(inner, "]"); !ok {
		return nil, fmt.Errorf("want a list like [%s]", allowed[0])
	}
	var list []string
	for _, w := range strings.Split(inner, ",") {
		w = strings.TrimSpace(w)
		if w == "" && strings.TrimSpace(inner) == "" {
			break
		}
		if !slices.Contains(allowed, w) || slices.Contains(list, w) {
			return nil, fmt.Errorf("%q: want each of %v at most once", w, allowed)
		}
		list = append(list, w)
	}
	return list, nil
}

func keyValue(s string) (k, v string, ok bool) {
	k, v, ok = strings.Cut(s, ":")
	if !ok || k == "" || strings.ContainsAny(k, " \"'") {
		return "", "", false
	}
	return k, strings.TrimSpace(v), true
}

func (l Lesson) check() error {
	var errs []error
	if l.Title == "" || l.Summary == "" || l.Order == 0 {
		errs = append(errs, errors.New("title, summary and order are required"))
	}
	defaults, names := 0, map[string]bool{}
	for _, v := range l.Variants {
		if !NamePattern.MatchString(v.Name) {
			errs = append(errs, fmt.Errorf("bad variant name %q", v.Name))
		}
		if names[v.Name] {
			errs = append(errs, fmt.Errorf("variant %q listed twice", v.Name))
		}
		names[v.Name] = true
		if v.Title == "" {
			errs = append(errs, fmt.Errorf("variant %q has no title", v.Name))
		}
		if v.Default {
			defaults++
		}
		if (v.Task == "") != (v.Goal == "") || v.Task != "" && v.Solution == "" {
			errs = append(errs, fmt.Errorf("variant %q: a challenge needs task, goal and solution", v.Name))
		}
		if v.Contrast && v.ChallengeOf == "" {
			errs = append(errs, fmt.Errorf("variant %q: contrast needs challenge-of", v.Name))
		}
		if v.ChallengeOf != "" && (v.Task != "" || v.Searched == 0) {
			errs = append(errs, fmt.Errorf("variant %q: challenge-of needs searched and no challenge of its own", v.Name))
		}
	}
	for _, v := range l.Variants {
		if v.ChallengeOf == "" {
			continue
		}
		i := slices.IndexFunc(l.Variants, func(o Variant) bool { return o.Name == v.ChallengeOf })
		if i < 0 || l.Variants[i].Task == "" {
			errs = append(errs, fmt.Errorf("variant %q: challenge-of %q: no such variant with a challenge", v.Name, v.ChallengeOf))
		}
	}
	if len(l.Variants) > 0 && defaults != 1 {
		errs = append(errs, fmt.Errorf("%d default variants, want exactly one", defaults))
	}
	return errors.Join(errs...)
}

// LoadAll reads dir/*/lesson.md, sorted by order, and checks that orders
// are unique.
func LoadAll(dir string) ([]Lesson, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "lesson.md"))
	if err != nil {
		return nil, err
	}
	var ls []Lesson
	orders := map[int]string{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		l, err := Parse(filepath.Base(filepath.Dir(f)), src)
		if err != nil {
			return nil, err
		}
		if other, dup := orders[l.Order]; dup {
			return nil, fmt.Errorf("lessons %s and %s both have order %d", other, l.Slug, l.Order)
		}
		orders[l.Order] = l.Slug
		ls = append(ls, l)
	}
	sort.Slice(ls, func(i, j int) bool { return ls[i].Order < ls[j].Order })
	return ls, nil
}
