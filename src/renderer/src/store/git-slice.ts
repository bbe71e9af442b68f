import type { StateCreator } from 'zustand';
import type { FolioError, GitBadgeDto, GitFileDto, GitIdentityDto, GitProgressDto, GitStatusDto } from '../../../shared/contract';
import type { Result } from '../../../shared/lib/result';
import { api } from '../ipc/api';
import type { FolioState } from './index';

/** A failed git operation as the panel shows it: the message from main, and the git kind that picks the offered action. */
export interface GitProblem {
  readonly message: string;
  /** `detail.gitKind` from main (`no-upstream`, `push-rejected-non-fast-forward`, ...), or null. */
  readonly kind: string | null;
  readonly paths: readonly string[];
  /** What was being done, for the offered follow-up (e.g. retrying a push with publish). */
  readonly during: GitOperationName;
}

/** The git operations that can be running (one at a time from the UI). */
export type GitOperationName = 'pull' | 'push' | 'commit' | 'stage' | 'discard' | 'init' | 'identity' | 'resolve' | 'abort' | 'trust';

/** What the wide git viewer shows: an item's diff, an old version, or a conflict to resolve. */
export type GitViewer =
  | { readonly kind: 'diff'; readonly path: string }
  | { readonly kind: 'version'; readonly path: string; readonly rev: string; readonly revPath: string; readonly subject: string }
  | { readonly kind: 'conflict'; readonly path: string };

/** Why the identity dialog is open: it continues that operation once name and email are stored. */
export type IdentityPurpose = 'commit' | 'init' | 'edit';

/** Git for the open folder as the renderer mirrors it: status, the Changes panel, running operations. */
export interface GitSlice {
  gitStatus: GitStatusDto | null;
  /** Path -> badge of the latest status, for the list (a map: 50,000 rows must not scan the file list). */
  gitBadges: ReadonlyMap<string, GitBadgeDto>;
  /** Changed items with their field summaries (loaded while the panel is open). */
  gitChanges: readonly GitFileDto[];
  gitPanelOpen: boolean;
  gitPanelTab: 'changes' | 'history';
  gitBusy: GitOperationName | null;
  gitProgress: GitProgressDto | null;
  gitProblem: GitProblem | null;
  gitViewer: GitViewer | null;
  identityPrompt: { readonly purpose: IdentityPurpose; readonly current: GitIdentityDto } | null;

  refreshGit: () => Promise<void>;
  gitStatusChanged: (status: GitStatusDto) => void;
  gitProgressChanged: (progress: GitProgressDto) => void;
  loadGitChanges: () => Promise<void>;
  toggleGitPanel: (open?: boolean) => void;
  setGitPanelTab: (tab: 'changes' | 'history') => void;
  setStaged: (paths: readonly string[], staged: boolean) => Promise<void>;
  /** Puts items back as committed; the caller has asked the curator. */
  discardGitChanges: (paths: readonly string[]) => Promise<void>;
  /** Commits what is staged; asks for an identity first when git has none. Returns true on success. */
  commitGit: (message: string, amend: boolean) => Promise<boolean>;
  pullGit: () => Promise<void>;
  pushGit: (publish?: boolean) => Promise<void>;
  abortGitPull: () => Promise<void>;
  /** Starts tracking the folder (the curator agreed); asks for an identity when git has none. */
  initGit: (identity?: { name: string; email: string }) => Promise<boolean>;
  /** Stores name and email in the repository (or, before init, passes them to init). */
  submitIdentity: (identity: { name: string; email: string }) => Promise<boolean>;
  cancelIdentity: () => void;
  openIdentity: () => Promise<void>;
  setGitTrusted: (trusted: boolean) => Promise<void>;
  resolveGitConflict: (path: string, text: string) => Promise<boolean>;
  openGitViewer: (viewer: GitViewer) => void;
  closeGitViewer: () => void;
  dismissGitProblem: () => void;
}

function kindOf(error: FolioError): string | null {
  const kind = error.detail?.gitKind;
  return typeof kind === 'string' ? kind : null;
}

function pathsOf(error: FolioError): readonly string[] {
  const paths = error.detail?.paths;
  return Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
}

/** The badge of one item in the list, from the live git status (undefined when unchanged). */
export function selectGitBadge(state: Pick<FolioState, 'gitStatus' | 'gitBadges'>, path: string): GitBadgeDto | undefined {
  return state.gitBadges.get(path);
}

// A commit waiting for the identity dialog keeps its message here (not in state: it is not UI).
let pendingCommit: { message: string; amend: boolean } | null = null;

