import { lazy, Suspense, useEffect, useState } from 'react';
import { api } from '../../ipc/api';
import { useFolioStore } from '../../store';
import type { GitViewer } from '../../store/git-slice';
import { ConflictResolver } from './conflict-resolver';

// Monaco loads on first use, as the body editor's does: the list and header start without it.
const MonacoDiffView = lazy(() => import('./monaco-diff-view').then((m) => ({ default: m.MonacoDiffView })));

type Texts = { readonly before: string | null; readonly after: string | null } | { readonly error: string } | null;

function useViewerTexts(viewer: GitViewer): Texts {
  const [texts, setTexts] = useState<Texts>(null);
  useEffect(() => {
    let live = true;
    const load = async (): Promise<Texts> => {
      if (viewer.kind === 'diff') {
        const diff = await api['git:diff'](viewer.path);
        return diff.ok ? diff.value : { error: diff.error.message };
      }
      if (viewer.kind === 'version') {
        const old = await api['git:showAt']({ rev: viewer.rev, path: viewer.revPath });
        if (!old.ok) return { error: old.error.message };
        // Compared with the buffer when the item is open (unsaved edits included), else the disk.
        const state = useFolioStore.getState();
        if (state.selectedPath === viewer.path && state.text !== null) return { before: old.value.text, after: state.text };
        const now = await api['git:diff'](viewer.path);
        return { before: old.value.text, after: now.ok ? now.value.after : null };
      }
      return null;
    };
    void load().then((t) => {
      if (live) setTexts(t);
    });
    return () => {
      live = false;
    };
  }, [viewer]);
  return texts;
}

/** The wide git view over the app: an item's diff, an old version (with restore), or a conflict to resolve. */
export function GitViewerDialog() {
  const viewer = useFolioStore((s) => s.gitViewer);
  const close = useFolioStore((s) => s.closeGitViewer);
  if (!viewer) return null;
  const title =
    viewer.kind === 'diff'
      ? `Changes in ${viewer.path}`
      : viewer.kind === 'version'
        ? `${viewer.path} at “${viewer.subject}” (${viewer.rev.slice(0, 7)})`
        : `Resolve the conflict in ${viewer.path}`;
  return (
    <div className="git-modal-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <div className="git-viewer" role="dialog" aria-modal="true" aria-label={title}>
        <header className="git-viewer-head">
          <h3>{title}</h3>
          <button type="button" onClick={close} aria-label="Close">
            Close
          </button>
        </header>
        {viewer.kind === 'conflict' ? <ConflictResolver path={viewer.path} /> : <ViewerBody key={JSON.stringify(viewer)} viewer={viewer} />}
      </div>
    </div>
  );
}

function ViewerBody({ viewer }: { readonly viewer: GitViewer }) {
  const texts = useViewerTexts(viewer);
  const selectedPath = useFolioStore((s) => s.selectedPath);
  const readOnly = useFolioStore((s) => s.document?.readOnly !== undefined);
  const setText = useFolioStore((s) => s.setText);
  const close = useFolioStore((s) => s.closeGitViewer);
  if (texts === null) return <p className="git-empty">Loading…</p>;
  if ('error' in texts) return <p className="error">{texts.error}</p>;
  const labels = viewer.kind === 'version' ? 'Left: that version. Right: the item now.' : 'Left: last commit. Right: now.';
  const canRestore = viewer.kind === 'version' && texts.before !== null && selectedPath === viewer.path && !readOnly;
  return (
    <>
      <p className="git-hint">
        {labels}
        {texts.before === null && ' (the item did not exist then)'}
        {texts.after === null && ' (the item is deleted now)'}
      </p>
      <Suspense fallback={<p className="git-empty">Loading the diff editor…</p>}>
        <MonacoDiffView before={texts.before ?? ''} after={texts.after ?? ''} ariaLabel={labels} />
      </Suspense>
      {viewer.kind === 'version' && (
        <div className="git-dialog-actions">
          {!canRestore && <span className="git-hint">Open the item to restore this version.</span>}
          <button
            type="button"
            className="primary"
            disabled={!canRestore}
            onClick={() => {
              // A new edit in the buffer, not a write: the curator reviews it and saves as usual.
              if (texts.before !== null) setText(texts.before);
              close();
            }}
          >
            Restore this version
          </button>
        </div>
      )}
    </>
  );
}
