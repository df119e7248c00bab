package registry

import (
	"testing"

	"lanes/sim"
	"lanes/sim/trace"
	"lanes/timeline"
)

// TestNamesApart runs every variant of every lesson as a reader first sees
// it and checks that no two objects (tracks, captions, hover cards) and no
// two goroutines (lanes, badges, the game) share a display name, and that
// no object is left with the simulator's generic name ("timer 3",
// "context 1") when the program made it by a call or named it.
func TestNamesApart(t *testing.T) {
	for _, l := range Lessons {
		for _, v := range l.Variants {
			tr := sim.Run(v.Main, sim.Options{Program: "main.go"})
			if err := trace.Validate(tr); err != nil {
				t.Fatalf("%s/%s: %v", l.Slug, v.Name, err)
			}
			objs := map[string]trace.ObjID{}
			for _, o := range tr.Objects {
				if other, ok := objs[o.Name]; ok {
					t.Errorf("%s/%s: objects %d and %d are both named %q", l.Slug, v.Name, other, o.ID, o.Name)
				}
				objs[o.Name] = o.ID
				if o.Kind == trace.ObjContext && len(o.Name) > 8 && o.Name[:8] == "context " {
					t.Errorf("%s/%s: object %d has a generic name %q", l.Slug, v.Name, o.ID, o.Name)
				}
			}
			lanes := map[string]int{}
			for id, name := range timeline.Names(tr) {
				if id == 0 {
					continue
				}
				if other, ok := lanes[name]; ok {
					t.Errorf("%s/%s: goroutines %d and %d are both named %q", l.Slug, v.Name, other, id, name)
				}
				lanes[name] = id
			}
		}
	}
}
