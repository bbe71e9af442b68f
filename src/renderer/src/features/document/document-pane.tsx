import { Suspense, lazy, useCallback, useEffect, useMemo, useRef } from 'react';
import { splitFrontMatter } from '../../../../shared/domain/frontmatter';
import { api } from '../../ipc/api';
import { useFolioStore } from '../../store';
import { selectIsDirty } from '../../store/document-slice';
import type { FrontMatterTab } from '../../store/ui-slice';
import type { MonacoTextEditorHandle } from '../body-editor';
import { FrontMatterForm, selectFrontMatterModel } from '../frontmatter-form';
import { Preview, createLocalImageLoader, type PreviewHandle } from '../preview';
import { useDocumentProblems, useProblemFocus } from '../problems';
import { DocumentBanners } from './document-banners';
import { resolveItemLink } from './resolve-item-link';
import { SplitView } from './split-view';
import './document-pane.css';

// Monaco is a few MB: load it after the list is up, not before the first rows can paint.
const loadBodyEditor = () => import('../body-editor');
const BodyEditor = lazy(() => loadBodyEditor().then((m) => ({ default: m.BodyEditor })));
const RawYamlEditor = lazy(() => import('../raw-yaml').then((m) => ({ default: m.RawYamlEditor })));

const readOnlyLabels = {
  binary: 'Binary file: shown for reference, never edited.',
  'non-utf8': 'Not UTF-8 text: shown for reference, never edited.',
  large: 'Large file: only the start is shown, read-only.',
  'unsupported-front-matter': 'Front matter in a language Folio does not run: read-only.',
  symlink: 'Link to a file outside the folder: not opened.',
} as const;

const editorFallback = <div className="editor-loading">Loading the editor…</div>;

/**
 * The open item: header (path, unsaved marker, Save, Revert), banners for disk changes and
 * refused edits, the front matter as a form or raw YAML, and the Markdown body beside its live
 * preview. Ctrl/Cmd+S (the `document.save` command) saves from anywhere in the window. Read-only
 * files show their raw text.
 */
