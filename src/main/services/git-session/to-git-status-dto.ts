import type { GitBadgeDto, GitFileDto, GitStatusDto } from '../../../shared/contract';
import type { FileStatus, RepositoryStatus } from '../git';

/** The list badge of one changed file: the git layer's badge, or `staged` once all of a modification is staged. */
export function badgeOf(file: FileStatus): GitBadgeDto {
  if (file.badge === 'modified' && file.staged !== 'unmodified' && file.unstaged === 'unmodified') return 'staged';
  return file.badge;
}

/** One changed file as the renderer sees it. */
export function toGitFileDto(file: FileStatus): GitFileDto {
  return {
    path: file.path,
    badge: badgeOf(file),
    staged: file.conflict === null && file.staged !== 'unmodified',
    unstaged: file.unstaged !== 'unmodified' || file.conflict !== null,
  };
}

/** A status with no repository behind it (not tracked, no git, no folder, or an error). */
export function emptyGitStatus(state: GitStatusDto['state'], trusted: boolean, message?: string): GitStatusDto {
  return {
    state,
    ...(message === undefined ? {} : { message }),
    branch: null,
    detached: false,
    upstream: null,
    ahead: 0,
    behind: 0,
    files: [],
    conflicted: [],
    operation: null,
    trusted,
    unborn: false,
  };
}

/** The git layer's status as the contract's DTO. */
export function toGitStatusDto(status: RepositoryStatus, trusted: boolean): GitStatusDto {
  return {
    state: 'ok',
    branch: status.branch,
    detached: status.detached,
    upstream: status.upstream,
    ahead: status.ahead,
    behind: status.behind,
    files: status.files.map(toGitFileDto),
    conflicted: status.conflicted,
    operation: status.operation,
    trusted,
    unborn: status.headOid === null,
  };
}
