import { monaco } from './monaco-host';

/** The options Folio's editors differ in; the rest are the same for every editor. */
export interface PooledEditorOptions {
  readonly ariaLabel: string;
  readonly readOnly: boolean;
}

interface PooledEditor {
  /** The editor's own element: moved between containers instead of building a new editor. */
  readonly host: HTMLDivElement;
  readonly editor: monaco.editor.IStandaloneCodeEditor;
  /** Its size when released: the pane it goes back into is usually the same size. */
  size?: monaco.editor.IDimension;
}

/**
 * Creating a Monaco editor measures fonts and builds its whole view (about 30 ms of each item
 * open on 2 shared cores, most of it a forced layout; bench/editing-bench.ts). Editors released
 * when an item closes are kept here, detached and without a model, and handed to the next item.
 * Two are enough: the body editor and the raw YAML one.
 */
const free: PooledEditor[] = [];
const MAX_FREE = 2;
const inUse = new WeakMap<monaco.editor.IStandaloneCodeEditor, PooledEditor>();

function newHost(): HTMLDivElement {
  const host = document.createElement('div');
  host.className = 'monaco-text-editor-instance';
  return host;
}

function create(options: PooledEditorOptions, host = newHost()): PooledEditor {
  const editor = monaco.editor.create(host, {
    model: null,
    ariaLabel: options.ariaLabel,
    readOnly: options.readOnly,
    wordWrap: 'on',
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 13,
    lineNumbersMinChars: 3,
    renderWhitespace: 'none',
    // Prose, not code: no word-based completion popping up while typing sentences.
    quickSuggestions: false,
    wordBasedSuggestions: 'off',
    unicodeHighlight: { ambiguousCharacters: false },
    fixedOverflowWidgets: true,
    // No will-change hints: each hinted layer is one more for the compositor to update on every
    // open and keystroke, for scrolling that is smooth without it.
    disableLayerHinting: true,
  });
  return { host, editor };
}

/** An editor showing `model` inside `container`: a released one when there is one, else a new one. */
export function acquireEditor(container: HTMLElement, model: monaco.editor.ITextModel, options: PooledEditorOptions): monaco.editor.IStandaloneCodeEditor {
  const pooled = free.pop() ?? create(options);
  container.appendChild(pooled.host);
  pooled.editor.updateOptions({ ariaLabel: options.ariaLabel, readOnly: options.readOnly });
  // Sized from memory, not measured, and before the model goes in: setModel renders the new view
  // at once, so it renders at the right size, once (a layout afterwards rendered it a second time).
  // Measuring now would force a layout of the page React is still filling. If the pane did change
  // size, the editor's resize observer corrects it after the browser's own layout, before the
  // frame paints.
  if (pooled.size !== undefined && pooled.size.width > 0 && pooled.size.height > 0) pooled.editor.layout(pooled.size, true);
  pooled.editor.setModel(model);
  inUse.set(pooled.editor, pooled);
  return pooled.editor;
}

/** Takes an editor back: detached, without a model (the model's owner keeps or disposes it). */
export function releaseEditor(editor: monaco.editor.IStandaloneCodeEditor): void {
  const pooled = inUse.get(editor);
  inUse.delete(editor);
  if (pooled === undefined || free.length >= MAX_FREE) {
    editor.dispose();
    pooled?.host.remove();
    return;
  }
  const info = editor.getLayoutInfo();
  pooled.size = { width: info.width, height: info.height };
  // Detached first: dropping the view's DOM outside the page does not touch its layout.
  pooled.host.remove();
  editor.setModel(null);
  free.push(pooled);
}

/**
 * Builds one editor ahead of the first open, while the app is idle: its creation (fonts measured,
 * view built) then does not land on the first item the curator clicks. Laid out off screen for
 * that moment, so the measurements are real, then detached into the pool. It also renders a
 * scratch Markdown text once: the Markdown grammar (its own chunk, loaded on first use) and the
 * view's line rendering are then ready too, instead of being first paid by the first open.
 */
export function prewarmEditor(): void {
  if (free.length > 0) return;
  const host = newHost();
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:600px;height:400px;visibility:hidden';
  document.body.appendChild(host);
  const pooled = create({ ariaLabel: '', readOnly: true }, host);
  const scratch = monaco.editor.createModel('# Heading\n\nSome *body* text with a [link](x.md).\n', 'markdown');
  pooled.editor.setModel(scratch);
  pooled.editor.setModel(null);
  scratch.dispose();
  pooled.host.remove();
  pooled.host.style.cssText = '';
  free.push(pooled);
}
