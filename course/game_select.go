package course

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"lanes/sim"
)

// ReadyCases names the ready cases a select pause offers (p.Select), in
// the pause's order, from the program's text: "case <-done" on its line.
// A case the text does not show (a program whose select the scan cannot
// read) is "case N" on the select's line. nil when p is no select pause.
func ReadyCases(code string, p *sim.Pause) []SelectCase {
	if p == nil || !p.Select {
		return nil
	}
	line := 0
	if len(p.Lines) > 0 {
		line = int(p.Lines[0])
	}
	all := SelectCases(code, line)
	out := make([]SelectCase, len(p.Cases))
	for i, k := range p.Cases {
		if k >= 0 && k < len(all) {
			out[i] = all[k]
		} else {
			out[i] = SelectCase{Line: line, Text: "case " + strconv.Itoa(k+1)}
		}
	}
	return out
}

// PickCase returns the game's choices after proceeding with the i-th ready
// case (Cases[i]) of the select it waits at.
func (g Game) PickCase(i int) ([]int, error) {
	if g.Pause == nil {
		return nil, errors.New("the program has ended: nothing runs any more")
	}
	c, ok := g.Pause.TakeCase(i)
	if !ok {
		if !g.Pause.Select {
			return nil, errors.New("no select waits for a case here")
		}
		return nil, fmt.Errorf("the select has no ready case %d", i+1)
	}
	return append(slices.Clone(g.Choices), c...), nil
}
