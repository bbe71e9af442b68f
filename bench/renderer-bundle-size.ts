import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** One kind of file in the built renderer: raw and gzip bytes. */
export interface BundlePart {
  readonly files: number;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** The built renderer (`out/renderer`) by part: what loads first, what loads with the editor, workers, styles, fonts. */
export interface RendererBundleSize {
  readonly entry: BundlePart;
  readonly lazy: BundlePart;
  readonly workers: BundlePart;
  readonly styles: BundlePart;
  readonly fonts: BundlePart;
}

const empty: BundlePart = { files: 0, bytes: 0, gzipBytes: 0 };

function partOf(name: string, entryScripts: ReadonlySet<string>): keyof RendererBundleSize {
  if (name.endsWith('.css')) return 'styles';
  if (/\.(ttf|woff2?)$/.test(name)) return 'fonts';
  if (/worker/i.test(name)) return 'workers';
  return entryScripts.has(name) ? 'entry' : 'lazy';
}

/**
 * Sizes the renderer as built; `npm run build` first. Monaco is loaded with only the Markdown and
 * YAML languages and the base editor worker (see features/body-editor/monaco-host.ts), and only
 * when an item is first opened: its chunks count as lazy.
 */
export async function measureRendererBundle(rendererDir: string): Promise<RendererBundleSize> {
  const html = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
  const entryScripts = new Set([...html.matchAll(/(?:src|href)="[^"]*?([^"/]+\.js)"/g)].map((m) => m[1] ?? ''));
  const sizes: Record<string, BundlePart> = { entry: empty, lazy: empty, workers: empty, styles: empty, fonts: empty };
  for (const name of await readdir(path.join(rendererDir, 'assets'))) {
    const bytes = await readFile(path.join(rendererDir, 'assets', name));
    const part = partOf(name, entryScripts);
    const was = sizes[part] ?? empty;
    sizes[part] = { files: was.files + 1, bytes: was.bytes + bytes.length, gzipBytes: was.gzipBytes + gzipSync(bytes).length };
  }
  return { entry: sizes.entry ?? empty, lazy: sizes.lazy ?? empty, workers: sizes.workers ?? empty, styles: sizes.styles ?? empty, fonts: sizes.fonts ?? empty };
}
