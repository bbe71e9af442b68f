/** The app-level git service for the open folder (status cache, trusted folders, progress events). */
export { GitSessionService } from './git-session-service';
export type { GitSessionOptions } from './git-session-service';
export { GitTrustStore } from './git-trust-store';
export { badgeOf, emptyGitStatus, toGitFileDto, toGitStatusDto } from './to-git-status-dto';
