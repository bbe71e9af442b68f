import path from 'node:path';
import type { EventSink } from '../ipc/event-sink';
import type { HostCapabilities } from './host/host-capabilities';
import { IndexService } from './index/index-service';
import { ListService } from './list/list-service';
import { SettingsService } from './settings/settings-service';
import { FolderWatcher } from './watcher';
import { WorkspaceService } from './workspace/workspace-service';

/** Every long-lived service, built once per shell by `bootServices`. */
export interface FolioServices {
  readonly settings: SettingsService;
  readonly workspace: WorkspaceService;
  readonly list: ListService;
  readonly host: HostCapabilities;
}

export interface BootOptions {
  /** The app's data folder (settings, index cache, drafts). */
  readonly dataDir: string;
  readonly host: HostCapabilities;
  readonly events: EventSink;
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
  const workspace = new WorkspaceService(settings, options.events, index, list, () => new FolderWatcher());
  await workspace.boot();
  const started = [settings, index, list, workspace];
  const services: FolioServices = { settings, workspace, list, host: options.host };
  return {
    services,
    async shutdown() {
      for (const service of started.reverse()) await service.shutdown();
    },
  };
}