export function DocumentPane() {
  const path = useFolioStore((s) => s.selectedPath);
  const document = useFolioStore((s) => s.document);
  const text = useFolioStore((s) => s.text);
  const dirty = useFolioStore(selectIsDirty);
  const saving = useFolioStore((s) => s.saving);
  const save = useFolioStore((s) => s.save);
  const revert = useFolioStore((s) => s.revert);
  const openDocument = useFolioStore((s) => s.openDocument);
  // In the store, so the command palette can switch it too.
  const tab = useFolioStore((s) => s.frontMatterTab);
  const setTab = useFolioStore((s) => s.setFrontMatterTab);
  const bodyEditor = useRef<MonacoTextEditorHandle>(null);
  const rawEditor = useRef<MonacoTextEditorHandle>(null);
  const preview = useRef<PreviewHandle>(null);

  const split = useMemo(() => (text === null ? null : splitFrontMatter(text)), [text]);
  // The form's per-text parse is reused (a second parse of the same front matter cost about a
  // quarter of each form keystroke with a seed-shaped item; bench/editing-bench.ts).
  const rawHasErrors = useFolioStore((s) => selectFrontMatterModel(s)?.editable === false);

  const flushEditors = useCallback(() => {
    bodyEditor.current?.flush();
    rawEditor.current?.flush();
  }, []);

  const saveNow = useCallback(() => {
    // The editors debounce what they hand the store: the last keystrokes go in before saving.
    flushEditors();
    void save();
  }, [flushEditors, save]);

  useEffect(() => {
    // The first editor is built here too, so the first open only swaps a model in.
    const warm = () => void loadBodyEditor().then((m) => m.prewarmEditor());
    const idle = typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(warm) : window.setTimeout(warm, 200);
    return () => (typeof window.cancelIdleCallback === 'function' ? window.cancelIdleCallback(idle) : window.clearTimeout(idle));
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Any shortcut may leave the item or save it (Alt+Down, quick open, Ctrl+S, all dispatched by
      // features/commands after this window-capture listener): hand pending typing over first.
      if (event.ctrlKey || event.metaKey || event.altKey) flushEditors();
    };
    // Capture: Monaco and inputs must not swallow the shortcut before it reaches us.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [flushEditors]);

  const selectTab = useCallback(
    (next: FrontMatterTab) => {
      flushEditors();
      setTab(next);
    },
    [flushEditors, setTab],
  );

  const onOpenExternal = useCallback((url: string) => void api['shell:openExternal'](url), []);
  const onOpenItem = useCallback(
    (href: string) => {
      if (!path) return;
      const target = resolveItemLink(path, href);
      if (target) void openDocument(target);
    },
    [path, openDocument],
  );
  // One loader per open item: images are read through main (confined to the folder), cached while it stays open.
  const localImages = useMemo(() => (path === null ? undefined : createLocalImageLoader(path, (asset) => api['document:asset'](asset))), [path]);
  const onEditorScroll = useCallback((line: number) => preview.current?.scrollToSourceLine(line), []);
  const onPreviewScroll = useCallback((line: number) => bodyEditor.current?.revealLineAtTop(line), []);
  // Validation's problems of this item: under form fields, as Monaco markers; a panel click focuses the field.
  const documentProblems = useDocumentProblems();
  useProblemFocus(path !== null);

  if (!path) return <section className="document-pane empty">Select an item to open it.</section>;
  const loaded = document !== null && document.path === path && text !== null && split !== null;
  const editable = loaded && document.readOnly === undefined;

  return (
    <section className={`document-pane${editable ? ' editing' : ''}`} aria-label="Open item">
      <header className="document-header">
        <h2 className="document-path" title={path}>
          {path}
        </h2>
        {dirty && (
          <span className="dirty-marker" role="status">
            ● unsaved
          </span>
        )}
        {editable && (
          <div className="document-actions">
            <button type="button" onClick={saveNow} disabled={!dirty || saving} title="Save (Ctrl/Cmd+S)">
              {saving ? 'Saving…' : 'Save'}
            </button>
            <button type="button" onClick={() => void revert()} disabled={!dirty || saving} title="Drop unsaved edits and show the file on disk">
              Revert
            </button>
          </div>
        )}
      </header>
      <DocumentBanners showEditError={tab === 'raw' || !editable} />
      {loaded && document.readOnly && <p className="badge">{readOnlyLabels[document.readOnly]}</p>}
      {loaded && !editable && (
        <pre className="raw-text" aria-label="Raw text" tabIndex={0}>
          {text}
        </pre>
      )}
      {editable && (
        <SplitView
          storageKey="folio.document.split.frontMatter"
          orientation="vertical"
          defaultFraction={0.4}
          separatorLabel="Resize front matter and body"
          className="document-editors"
          first={
            <div className="front-matter-section">
              <div className="front-matter-tabs" role="tablist" aria-label="Front matter view">
                <button type="button" role="tab" id="fm-tab-form" aria-selected={tab === 'form'} aria-controls="fm-panel" onClick={() => selectTab('form')}>
                  Form
                </button>
                <button type="button" role="tab" id="fm-tab-raw" aria-selected={tab === 'raw'} aria-controls="fm-panel" onClick={() => selectTab('raw')}>
                  Raw YAML
                </button>
                {rawHasErrors && (
                  <span className="front-matter-state" role="status">
                    YAML has errors: the form is read-only until they are fixed.
                  </span>
                )}
              </div>
              <div className="front-matter-panel" id="fm-panel" role="tabpanel" aria-labelledby={tab === 'form' ? 'fm-tab-form' : 'fm-tab-raw'}>
                {tab === 'raw' ? (
                  <Suspense fallback={editorFallback}>
                    <RawYamlEditor ref={rawEditor} problems={documentProblems.yamlMarkers} />
                  </Suspense>
                ) : (
                  <FrontMatterForm problems={documentProblems.formProblems} />
                )}
              </div>
            </div>
          }
          second={
            <SplitView
              storageKey="folio.document.split.bodyPreview"
              orientation="horizontal"
              defaultFraction={0.5}
              separatorLabel="Resize body and preview"
              className="body-and-preview"
              first={
                <Suspense fallback={editorFallback}>
                  <BodyEditor ref={bodyEditor} onVisibleLineChange={onEditorScroll} markers={documentProblems.bodyMarkers} />
                </Suspense>
              }
              second={<Preview ref={preview} body={split.body} allowRemote={false} localImages={localImages} onOpenExternal={onOpenExternal} onOpenItem={onOpenItem} onVisibleLineChange={onPreviewScroll} />}
            />
          }
        />
      )}
    </section>
  );
}
