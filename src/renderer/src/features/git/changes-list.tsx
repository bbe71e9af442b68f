import { useState } from 'react';
import type { GitFileDto } from '../../../../shared/contract';
import { useFolioStore } from '../../store';
import { ConfirmDialog } from './confirm-dialog';

const WORD: Readonly<Record<GitFileDto['badge'], string>> = {
  modified: 'modified',
  added: 'new',
  untracked: 'new',
  deleted: 'deleted',
  renamed: 'renamed',
  conflicted: 'conflict',
  staged: 'modified',
};

/**
 * The changed items: a checkbox stages or unstages each one, the line under the name says what
 * changed per field, and Diff / Discard act on that item (Discard asks first).
 */
export function ChangesList() {
  const status = useFolioStore((s) => s.gitStatus);
  const changes = useFolioStore((s) => s.gitChanges);
  const busy = useFolioStore((s) => s.gitBusy);
  const setStaged = useFolioStore((s) => s.setStaged);
  const discard = useFolioStore((s) => s.discardGitChanges);
  const openViewer = useFolioStore((s) => s.openGitViewer);
  const openDocument = useFolioStore((s) => s.openDocument);
  const [confirm, setConfirm] = useState<readonly string[] | null>(null);

  // The status is fresher than the summaries (which need a round trip): list from the status.
  const summaries = new Map(changes.map((c) => [c.path, c.summary]));
  const files = (status?.files ?? []).filter((f) => f.badge !== 'conflicted');
  if (files.length === 0) return <p className="git-empty">No uncommitted changes.</p>;
  const allStaged = files.every((f) => f.staged && !f.unstaged);
  return (
    <>
      <div className="git-changes-head">
        <label>
          <input type="checkbox" checked={allStaged} disabled={busy !== null} onChange={() => void setStaged(files.map((f) => f.path), !allStaged)} />
          Stage all ({files.length})
        </label>
      </div>
      <ul className="git-changes" aria-label="Changed items">
        {files.map((file) => {
          const summary = summaries.get(file.path);
          const partly = file.staged && file.unstaged;
          return (
            <li key={file.path} className="git-change" data-path={file.path}>
              <input
                type="checkbox"
                aria-label={`Stage ${file.path}`}
                checked={file.staged}
                ref={(el) => {
                  if (el) el.indeterminate = partly;
                }}
                disabled={busy !== null}
                onChange={() => void setStaged([file.path], !file.staged || partly)}
              />
              <div className="git-change-main">
                <button type="button" className="link-button git-change-path" title="Open this item" onClick={() => void openDocument(file.path)}>
                  {file.path}
                </button>
                <span className={`git-change-kind git-badge-${file.badge}`}>{WORD[file.badge]}</span>
                {summary && <div className="git-change-summary">{summary}</div>}
              </div>
              <div className="git-change-actions">
                <button type="button" onClick={() => openViewer({ kind: 'diff', path: file.path })}>
                  Diff
                </button>
                <button type="button" className="danger" disabled={busy !== null} onClick={() => setConfirm([file.path])}>
                  Discard
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {confirm && (
        <ConfirmDialog
          title="Discard changes?"
          message={`This puts ${confirm.join(', ')} back as it was at the last commit${confirm.some((p) => files.find((f) => f.path === p)?.badge === 'untracked') ? ' (a new item is deleted)' : ''}. It cannot be undone.`}
          confirmLabel="Discard changes"
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            const paths = confirm;
            setConfirm(null);
            void discard(paths);
          }}
        />
      )}
    </>
  );
}
