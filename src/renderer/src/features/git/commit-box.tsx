import { useState } from 'react';
import { useFolioStore } from '../../store';

/**
 * The commit message and button. Commits only what is staged; blocked (with the reason) while
 * conflicts remain; "amend" folds the staged changes into the last commit if it is not sent yet.
 */
export function CommitBox() {
  const status = useFolioStore((s) => s.gitStatus);
  const busy = useFolioStore((s) => s.gitBusy);
  const commit = useFolioStore((s) => s.commitGit);
  const openIdentity = useFolioStore((s) => s.openIdentity);
  const [message, setMessage] = useState('');
  const [amend, setAmend] = useState(false);
  if (!status || status.state !== 'ok') return null;
  const conflicts = status.conflicted.length;
  const staged = status.files.filter((f) => f.staged).length;
  const concluding = status.operation !== null && conflicts === 0;
  const blockedReason =
    conflicts > 0
      ? `Resolve the ${conflicts} conflicted item${conflicts > 1 ? 's' : ''} before committing.`
      : status.detached && status.operation === null
        ? 'You are viewing an old version, not a branch: commits are off.'
        : staged === 0 && !amend && !concluding
          ? 'Tick the items to include (stage them), then commit.'
          : message.trim() === '' && !concluding
            ? 'Write a short message saying what changed.'
            : null;
  const onCommit = async () => {
    if (await commit(message, amend)) {
      setMessage('');
      setAmend(false);
    }
  };
  return (
    <div className="git-commit">
      <textarea
        aria-label="Commit message"
        placeholder={concluding ? 'Message (optional: git prepared one for this merge)' : 'What changed and why'}
        value={message}
        rows={3}
        onChange={(e) => setMessage(e.target.value)}
        onKeyDown={(e) => {
          if ((e.metaKey || e.ctrlKey) && e.key === 'Enter' && blockedReason === null) void onCommit();
        }}
      />
      <div className="git-commit-row">
        {!status.unborn && status.operation === null && (
          <label title="Replace the last commit with one that also holds the staged changes (only before it is pushed)">
            <input type="checkbox" checked={amend} onChange={(e) => setAmend(e.target.checked)} /> Amend last commit
          </label>
        )}
        <button type="button" className="primary" disabled={blockedReason !== null || busy !== null} onClick={() => void onCommit()}>
          {busy === 'commit' ? 'Committing…' : concluding ? 'Commit merge' : `Commit${staged > 0 ? ` ${staged} item${staged > 1 ? 's' : ''}` : ''}`}
        </button>
      </div>
      {blockedReason && <p className="git-hint">{blockedReason}</p>}
      <button type="button" className="link-button git-identity-link" onClick={() => void openIdentity()}>
        Name and email for commits…
      </button>
    </div>
  );
}
