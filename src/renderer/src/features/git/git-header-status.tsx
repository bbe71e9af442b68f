import { useEffect } from 'react';
import { useFolioStore } from '../../store';
import { connectGitEvents } from './connect-git-events';
import './git.css';

/**
 * The header's git strip: branch, commits to send (↑) and to get (↓), Pull and Push with
 * progress, and the toggle of the Changes panel. Also connects git events for the whole app.
 */
export function GitHeaderStatus() {
  const status = useFolioStore((s) => s.gitStatus);
  const busy = useFolioStore((s) => s.gitBusy);
  const progress = useFolioStore((s) => s.gitProgress);
  const panelOpen = useFolioStore((s) => s.gitPanelOpen);
  const toggle = useFolioStore((s) => s.toggleGitPanel);
  const pull = useFolioStore((s) => s.pullGit);
  const push = useFolioStore((s) => s.pushGit);
  const workspace = useFolioStore((s) => s.workspace);

  useEffect(() => connectGitEvents(), []);
  // Another folder: its status, not the last one's.
  useEffect(() => {
    if (workspace) void useFolioStore.getState().refreshGit();
  }, [workspace]);

  if (!status || status.state === 'no-folder') return null;
  const changed = status.files.length;
  const label = status.state === 'ok' ? `Changes${changed > 0 ? ` (${changed})` : ''}` : status.state === 'no-git' ? 'Git unavailable' : 'Not tracked';
  return (
    <div className="git-header" aria-label="Git status">
      {status.state === 'ok' && (
        <>
          <span className="git-branch" title={status.upstream ? `Syncs with ${status.upstream}` : 'Not published yet'}>
            {status.detached ? 'Viewing an old version' : (status.branch ?? '')}
          </span>
          <span className="git-ahead-behind" aria-label={`${status.ahead} to send, ${status.behind} to get`}>
            ↑{status.ahead} ↓{status.behind}
          </span>
          {status.conflicted.length > 0 && <span className="badge git-badge-conflicted">{status.conflicted.length} conflicted</span>}
          <button type="button" className="header-button" disabled={busy !== null} onClick={() => void pull()} title="Get the shared copy's changes">
            {busy === 'pull' ? 'Pulling…' : 'Pull'}
          </button>
          <button type="button" className="header-button" disabled={busy !== null} onClick={() => void push()} title="Send your commits to the shared copy">
            {busy === 'push' ? 'Pushing…' : 'Push'}
          </button>
          {progress && (busy === 'pull' || busy === 'push') && (
            <progress className="git-progress" max={100} value={progress.overall} title={progress.phase} aria-label={`${progress.operation} progress`} />
          )}
        </>
      )}
      <button type="button" className={`header-button${panelOpen ? ' active' : ''}`} aria-pressed={panelOpen} onClick={() => toggle()}>
        {label}
      </button>
    </div>
  );
}
