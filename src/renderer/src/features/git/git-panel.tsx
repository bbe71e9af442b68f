import { useState } from 'react';
import { useFolioStore } from '../../store';
import { ChangesList } from './changes-list';
import { CommitBox } from './commit-box';
import { ConfirmDialog } from './confirm-dialog';
import { GitProblemBar } from './git-problem-bar';
import { GitViewerDialog } from './git-viewer-dialog';
import { IdentityDialog } from './identity-dialog';
import { ItemHistory } from './item-history';
import './git.css';

/** Offers `git init` with a first commit for a folder git does not track yet (after the curator agrees). */
function InitOffer() {
  const init = useFolioStore((s) => s.initGit);
  const busy = useFolioStore((s) => s.gitBusy);
  const [asking, setAsking] = useState(false);
  return (
    <div className="git-offer">
      <p>This folder is not tracked with git yet. Tracking keeps a history of every item and lets you share changes with others.</p>
      <button type="button" className="primary" disabled={busy !== null} onClick={() => setAsking(true)}>
        Initialise git
      </button>
      {asking && (
        <ConfirmDialog
          title="Start tracking this folder?"
          message="Folio creates a git repository here and records every file in the folder as the first commit. Your files are not changed."
          confirmLabel="Start tracking"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            void init();
          }}
        />
      )}
    </div>
  );
}

/** Conflicted items after a pull: each opens the per-field resolver; the pull can also be abandoned. */
function ConflictList() {
  const status = useFolioStore((s) => s.gitStatus);
  const openViewer = useFolioStore((s) => s.openGitViewer);
  const abort = useFolioStore((s) => s.abortGitPull);
  const busy = useFolioStore((s) => s.gitBusy);
  const [asking, setAsking] = useState(false);
  if (!status || (status.conflicted.length === 0 && status.operation === null)) return null;
  return (
    <section className="git-conflicts" aria-label="Conflicts">
      {status.conflicted.length > 0 ? (
        <p>
          These items were changed here and in the shared copy. Choose what to keep for each; commit is blocked until none is left.
        </p>
      ) : (
        <p>All conflicts are resolved: commit to finish getting the changes.</p>
      )}
      <ul>
        {status.conflicted.map((path) => (
          <li key={path}>
            <span className="badge git-badge-conflicted">conflict</span> {path}{' '}
            <button type="button" className="primary" onClick={() => openViewer({ kind: 'conflict', path })}>
              Resolve
            </button>
          </li>
        ))}
      </ul>
      <button type="button" disabled={busy !== null} onClick={() => setAsking(true)}>
        Abandon the pull
      </button>
      {asking && (
        <ConfirmDialog
          title="Abandon the pull?"
          message="Your branch goes back to how it was before the pull; resolutions made so far are dropped."
          confirmLabel="Abandon"
          danger
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            void abort();
          }}
        />
      )}
    </section>
  );
}

/**
 * The git sidebar: changed items with their field summaries, staging, diff and discard, the
 * commit box, conflicts after a pull, the open item's history, and the trust switch for hooks.
 */
export function GitPanel() {
  const open = useFolioStore((s) => s.gitPanelOpen);
  const status = useFolioStore((s) => s.gitStatus);
  const tab = useFolioStore((s) => s.gitPanelTab);
  const setTab = useFolioStore((s) => s.setGitPanelTab);
  const setTrusted = useFolioStore((s) => s.setGitTrusted);
  const toggle = useFolioStore((s) => s.toggleGitPanel);
  return (
    <>
      {open && (
        <aside className="git-panel" aria-label="Git">
          <header className="git-panel-head">
            <div role="tablist" aria-label="Git views">
              <button type="button" role="tab" aria-selected={tab === 'changes'} onClick={() => setTab('changes')}>
                Changes
              </button>
              <button type="button" role="tab" aria-selected={tab === 'history'} onClick={() => setTab('history')}>
                History
              </button>
            </div>
            <button type="button" aria-label="Close the git panel" onClick={() => toggle(false)}>
              ×
            </button>
          </header>
          <GitProblemBar />
          {status?.state === 'not-a-repository' && <InitOffer />}
          {status?.state === 'no-git' && <p className="git-offer">{status.message ?? 'Git is not installed, so sharing is off. Editing still works.'}</p>}
          {status?.state === 'error' && <p className="error">{status.message}</p>}
          {status?.state === 'ok' && tab === 'changes' && (
            <>
              <ConflictList />
              <ChangesList />
              <CommitBox />
            </>
          )}
          {status?.state === 'ok' && tab === 'history' && <ItemHistory />}
          {status?.state === 'ok' && (
            <label className="git-trust" title="Hooks are programs a repository can ask git to run. Only allow them for folders you trust.">
              <input type="checkbox" checked={status.trusted} onChange={(e) => void setTrusted(e.target.checked)} /> Trust this folder (run its git hooks)
            </label>
          )}
        </aside>
      )}
      <GitViewerDialog />
      <IdentityDialog />
    </>
  );
}
