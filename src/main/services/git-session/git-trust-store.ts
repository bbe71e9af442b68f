import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const trustSchema = z.object({ trusted: z.array(z.string()).max(1000).default([]) });

/**
 * The folders whose git hooks the curator allowed to run. Kept in its own file in the app's data
 * folder (never in the repository, which a hostile folder could pre-fill). Default: untrusted.
 */
export class GitTrustStore {
  private trusted = new Set<string>();

  constructor(private readonly file: string) {}

  async load(): Promise<void> {
    try {
      const parsed = trustSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      if (parsed.success) this.trusted = new Set(parsed.data.trusted);
    } catch {
      // Missing or unreadable: nothing is trusted, the safe default.
    }
  }

  isTrusted(root: string): boolean {
    return this.trusted.has(root);
  }

  async setTrusted(root: string, trusted: boolean): Promise<void> {
    if (trusted) this.trusted.add(root);
    else this.trusted.delete(root);
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify({ trusted: [...this.trusted] }, null, 2));
    await rename(tmp, this.file);
  }
}
