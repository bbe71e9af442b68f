import type { GitBadgeDto } from '../../../../shared/contract';
import { selectGitBadge } from '../../store/git-slice';
import { useFolioStore } from '../../store';
import './git.css';

/** Short marks for the list's narrow badge column; the full word is the tooltip and the accessible name. */
const LETTER: Readonly<Record<GitBadgeDto, string>> = {
  modified: 'M',
  added: 'A',
  untracked: 'U',
  deleted: 'D',
  renamed: 'R',
  conflicted: '!',
  staged: 'S',
};

const LABEL: Readonly<Record<GitBadgeDto, string>> = {
  modified: 'modified, not committed',
  added: 'added, not committed',
  untracked: 'new, not tracked yet',
  deleted: 'deleted, not committed',
  renamed: 'renamed, not committed',
  conflicted: 'conflict to resolve',
  staged: 'staged for the next commit',
};

/** One item's git state as a list badge; follows the live status, falling back to the row's. */
export function GitBadge({ path, fallback }: { readonly path: string; readonly fallback?: GitBadgeDto | undefined }) {
  const known = useFolioStore((s) => s.gitStatus !== null);
  const live = useFolioStore((s) => selectGitBadge(s, path));
  const badge = known ? live : fallback;
  if (badge === undefined) return null;
  return (
    <span className={`badge git-badge git-badge-${badge}`} title={`Git: ${LABEL[badge]}`} aria-label={`Git: ${LABEL[badge]}`} data-git={badge}>
      {LETTER[badge]}
    </span>
  );
}
