import path from 'node:path';
import type { EventSink } from '../ipc/event-sink';
import { DraftService } from './drafts';
import type { HostCapabilities } from './host/host-capabilities';
import { IndexService } from './index/index-service';
import { ItemsService } from './items';
import { ListService } from './list/list-service';
import { SchemaService } from './schema';
import { SettingsService } from './settings/settings-service';
import { LiveValidationService } from './validation/live-validation-service';
import { ValidationStartGate } from './validation/validation-start-gate';
import { FolderWatcher } from './watcher';
import { GitSessionService } from './git-session';
import { WorkspaceService } from './workspace/workspace-service';
import type { WriteTextFileOptions } from './workspace/write-text-file-atomic';

/** Every long-lived service, built once per shell by `bootServices`. */
export interface FolioServices {
  readonly settings: SettingsService;
  readonly workspace: WorkspaceService;
  readonly list: ListService;
  readonly drafts: DraftService;
  readonly schema: SchemaService;
  readonly items: ItemsService;
  readonly git: GitSessionService;
  readonly validation: LiveValidationService;
  readonly host: HostCapabilities;
}

export interface BootOptions {
  /** The app's data folder (settings, index cache, drafts). */
  readonly dataDir: string;
  readonly host: HostCapabilities;
  readonly events: EventSink;
  /** Builds the folder watcher; only the web host's test faults replace it (see SECURITY.md). */
  readonly createFolderWatcher?: () => FolderWatcher;
  /** Replaces steps of document saves; only the web host's test faults use it (see SECURITY.md). */
  readonly workspaceWriteOptions?: WriteTextFileOptions;
}

/**
 * Builds the services in dependency order and returns them with a `shutdown` that stops them in
 * reverse (closing watchers, flushing drafts). Shared by the Electron shell and the web host so
 * both run the very same code behind the contract.
 */
export async function bootServices(options: BootOptions): Promise<{ services: FolioServices; shutdown: () => Promise<void> }> {
  const settings = new SettingsService(path.join(options.dataDir, 'settings.json'));
  await settings.boot();
  const index = new IndexService({ dataDir: options.dataDir });
  await index.boot();
  const list = new ListService(index, options.events);
  await list.boot();
  const workspace = new WorkspaceService(settings, options.events, index, list, options.createFolderWatcher ?? (() => new FolderWatcher()), options.workspaceWriteOptions);
  await workspace.boot();
  // After the workspace: drafts are filed under the folder that is open when they are written.
  const drafts = new DraftService(options.dataDir, () => workspace.info?.root ?? null);
  await drafts.boot();
  // Live validation in its own worker: the whole folder on open, then the files each change names.
  const validation = new LiveValidationService(options.events, workspace);
  await validation.boot();
  // The form's schema is the one validation used (or, until its first run ends, one from a sample).
  const schema = new SchemaService(() => workspace.info?.root ?? null, index, validation);
  await schema.boot();
  // The shell's system trash, when it has one; otherwise deleted items go to `.folio/trash`.
  const items = new ItemsService(workspace, index, options.host.trashItem?.bind(options.host));
  await items.boot();
  // Last: git status reads the open folder and feeds the list's badges.
  const git = new GitSessionService({ dataDir: options.dataDir, root: () => workspace.info?.root ?? null, events: options.events, onBadges: (badges) => list.setGitBadges(badges) });
  await git.boot();
  workspace.onActivity(() => git.scheduleRefresh());
  // A folder's full validation waits for its scan and a quiet moment (see ValidationStartGate);
  // the gate is taken as the scan starts, so a reopened folder waits for its new scan.
  const validationGate = new ValidationStartGate(index);
  workspace.onFilesChanged((root, paths) => (paths === null ? validation.open(root, validationGate.afterScanOf(root)) : validation.filesChanged(root, paths)));
  list.setProblemCounts((relPath) => validation.countsFor(relPath));
  const started = [settings, index, list, workspace, drafts, validation, schema, items, git];
  const services: FolioServices = { settings, workspace, list, drafts, schema, items, git, validation, host: options.host };
  return {
    services,
    async shutdown() {
      for (const service of started.reverse()) await service.shutdown();
      // After validation stopped: a released gate must not start a run.
      validationGate.dispose();
    },
  };
}
