import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const maxRecent = 10;

const settingsSchema = z.object({
  recentFolders: z.array(z.string()).max(maxRecent).default([]),
});

/** What Folio remembers between runs. */
export type Settings = z.infer<typeof settingsSchema>;

/**
 * Settings kept as one JSON file in the app's data folder. A corrupt or hand-edited file falls
 * back to defaults instead of stopping the app; writes are atomic so a crash never truncates it.
 */
export class SettingsService {
  private settings: Settings = { recentFolders: [] };

  constructor(private readonly file: string) {}

  async boot(): Promise<void> {
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      if (parsed.success) this.settings = parsed.data;
    } catch {
      // Missing or unreadable: first run, keep defaults.
    }
  }

  async shutdown(): Promise<void> {
    // Every change is already on disk.
  }

  get recentFolders(): readonly string[] {
    return this.settings.recentFolders;
  }

  /** Moves a folder to the front of the recent list. */
  async addRecentFolder(folder: string): Promise<void> {
    const rest = this.settings.recentFolders.filter((f) => f !== folder);
    this.settings = { ...this.settings, recentFolders: [folder, ...rest].slice(0, maxRecent) };
    await this.save();
  }

  private async save(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(this.settings, null, 2));
    await rename(tmp, this.file);
  }
}
