import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentSnapshot, ItemSummary, WorkspaceInfo } from '../../../shared/contract';
import { fail, ok, type Result } from '../../../shared/lib/result';
import type { EventSink } from '../../ipc/event-sink';
import { listItems } from '../index/list-items';
import type { SettingsService } from '../settings/settings-service';
import { cleanStrayTempFiles } from './clean-stray-temp-files';
import { readDocument } from './read-document';

/**
 * The open folder: which one it is, its items, and reading its files. Every path that comes in
 * is workspace-relative and is confined to the folder before the disk is touched.
 */
export class WorkspaceService {
  private current: WorkspaceInfo | null = null;

  constructor(
    private readonly settings: SettingsService,
    private readonly events: EventSink,
  ) {}

  boot(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    this.current = null;
    return Promise.resolve();
  }

  get info(): WorkspaceInfo | null {
    return this.current;
  }

  /** Opens a folder (absolute path chosen by the user or given on the command line). */
  async open(folder: string): Promise<Result<WorkspaceInfo>> {
    let root: string;
    try {
      root = await realpath(folder);
      if (!(await stat(root)).isDirectory()) return fail('not-found', `${folder} is not a folder.`);
    } catch {
      return fail('not-found', `The folder ${folder} does not exist or cannot be read.`);
    }
    this.current = { root, name: path.basename(root) };
    // A crash mid-save leaves `.name.folio-tmp-*` files behind; the originals are intact.
    await cleanStrayTempFiles(root);
    await this.settings.addRecentFolder(root);
    this.events.emit('workspace:opened', this.current);
    return ok(this.current);
  }

  /** Every item in the open folder. */
  async list(): Promise<Result<readonly ItemSummary[]>> {
    if (!this.current) return fail('no-workspace', 'No folder is open.');
    return ok(await listItems(this.current.root));
  }

  /** One file for the editor, confined to the folder. */
  read(relPath: string): Promise<Result<DocumentSnapshot>> {
    if (!this.current) return Promise.resolve(fail('no-workspace', 'No folder is open.'));
    return readDocument(this.current.root, relPath);
  }
}
