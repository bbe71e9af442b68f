import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from 'react';
import type { Ref } from 'react';
import { toMonacoMarkers, type EditorMarker } from './editor-marker';
import { acquireEditor, releaseEditor } from './editor-pool';
import { acquireModel, type EditorRegion } from './model-cache';
import { monaco } from './monaco-host';
import { applyLineChanges, minimalEdit, normalizeEol } from './text-sync';
import './monaco-text-editor.css';

/** Why the owner did not take an edit (the text stays in the editor, marked at `line`). */
export interface EditRefusal {
  readonly message: string;
  readonly line: number;
}

/** Imperative access for the pane: flush before save, scroll sync. */
export interface MonacoTextEditorHandle {
  /** Hands any edit still waiting for the debounce to the owner, now. */
  flush(): void;
  /** Scrolls so `line` is the first visible line; does not echo onVisibleLineChange. */
  revealLineAtTop(line: number): void;
  focus(): void;
}

/** Props of one Monaco editor bound to one region of the open document. */
export interface MonacoTextEditorProps {
  /** The open file; models of other files are disposed when this changes. */
  readonly documentKey: string;
  readonly region: EditorRegion;
  /** The region's text in the buffer, with the file's own line endings. */
  readonly value: string;
  /** The ending typed line breaks get in the file (`\r\n` keeps CRLF files CRLF). */
  readonly newline: '\n' | '\r\n';
  readonly language: 'markdown' | 'yaml';
  readonly readOnly: boolean;
  readonly markers: readonly EditorMarker[];
  readonly ariaLabel: string;
  /** Takes the region's new text; returns a refusal to keep it out of the buffer. */
  readonly onChange: (next: string, documentKey: string) => EditRefusal | null;
  /** The first visible line after the user scrolled. */
  readonly onVisibleLineChange?: (line: number) => void;
  readonly debounceMs?: number;
  readonly ref?: Ref<MonacoTextEditorHandle>;
}

/** Lets typing stay cheap: the store (form, preview, dirty flag) follows after a short pause. */
const DEFAULT_DEBOUNCE_MS = 80;

function eolSequence(newline: '\n' | '\r\n'): monaco.editor.EndOfLineSequence {
  return newline === '\r\n' ? monaco.editor.EndOfLineSequence.CRLF : monaco.editor.EndOfLineSequence.LF;
}

/**
 * Monaco on one region of the buffer. Local typing is mapped onto the buffer line by line (so
 * untouched lines keep their endings) and handed to `onChange` after a short debounce, flushed on
 * blur, unmount and `flush()`. Changes that arrive from elsewhere (form, disk reload, merge) are
 * applied to the model as one undoable edit, never `setValue`, so undo survives saves and reloads.
 */