export const createGitSlice: StateCreator<FolioState, [], [], GitSlice> = (set, get) => {
  /** Runs one operation: busy flag, problem on failure (with its git kind), status refresh after. */
  const run = async <T>(during: GitOperationName, call: () => Promise<Result<T>>): Promise<Result<T>> => {
    set({ gitBusy: during, gitProblem: null });
    try {
      const result = await call();
      if (!result.ok) set({ gitProblem: { message: result.error.message, kind: kindOf(result.error), paths: pathsOf(result.error), during } });
      return result;
    } finally {
      set({ gitBusy: null, gitProgress: null });
      if (get().gitPanelOpen) void get().loadGitChanges();
    }
  };

  return {
    gitStatus: null,
    gitBadges: new Map(),
    gitChanges: [],
    gitPanelOpen: false,
    gitPanelTab: 'changes',
    gitBusy: null,
    gitProgress: null,
    gitProblem: null,
    gitViewer: null,
    identityPrompt: null,

    refreshGit: async () => {
      const result = await api['git:refresh']();
      if (result.ok) get().gitStatusChanged(result.value);
    },

    gitStatusChanged: (status) => {
      const before = get().gitStatus;
      set({ gitStatus: status, gitBadges: new Map(status.files.map((f) => [f.path, f.badge])) });
      if (get().gitPanelOpen && JSON.stringify(before?.files) !== JSON.stringify(status.files)) void get().loadGitChanges();
    },

    gitProgressChanged: (progress) => {
      if (get().gitBusy === progress.operation) set({ gitProgress: progress });
    },

    loadGitChanges: async () => {
      const result = await api['git:changes']();
      if (result.ok) set({ gitChanges: result.value });
    },

    toggleGitPanel: (open) => {
      const next = open ?? !get().gitPanelOpen;
      set({ gitPanelOpen: next });
      if (next) void get().loadGitChanges();
    },

    setGitPanelTab: (tab) => set({ gitPanelTab: tab }),

    setStaged: async (paths, staged) => {
      // Optimistic: the checkbox follows the click at once; the real status replaces this shortly.
      const status = get().gitStatus;
      if (status) {
        const chosen = new Set(paths);
        set({ gitStatus: { ...status, files: status.files.map((f) => (chosen.has(f.path) ? { ...f, staged, unstaged: !staged } : f)) } });
      }
      const result = await run('stage', () => (staged ? api['git:stage'](paths) : api['git:unstage'](paths)));
      if (result.ok) get().gitStatusChanged(result.value);
      else await get().refreshGit();
    },

    discardGitChanges: async (paths) => {
      const result = await run('discard', () => api['git:discard'](paths));
      if (result.ok) get().gitStatusChanged(result.value);
    },

    commitGit: async (message, amend) => {
      const identity = await api['git:identity']();
      if (identity.ok && (identity.value.name === null || identity.value.email === null)) {
        pendingCommit = { message, amend };
        set({ identityPrompt: { purpose: 'commit', current: identity.value } });
        return false;
      }
      const result = await run('commit', () => api['git:commit']({ message, amend }));
      if (!result.ok && kindOf(result.error) === 'identity-missing') {
        pendingCommit = { message, amend };
        set({ identityPrompt: { purpose: 'commit', current: { name: null, email: null } }, gitProblem: null });
      }
      return result.ok;
    },

    pullGit: async () => {
      await run('pull', () => api['git:pull']());
    },

    pushGit: async (publish = false) => {
      await run('push', () => api['git:push']({ publish }));
    },

    abortGitPull: async () => {
      const result = await run('abort', () => api['git:abortPull']());
      if (result.ok) get().gitStatusChanged(result.value);
    },

    initGit: async (identity) => {
      const result = await run('init', () => api['git:init'](identity === undefined ? {} : { identity }));
      if (!result.ok && kindOf(result.error) === 'identity-missing') {
        set({ identityPrompt: { purpose: 'init', current: { name: null, email: null } }, gitProblem: null });
      }
      if (result.ok) await get().refreshGit();
      return result.ok;
    },

    submitIdentity: async (identity) => {
      const purpose = get().identityPrompt?.purpose ?? 'edit';
      if (purpose === 'init') {
        set({ identityPrompt: null });
        return get().initGit(identity);
      }
      const stored = await run('identity', () => api['git:setIdentity'](identity));
      if (!stored.ok) return false;
      set({ identityPrompt: null });
      const commit = pendingCommit;
      pendingCommit = null;
      if (purpose === 'commit' && commit !== null) return get().commitGit(commit.message, commit.amend);
      return true;
    },

    cancelIdentity: () => {
      pendingCommit = null;
      set({ identityPrompt: null });
    },

    openIdentity: async () => {
      const identity = await api['git:identity']();
      set({ identityPrompt: { purpose: 'edit', current: identity.ok ? identity.value : { name: null, email: null } } });
    },

    setGitTrusted: async (trusted) => {
      const result = await run('trust', () => api['git:setTrusted'](trusted));
      if (result.ok) get().gitStatusChanged(result.value);
    },

    resolveGitConflict: async (path, text) => {
      const result = await run('resolve', () => api['git:resolve']({ path, text }));
      if (result.ok) get().gitStatusChanged(result.value);
      return result.ok;
    },

    openGitViewer: (viewer) => set({ gitViewer: viewer }),
    closeGitViewer: () => set({ gitViewer: null }),
    dismissGitProblem: () => set({ gitProblem: null }),
  };
};
