/**
 * The only place Folio loads Monaco. It imports the bare editor API and just the pieces Folio
 * uses (Markdown and YAML colouring, find/replace, hover for problem messages, problem
 * navigation, clipboard and word/line commands); the full `monaco-editor` entry would pull in
 * every language and the TypeScript worker (~14 MB minified instead of a few MB). Everything is
 * bundled locally: no CDN, no eval, workers built by Vite, so it runs under the renderer's CSP.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/languages/definitions/markdown/register';
import 'monaco-editor/languages/definitions/yaml/register';
// 0.57 moved the worker out of esm/vs/...: this is the path its package exports.
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

// Markdown and YAML need only the generic editor worker (diffs, word ranges, links); a worker
// built by Vite is a same-origin file, which `worker-src 'self'` allows.
self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

const darkQuery = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;

function applySystemTheme(): void {
  monaco.editor.setTheme(darkQuery?.matches ? 'vs-dark' : 'vs');
}

// Monaco's theme is global; follow the system once for every editor, as the rest of the UI does.
applySystemTheme();
darkQuery?.addEventListener('change', applySystemTheme);

export { monaco };