export function MonacoTextEditor(props: MonacoTextEditorProps) {
  const { documentKey, region, value, newline, language, readOnly, markers, ref } = props;
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const modelRef = useRef<monaco.editor.ITextModel | null>(null);
  /** The region text the model and the buffer both hold, with the buffer's line endings. */
  const known = useRef(value);
  /** Local text not handed over yet (debounce or refusal). */
  const pending = useRef<string | null>(null);
  /**
   * Texts handed to the owner whose echo may still come back as `value`. A render can carry an
   * older echo than the latest hand-over (typing went on in between); such a value is not an
   * outside change and must not roll the model back.
   */
  const handedOver = useRef<string[]>([]);
  /** The document `pending` belongs to: a flush after switching items must not reach the new one. */
  const pendingKey = useRef(documentKey);
  const applyingExternal = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const ignoreScrollTop = useRef<number | null>(null);
  const frame = useRef(0);
  const latest = useRef(props);
  const [refusal, setRefusal] = useState<EditRefusal | null>(null);

  useLayoutEffect(() => {
    latest.current = props;
  });

  const flushRef = useRef<() => void>(() => undefined);
  useLayoutEffect(() => {
    flushRef.current = () => {
      window.clearTimeout(timer.current);
      const next = pending.current;
      if (next === null) return;
      const previous = known.current;
      // Set first: the owner's store update may re-render us before onChange returns.
      known.current = next;
      pending.current = null;
      handedOver.current.push(next);
      if (handedOver.current.length > 32) handedOver.current.shift();
      const refused = latest.current.onChange(next, pendingKey.current);
      if (refused) {
        known.current = previous;
        pending.current = next;
        handedOver.current.pop();
      }
      setRefusal(refused);
    };
  });

  /** Brings the model to `target` (buffer line endings) as one undoable step. */
  const applyExternal = (target: string, eol: '\n' | '\r\n'): void => {
    const model = modelRef.current;
    if (!model) return;
    applyingExternal.current = true;
    try {
      if (model.getEOL() !== eol) model.pushEOL(eolSequence(eol));
      const edit = minimalEdit(model.getValue(), normalizeEol(target, eol));
      if (edit) {
        const start = model.getPositionAt(edit.start);
        const end = model.getPositionAt(edit.end);
        model.pushStackElement();
        model.pushEditOperations(
          editorRef.current?.getSelections() ?? [],
          [{ range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column), text: edit.text }],
          () => null,
        );
        model.pushStackElement();
      }
    } finally {
      applyingExternal.current = false;
    }
  };
  const applyExternalRef = useRef(applyExternal);
  useLayoutEffect(() => {
    applyExternalRef.current = applyExternal;
  });

  // The region's model for this document, shown in this component's one editor widget: opening
  // another item refills the model in place (model-cache.ts), so the widget, its view and its DOM
  // stay; the first run takes a widget from the pool.
  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const initial = latest.current;
    const { entry, created } = acquireModel(documentKey, region, normalizeEol(initial.value, initial.newline), language);
    const model = entry.model;
    modelRef.current = model;
    known.current = initial.value;
    pending.current = null;
    handedOver.current = [];
    // A refusal belongs to the text it refused, not to the next item.
    setRefusal((current) => (current === null ? current : null));
    if (created) model.setEOL(eolSequence(initial.newline));
    else applyExternalRef.current(initial.value, initial.newline);

    let editor = editorRef.current;
    if (editor === null) {
      // A pooled editor when one is free: building a new one cost about 30 ms of the first open.
      editor = acquireEditor(element, model, { ariaLabel: initial.ariaLabel, readOnly: initial.readOnly });
      editorRef.current = editor;
    } else {
      editor.setModel(model);
    }
    if (entry.viewState) editor.restoreViewState(entry.viewState);
    else if (created) {
      // Another item's text: start at its top, as a new editor would.
      editor.setPosition({ lineNumber: 1, column: 1 });
      editor.setScrollPosition({ scrollTop: 0, scrollLeft: 0 });
    }
    const shown = editor;

    const subscriptions = [
      model.onDidChangeContent((event) => {
        if (applyingExternal.current) return;
        const base = pending.current ?? known.current;
        pendingKey.current = documentKey;
        pending.current = applyLineChanges(base, event.changes.map((change) => ({ ...change.range, text: change.text })), latest.current.newline);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => flushRef.current(), latest.current.debounceMs ?? DEFAULT_DEBOUNCE_MS);
      }),
      shown.onDidBlurEditorText(() => flushRef.current()),
      shown.onDidScrollChange((event) => {
        if (!event.scrollTopChanged) return;
        if (ignoreScrollTop.current !== null && Math.abs(event.scrollTop - ignoreScrollTop.current) <= 1) {
          ignoreScrollTop.current = null;
          return;
        }
        ignoreScrollTop.current = null;
        const report = latest.current.onVisibleLineChange;
        if (!report) return;
        cancelAnimationFrame(frame.current);
        frame.current = requestAnimationFrame(() => {
          const first = shown.getVisibleRanges()[0];
          if (first) report(first.startLineNumber);
        });
      }),
    ];

    return () => {
      flushRef.current();
      cancelAnimationFrame(frame.current);
      for (const subscription of subscriptions) subscription.dispose();
      if (!model.isDisposed() && shown.getModel() === model) entry.viewState = shown.saveViewState();
      modelRef.current = null;
    };
  }, [documentKey, region, language]);

  // Declared after the model's effect, so on unmount its cleanup runs after that one's (which
  // still needs the widget to save the view state): the widget goes back to the pool.
  useEffect(
    () => () => {
      const editor = editorRef.current;
      editorRef.current = null;
      if (editor !== null) releaseEditor(editor);
    },
    [],
  );

  // The buffer moved on without us (form edit, reload from disk, merge): follow it as an edit.
  useEffect(() => {
    if (value === known.current) {
      handedOver.current = [];
      return;
    }
    const echo = handedOver.current.indexOf(value);
    if (echo !== -1) {
      // Our own earlier text, rendered late: newer hand-overs are still on their way.
      handedOver.current.splice(0, echo + 1);
      return;
    }
    handedOver.current = [];
    window.clearTimeout(timer.current);
    pending.current = null;
    applyExternalRef.current(value, newline);
    known.current = value;
  }, [value, newline]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly });
  }, [readOnly]);

  useEffect(() => {
    const model = modelRef.current;
    if (!model) return;
    const all = refusal ? [...markers, { line: refusal.line, column: 1, severity: 'error' as const, message: refusal.message }] : markers;
    monaco.editor.setModelMarkers(model, 'folio', toMonacoMarkers(model, all));
  }, [markers, refusal, documentKey]);

  useImperativeHandle(
    ref,
    () => ({
      flush: () => flushRef.current(),
      revealLineAtTop: (line: number) => {
        const editor = editorRef.current;
        if (!editor) return;
        const top = editor.getTopForLineNumber(line);
        if (Math.abs(editor.getScrollTop() - top) <= 1) return;
        ignoreScrollTop.current = top;
        editor.setScrollTop(top);
      },
      focus: () => editorRef.current?.focus(),
    }),
    [],
  );

  return (
    <div className="monaco-text-editor" data-region={region} data-document={documentKey}>
      <div className="monaco-text-editor-host" ref={container} />
      {refusal && (
        <p className="monaco-text-editor-refusal" role="alert">
          Not applied: {refusal.message}
        </p>
      )}
    </div>
  );
}
