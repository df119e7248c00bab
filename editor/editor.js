// The /play page's code editor: CodeMirror 6 with Go, bundled by esbuild
// into web/editor.js (`make editor`; the bundle is committed, and
// TestEditorBundleFresh checks it against this file and the lockfile).
//
// It defines globalThis.lanesEditor.mount(parent, doc, onRun, onChange) →
// editor (onChange() after every edit of the program):
//
//   editor.doc()                 the program as it is now
//   editor.setDoc(text)          replace the program
//   editor.mark(diags)           mark problems [{line, col, msg}] at their lines
//                                (cleared by the next edit or mark([]))
//   editor.game(marks, onPick)   the scheduler game's marks: each runnable
//                                goroutine's next line in its lane's colour
//                                and a badge per choice there; clicking a
//                                badge calls onPick(kind, value) ("pick", a
//                                goroutine id, or "case", a select's ready
//                                case); marks [{line, colour, badges:
//                                [{kind, value, text, title, colour}]}], or
//                                [] to clear them (the game ended)
//   editor.focus()
//
// Ctrl/Cmd+Enter calls onRun(). Nothing here evaluates strings as code, and
// styles go through CodeMirror's style modules (the site's CSP allows
// inline styles, never inline scripts).
import { EditorView, basicSetup } from "codemirror";
import { keymap, Decoration, WidgetType } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { indentUnit, HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags as t } from "@lezer/highlight";
import { EditorState, Prec, StateField, StateEffect } from "@codemirror/state";
import { go } from "@codemirror/lang-go";
import { setDiagnostics, lintGutter } from "@codemirror/lint";

// The editor's colours come from the page's CSS variables, so it follows
// the light and dark themes with the rest of the page.
const theme = EditorView.theme({
  "&": { color: "var(--fg)", backgroundColor: "var(--panel)", fontSize: "14px" },
  ".cm-content": { fontFamily: "ui-monospace, monospace", caretColor: "var(--fg)" },
  ".cm-gutters": { backgroundColor: "var(--panel)", color: "var(--muted, #888)", border: "none" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--fg)" },
  ".cm-activeLine": { backgroundColor: "rgba(127,127,127,0.08)" },
  ".cm-activeLineGutter": { backgroundColor: "rgba(127,127,127,0.12)" },
  ".cm-game-line": { backgroundColor: "var(--cur)", boxShadow: "inset 4px 0 0 var(--lane)" },
  ".cm-game-badge": {
    marginLeft: "8px", padding: "0 5px", border: "0", borderRadius: "3px", font: "inherit", fontSize: "11px",
    fontWeight: "600", lineHeight: "1.5", verticalAlign: "1px", color: "var(--bg)", backgroundColor: "var(--lane)", cursor: "pointer",
  },
});

// The scheduler game's marks (editor.game): line decorations and badge
// widgets, kept in a state field (mapped through edits) and replaced by
// the setGame effect. Colours are the lanes' classes (g0…g7, lanes.css).
const setGame = StateEffect.define();
const laneClass = /^g[0-9]$/;
const colourOf = (c) => (laneClass.test(c || "") ? c : "g0");

class Badge extends WidgetType {
  constructor(b, onPick) {
    super();
    this.b = b;
    this.onPick = onPick;
  }
  eq(o) {
    return o.b.kind === this.b.kind && o.b.value === this.b.value && o.b.text === this.b.text &&
      o.b.title === this.b.title && o.b.colour === this.b.colour && o.onPick === this.onPick;
  }
  toDOM() {
    const el = document.createElement("button");
    el.type = "button";
    el.className = "cm-game-badge " + colourOf(this.b.colour);
    el.setAttribute(this.b.kind === "case" ? "data-case" : "data-pick", String(this.b.value));
    el.title = this.b.title || "";
    el.textContent = this.b.text || "";
    el.addEventListener("mousedown", (e) => e.preventDefault()); // the cursor stays
    el.addEventListener("click", (e) => {
      e.preventDefault();
      if (this.onPick) this.onPick(this.b.kind, this.b.value);
    });
    return el;
  }
  ignoreEvent() {
    return true;
  }
}

const gameField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) if (e.is(setGame)) deco = e.value;
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

function gameDecorations(doc, marks, onPick) {
  const list = [];
  for (const m of marks || []) {
    if (!(m.line >= 1 && m.line <= doc.lines)) continue;
    const line = doc.line(m.line);
    list.push(Decoration.line({ class: "cm-game-line " + colourOf(m.colour) }).range(line.from));
    for (const b of m.badges || []) {
      list.push(Decoration.widget({ widget: new Badge(b, onPick), side: 1 }).range(line.to));
    }
  }
  return Decoration.set(list, true);
}

// Go's colours, also from CSS variables (web/play.css sets them for the
// light and the dark theme).
const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword], color: "var(--hl-kw)" },
  { tag: [t.string, t.special(t.string), t.character], color: "var(--hl-str)" },
  { tag: [t.number, t.bool, t.null, t.atom], color: "var(--hl-num)" },
  { tag: [t.comment, t.lineComment, t.blockComment], color: "var(--hl-comment)", fontStyle: "italic" },
  { tag: [t.typeName, t.standard(t.typeName)], color: "var(--hl-type)" },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.definition(t.function(t.variableName))], color: "var(--hl-fn)" },
  { tag: t.invalid, color: "var(--hl-invalid)" },
]);

function mount(parent, doc, onRun, onChange) {
  const run = () => {
    if (onRun) onRun();
    return true;
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup,
        go(),
        indentUnit.of("\t"),
        EditorState.tabSize.of(4),
        keymap.of([indentWithTab]),
        Prec.highest(keymap.of([{ key: "Mod-Enter", run }])),
        lintGutter(),
        theme,
        syntaxHighlighting(highlight),
        gameField,
        EditorView.contentAttributes.of({ "aria-label": "your Go program" }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && onChange) onChange();
        }),
      ],
    }),
  });
  return {
    doc: () => view.state.doc.toString(),
    setDoc: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    mark: (diags) => {
      const d = view.state.doc;
      const list = [];
      for (const x of diags || []) {
        const n = Math.min(Math.max(x.line || 1, 1), d.lines);
        const line = d.line(n);
        const from = Math.min(line.from + Math.max((x.col || 1) - 1, 0), line.to);
        list.push({ from, to: line.to > from ? line.to : from, severity: "error", message: x.msg || "" });
      }
      view.dispatch(setDiagnostics(view.state, list));
    },
    game: (marks, onPick) => view.dispatch({ effects: setGame.of(gameDecorations(view.state.doc, marks, onPick)) }),
    focus: () => view.focus(),
    view,
  };
}

globalThis.lanesEditor = { mount };
