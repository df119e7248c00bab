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
//   editor.focus()
//
// Ctrl/Cmd+Enter calls onRun(). Nothing here evaluates strings as code, and
// styles go through CodeMirror's style modules (the site's CSP allows
// inline styles, never inline scripts).
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { indentUnit, HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags as t } from "@lezer/highlight";
import { EditorState, Prec } from "@codemirror/state";
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
});

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
    focus: () => view.focus(),
    view,
  };
}

globalThis.lanesEditor = { mount };
