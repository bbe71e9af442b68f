import { acquireModel } from './model-cache';
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
 * when an item closes are kept here, detached and without a model (but for the one warmed up
 * before the first open, see prewarmEditor), and handed to the next item.
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
  // The editor built ahead of the first open never had a pane: measured once here, or its resize
  // observer would render the first item a second time, a frame later, at the pane's size. The
  // page's layout this forces is the one Monaco's render would force in the next frame anyway.
  else pooled.editor.layout();
  // The warmed editor already shows the body's model (refilled by the caller): setting it again
  // would rebuild the view it built while the app was idle.
  if (pooled.editor.getModel() !== model) pooled.editor.setModel(model);
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

/** Markdown like an item's body, rendered once ahead of the first open. */
const WARM_UP_BODY = '# Heading\n\nSome *body* text with a [link](x.md), `code` and **emphasis**.\n\n- a list item\n- another\n\n> a quote\n';

/**
 * Builds one editor ahead of the first open, while the app is idle: its creation (fonts measured,
 * view built) then does not land on the first item the curator clicks. Laid out off screen for
 * that moment, so the measurements are real, then detached into the pool. It shows the body
 * region's model (model-cache.ts, holding no document yet) with a scratch Markdown text, and keeps
 * it: the first item opened refills that model and finds it already in this editor, so its open
 * costs what every later one does (a new model and its view were ~20 ms of the first open;
 * bench/editing-bench.ts). The Markdown grammar and the view's line rendering are warm too.
 */
export function prewarmEditor(): void {
  if (free.length > 0) return;
  const host = newHost();
  host.style.cssText = 'position:fixed;left:-10000px;top:0;width:600px;height:400px;visibility:hidden';
  document.body.appendChild(host);
  const pooled = create({ ariaLabel: '', readOnly: true }, host);
  const { entry } = acquireModel('', 'body', WARM_UP_BODY, 'markdown');
  pooled.editor.setModel(entry.model);
  pooled.host.remove();
  pooled.host.style.cssText = '';
  free.push(pooled);
}
