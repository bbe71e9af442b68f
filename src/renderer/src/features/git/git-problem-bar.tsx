import { useFolioStore } from '../../store';

/**
 * The last git failure in words, with the one follow-up that helps: publish a branch without
 * an upstream, pull before a rejected push (never a force push), resolve conflicts.
 */
export function GitProblemBar() {
  const problem = useFolioStore((s) => s.gitProblem);
  const busy = useFolioStore((s) => s.gitBusy);
  const dismiss = useFolioStore((s) => s.dismissGitProblem);
  const push = useFolioStore((s) => s.pushGit);
  const pull = useFolioStore((s) => s.pullGit);
  if (!problem || problem.during === 'identity') return null;
  return (
    <div className="git-problem" role="alert" data-git-kind={problem.kind ?? undefined}>
      <p>{problem.message}</p>
      {problem.paths.length > 0 && problem.kind !== 'merge-conflict' && <p className="git-problem-paths">{problem.paths.join(', ')}</p>}
      <div className="git-problem-actions">
        {problem.kind === 'no-upstream' && (
          <button type="button" className="primary" disabled={busy !== null} onClick={() => void push(true)}>
            Publish this branch
          </button>
        )}
        {problem.kind === 'push-rejected-non-fast-forward' && (
          <button type="button" className="primary" disabled={busy !== null} onClick={() => void pull()}>
            Get changes first (pull)
          </button>
        )}
        <button type="button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
