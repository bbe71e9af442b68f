import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DraftDto } from '../../../shared/contract';
import { fail, ok, type Result } from '../../../shared/lib/result';

/** A draft as the renderer hands it over: the buffer and the disk version it was based on. */
export interface DraftInput {
  readonly path: string;
  readonly baseHash: string | null;
  readonly text: string;
}

/** Where the open folder is, asked at each call so drafts follow the folder that is open now. */
export type CurrentRoot = () => string | null;

// The file format; `root` and `path` are stored in clear so a draft can be checked against the
// folder it is listed for (the file name is only a hash).
const draftFileSchema = z
  .object({
    version: z.literal(1),
    root: z.string(),
    path: z.string().min(1),
    baseHash: z.string().nullable(),
    text: z.string(),
    savedAt: z.number(),
  })
  .strict();

const TEMP_SUFFIX = '.tmp';

function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/**
 * Crash recovery for unsaved edits (threats row 24): one JSON file per edited item under
 * `<dataDir>/drafts/<sha256(root)>/<sha256(path)>.json`, so folders never see each other's drafts
 * and a path can never escape the drafts folder. Each write goes to a temp file that is fsynced
 * and renamed over the draft, so a kill mid-write leaves the previous draft, never half of one.
 * Operations on one item run in the order they were called (a discard after a put wins), and
 * `shutdown` waits for every write still in flight.
 */
export class DraftService {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly dataDir: string,
    private readonly currentRoot: CurrentRoot,
    private readonly now: () => number = Date.now,
  ) {}

  async boot(): Promise<void> {
    const drafts = path.join(this.dataDir, 'drafts');
    await mkdir(drafts, { recursive: true });
    // A kill mid-write leaves a temp file beside the intact previous draft; it is only litter.
    for (const folder of await readdir(drafts, { withFileTypes: true })) {
      if (!folder.isDirectory()) continue;
      const dir = path.join(drafts, folder.name);
      for (const name of await readdir(dir).catch(() => [])) if (name.endsWith(TEMP_SUFFIX)) await unlink(path.join(dir, name)).catch(() => undefined);
    }
  }

  /** Waits for queued writes, so a quit right after an edit still leaves its draft on disk. */
  async shutdown(): Promise<void> {
    while (this.queues.size > 0) await Promise.all([...this.queues.values()]);
  }

  /** Stores (replaces) the draft of one item of the open folder. */
  put(input: DraftInput): Promise<Result<null>> {
    const root = this.currentRoot();
    if (root === null) return Promise.resolve(fail('no-workspace', 'No folder is open.'));
    const file = this.fileFor(root, input.path);
    return this.enqueue(file, async () => {
      const record: z.infer<typeof draftFileSchema> = { version: 1, root, path: input.path, baseHash: input.baseHash, text: input.text, savedAt: this.now() };
      try {
        await writeFileAtomic(file, JSON.stringify(record));
        return ok(null);
      } catch (error) {
        return fail('io', `The unsaved edits of ${input.path} could not be kept as a draft: ${describe(error)}`);
      }
    });
  }

  /** The drafts of the open folder, oldest first. Unreadable or foreign files are skipped. */
  async list(): Promise<Result<readonly DraftDto[]>> {
    const root = this.currentRoot();
    if (root === null) return ok([]);
    const dir = this.folderFor(root);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return ok([]);
    }
    // Let writes already queued land first, so the list never shows an older text than was put.
    await Promise.all(names.flatMap((name) => this.queues.get(path.join(dir, name)) ?? []));
    const drafts: DraftDto[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      try {
        const parsed = draftFileSchema.safeParse(JSON.parse(await readFile(path.join(dir, name), 'utf8')));
        if (!parsed.success || parsed.data.root !== root || `${sha256(parsed.data.path)}.json` !== name) continue;
        const { path: relPath, baseHash, text, savedAt } = parsed.data;
        drafts.push({ path: relPath, baseHash, text, savedAt });
      } catch {
        // A draft cut short by a disk error is skipped rather than blocking the others.
      }
    }
    return ok(drafts.sort((a, b) => a.savedAt - b.savedAt || a.path.localeCompare(b.path)));
  }

  /** Deletes the draft of one item (after a save, a revert, or the user's "discard"). */
  discard(relPath: string): Promise<Result<null>> {
    const root = this.currentRoot();
    if (root === null) return Promise.resolve(ok(null));
    const file = this.fileFor(root, relPath);
    return this.enqueue(file, async () => {
      try {
        await unlink(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return fail('io', `The draft of ${relPath} could not be deleted: ${describe(error)}`);
      }
      return ok(null);
    });
  }

  private folderFor(root: string): string {
    return path.join(this.dataDir, 'drafts', sha256(root));
  }

  private fileFor(root: string, relPath: string): string {
    return path.join(this.folderFor(root), `${sha256(relPath)}.json`);
  }

  private enqueue<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const current = previous.then(task, task);
    const settled = current.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return current;
  }
}

/** Temp file in the same folder, fsynced, then renamed over the target: old or new, never half. */
async function writeFileAtomic(file: string, data: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
