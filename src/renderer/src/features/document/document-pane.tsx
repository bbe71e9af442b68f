import { useCallback, useEffect, useMemo, useRef } from 'react';
import { splitFrontMatter } from '../../../../shared/domain/frontmatter';
import { api } from '../../ipc/api';
import { useFolioStore } from '../../store';
import { selectIsDirty } from '../../store/document-slice';
import type { FrontMatterTab } from '../../store/ui-slice';
import type { EditorMarker, MonacoTextEditorHandle } from '../body-editor';
import { FrontMatterForm, selectFrontMatterModel, type FormProblem } from '../frontmatter-form';
import { Preview, createLocalImageLoader, type PreviewHandle } from '../preview';
import { useDocumentProblems, useProblemFocus } from '../problems';
import { DocumentBanners } from './document-banners';
import { createModuleLoader, useLoadedModule } from './module-loader';
import { resolveItemLink } from './resolve-item-link';
import { useIdleWarmUp } from './use-idle-warm-up';
import { SplitView } from './split-view';
import './document-pane.css';

// Monaco is a few MB: loaded when the app is first idle (use-idle-warm-up.ts), not before the
// first rows can paint.
const bodyEditorModule = createModuleLoader(() => import('../body-editor'));
const rawYamlModule = createModuleLoader(() => import('../raw-yaml'));

const readOnlyLabels = {
  binary: 'Binary file: shown for reference, never edited.',
  'non-utf8': 'Not UTF-8 text: shown for reference, never edited.',
  large: 'Large file: only the start is shown, read-only.',
  'unsupported-front-matter': 'Front matter in a language Folio does not run: read-only.',
  symlink: 'Link to a file outside the folder: not opened.',
} as const;

const editorFallback = <div className="editor-loading">Loading the editor…</div>;
const NO_FORM_PROBLEMS: readonly FormProblem[] = [];
const NO_MARKERS: readonly EditorMarker[] = [];

/**
 * The open item: header (path, unsaved marker, Save, Revert), banners for disk changes and
 * refused edits, the front matter as a form or raw YAML, and the Markdown body beside its live
 * preview. Ctrl/Cmd+S (the `document.save` command) saves from anywhere in the window. Read-only
 * files show their raw text.
 *
 * While the next item loads (tens of ms), the previous one's editors stay mounted and the pane is
 * marked busy; the store takes no edit for them meanwhile. The next item then updates the form and
 * Monaco in place instead of building them again (unmounting and remounting them was most of each
 * open; bench/editing-bench.ts).
 */
export function DocumentPane() {
  const path = useFolioStore((s) => s.selectedPath);
  const document = useFolioStore((s) => s.document);
  const text = useFolioStore((s) => s.text);
  const documentError = useFolioStore((s) => s.documentError);
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
  const frontMatterPanel = useRef<HTMLDivElement>(null);

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

  useIdleWarmUp(bodyEditorModule);
  const editors = useLoadedModule(bodyEditorModule);
  // Only asked for once the Raw YAML tab shows.
  const rawYaml = useLoadedModule(rawYamlModule, tab === 'raw');

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
  // The item the editors show: the selected one once loaded, the previous one while it loads.
  const shownPath = document !== null && text !== null && split !== null ? document.path : null;
  const onOpenItem = useCallback(
    (href: string) => {
      if (!shownPath) return;
      const target = resolveItemLink(shownPath, href);
      if (target) void openDocument(target);
    },
    [shownPath, openDocument],
  );
  // One loader per open item: images are read through main (confined to the folder), cached while it stays open.
  const localImages = useMemo(() => (shownPath === null ? undefined : createLocalImageLoader(shownPath, (asset) => api['document:asset'](asset))), [shownPath]);
  const onEditorScroll = useCallback((line: number) => preview.current?.scrollToSourceLine(line), []);
  const onPreviewScroll = useCallback((line: number) => bodyEditor.current?.revealLineAtTop(line), []);
  // Validation's problems of this item: under form fields, as Monaco markers; a panel click focuses the field.
  const documentProblems = useDocumentProblems();
  useProblemFocus(path !== null);

  // A newly selected item starts at the top of its form, as it did when the form was rebuilt. In
  // the next frame, where the browser lays the page out anyway: scrolling now would force an extra
  // layout into the click.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const panel = frontMatterPanel.current;
      if (panel !== null && panel.scrollTop !== 0) panel.scrollTop = 0;
    });
    return () => cancelAnimationFrame(frame);
  }, [path]);

  if (!path) return <section className="document-pane empty">Select an item to open it.</section>;
  const loaded = document !== null && document.path === path && text !== null && split !== null;
  const editable = loaded && document.readOnly === undefined;
  // The previous item, kept on screen while the selected one loads. An edit now would land in the
  // buffer the next item replaces, so the store refuses it (document-slice.ts). Not made `inert`
  // or `pointer-events: none` here: toggling either restyled the whole form twice per open (10-12
  // ms each on 2 shared cores), for a window of a few frames.
  const stale = !loaded && document !== null && split !== null && document.readOnly === undefined && shownPath !== null;
  const showEditors = editable || stale;
  const problems = stale ? null : documentProblems;

  return (
    <section className={`document-pane${showEditors ? ' editing' : ''}`} aria-label="Open item" aria-busy={!loaded && documentError === null}>
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
      {showEditors && (
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
              <div ref={frontMatterPanel} className="front-matter-panel" id="fm-panel" role="tabpanel" aria-labelledby={tab === 'form' ? 'fm-tab-form' : 'fm-tab-raw'}>
                {tab === 'raw' ? (
                  rawYaml === null ? (
                    editorFallback
                  ) : (
                    <rawYaml.RawYamlEditor ref={rawEditor} problems={problems?.yamlMarkers ?? NO_MARKERS} />
                  )
                ) : (
                  <FrontMatterForm problems={problems?.formProblems ?? NO_FORM_PROBLEMS} />
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
                editors === null ? editorFallback : <editors.BodyEditor ref={bodyEditor} onVisibleLineChange={onEditorScroll} markers={problems === null ? NO_MARKERS : problems.bodyMarkers} />
              }
              // Keyed by item: a new item's preview starts empty and renders once the editors have painted.
              second={<Preview key={shownPath} deferFirstRender ref={preview} body={split.body} allowRemote={false} localImages={localImages} onOpenExternal={onOpenExternal} onOpenItem={onOpenItem} onVisibleLineChange={onPreviewScroll} />}
            />
          }
        />
      )}
    </section>
  );
}
