package app

// The scheduler game's marks in /play's editor (CodeMirror, web/editor.js's
// editor.game): what the lesson page's game code pane (schedCode) draws,
// each runnable goroutine's next line in its lane's colour with a badge to
// pick it, as data for the editor's decorations.

// editorMark is one marked line of the program.
type editorMark struct {
	Line   int
	Colour string // the first goroutine's lane class (g0…g7)
	Badges []editorBadge
}

// editorBadge is one choice on a line: a goroutine (Kind "pick", Value
// its id) or a select's ready case (Kind "case", Value its index).
type editorBadge struct {
	Kind, Text, Title, Colour string
	Value                     int
}

// editorMarks are the marks of the game's pause, in line order; none when
// the game waits for nothing (it ended).
func editorMarks(v gameView) []editorMark {
	pa := v.game.Pause
	if pa == nil {
		return nil
	}
	byLine := map[int]*editorMark{}
	var order []int
	at := func(line int, colour string) *editorMark {
		m, ok := byLine[line]
		if !ok {
			m = &editorMark{Line: line, Colour: colour}
			byLine[line] = m
			order = append(order, line)
		}
		return m
	}
	if pa.Select {
		g := pa.Goroutines[0]
		for i, c := range v.game.Cases {
			if c.Line > 0 {
				m := at(c.Line, laneClass(g))
				m.Badges = append(m.Badges, editorBadge{Kind: "case", Value: i, Colour: laneClass(g),
					Text: caseKey(i) + " this case", Title: "proceed with " + c.Text + " (key " + caseKey(i) + ")"})
			}
		}
	} else {
		names := gameNames(v.game.Trace)
		for i, id := range pa.Goroutines {
			l := int(pa.Lines[i])
			if l <= 0 {
				continue
			}
			m := at(l, laneClass(id))
			if len(m.Badges) == maxBadges {
				continue
			}
			key, title := choiceKey(pa, id), "run "+names(id)
			if key != "·" {
				title += " (key " + key + ")"
			}
			m.Badges = append(m.Badges, editorBadge{Kind: "pick", Value: int(id), Colour: laneClass(id),
				Text: key + " " + shorten(names(id), maxBadgeChars), Title: title})
		}
	}
	out := make([]editorMark, 0, len(order))
	for _, l := range order {
		out = append(out, *byLine[l])
	}
	return out
}
