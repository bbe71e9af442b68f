/** Git in the app: header status, the Changes panel (diff, stage, commit, history, conflicts) and the list badge. */
export { GitHeaderStatus } from './git-header-status';
export { GitPanel } from './git-panel';
export { GitBadge } from './git-badge';
export { connectGitEvents } from './connect-git-events';
