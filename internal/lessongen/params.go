package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"lanes/internal/lessongen/meta"
	"lanes/sim/rewrite"
)

// paramTwin is one hidden twin of a variant with a slider (meta.Param): the
// program with one constant's value changed, and nothing else.
type paramTwin struct {
	key   string // "slug/name", where the twin goes under the twins folder
	name  string // "<variant>-<const>-<value>ms"
	value string // "75ms"
	src   string // the whole program
	twin  []byte
	vet   []string
}

type paramSet struct {
	own   string // the variant's own value, "50ms"
	twins []paramTwin
}

// paramTwins makes the twins of every other value of v's param: the line
// `const <name> = <n> * time.Millisecond` gets the other value; every
// program is rewritten and vetted.
func paramTwins(slug string, v meta.Variant, dir string, src []byte) (paramSet, error) {
	p := v.Param
	re := regexp.MustCompile(`(?m)^const ` + regexp.QuoteMeta(p.Const) + ` = (\d+) \* time\.Millisecond$`)
	m := re.FindAllSubmatchIndex(src, -1)
	if len(m) != 1 {
		return paramSet{}, fmt.Errorf("param %s: want exactly one line `const %s = <n> * time.Millisecond`, found %d", p.Const, p.Const, len(m))
	}
	own, _ := strconv.Atoi(string(src[m[0][2]:m[0][3]]))
	set := paramSet{own: strconv.Itoa(own) + "ms"}
	found := false
	progs := map[string]string{}
	for _, val := range p.Values {
		if val == own {
			found = true
			continue
		}
		line := fmt.Sprintf("const %s = %d * time.Millisecond", p.Const, val)
		code := string(src[:m[0][0]]) + line + string(src[m[0][1]:])
		name := fmt.Sprintf("%s-%s-%dms", v.Name, strings.ToLower(p.Const), val)
		if !meta.NamePattern.MatchString(name) {
			return paramSet{}, fmt.Errorf("param twin name %q is not a valid variant name", name)
		}
		twin, err := rewrite.Rewrite(filepath.Join(dir, "main.go"), []byte(code), rewrite.Options{Package: "twin", Filename: "main.go", Dir: dir})
		if err != nil {
			return paramSet{}, fmt.Errorf("%s: %w", name, err)
		}
		progs[name] = code
		set.twins = append(set.twins, paramTwin{key: slug + "/" + name, name: name, value: strconv.Itoa(val) + "ms", src: code, twin: twin})
	}
	if !found {
		return paramSet{}, fmt.Errorf("param %s: the program's value %dms is not among %v", p.Const, own, p.Values)
	}
	vet, err := vetPrograms(progs)
	if err != nil {
		return paramSet{}, err
	}
	for i := range set.twins {
		set.twins[i].vet = vet[set.twins[i].name]
	}
	return set, nil
}

// vetPrograms runs go vet over standalone programs (name → main.go source,
// standard library only) in a scratch module and returns the findings per
// name, as "main.go:L:C: message".
func vetPrograms(progs map[string]string) (map[string][]string, error) {
	tmp, err := os.MkdirTemp("", "lessongen-vet-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	if err := os.WriteFile(filepath.Join(tmp, "go.mod"), []byte("module params\n\ngo 1.26\n"), 0o644); err != nil {
		return nil, err
	}
	for name, code := range progs {
		if err := os.MkdirAll(filepath.Join(tmp, name), 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(tmp, name, "main.go"), []byte(code), 0o644); err != nil {
			return nil, err
		}
	}
	byDir, err := vetDir(tmp)
	if err != nil {
		return nil, fmt.Errorf("the param programs: %w", err)
	}
	found := map[string][]string{}
	for d, fs := range byDir {
		found[filepath.Base(d)] = fs
	}
	return found, nil
}
