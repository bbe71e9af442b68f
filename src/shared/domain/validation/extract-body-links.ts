/** A local link or image reference in a Markdown/HTML body. */
export interface BodyLink {
  /** The target as written (fragment and query kept). */
  readonly raw: string;
  /** The workspace-relative POSIX path it points at, or null when it leaves the folder. */
  readonly target: string | null;
  readonly image: boolean;
  /** Offset of the target in the body text. */
  readonly offset: number;
}

const MD_LINK = /(!?)\[(?:[^\]\\\n]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const HTML_ATTR = /<(a|img|source|video|audio|iframe|link|script)\b[^>]*?\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const FENCE = /^(?:```|~~~)/;

function isExternal(target: string): boolean {
  // Schemes (`https:`, `mailto:`), protocol-relative, in-page anchors and site-absolute paths,
  // which the site generator resolves against its own root, are not files of this folder.
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//') || target.startsWith('#') || target.startsWith('/') || target.includes('{{');
}

/** Resolves `target` against the folder of `file`; null when it climbs out of the workspace. */
export function resolveRelativeTarget(file: string, target: string): string | null {
  const clean = target.replace(/[?#].*$/, '');
  let decoded = clean;
  try {
    decoded = decodeURIComponent(clean);
  } catch {
    // A malformed escape is kept as written; the existence check will report it.
  }
  const parts = file.split('/').slice(0, -1);
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join('/');
}

/**
 * Collects local link and image targets from a body: Markdown `[..](rel)` / `![..](rel)` and HTML
 * `href`/`src` attributes, skipping fenced code blocks. Offsets are relative to `body`.
 */
export function extractBodyLinks(file: string, body: string): BodyLink[] {
  const links: BodyLink[] = [];
  // Blank out fenced code so examples of links are not checked; offsets stay the same.
  let scan = body;
  if (body.includes('```') || body.includes('~~~')) {
    const lines = body.split('\n');
    let inFence = false;
    scan = lines
      .map((line) => {
        const fence = FENCE.test(line.trimStart());
        const blank = inFence || fence ? ' '.repeat(line.length) : line;
        if (fence) inFence = !inFence;
        return blank;
      })
      .join('\n');
  }
  const add = (raw: string, image: boolean, offset: number): void => {
    const target = raw.trim();
    if (target === '' || isExternal(target)) return;
    links.push({ raw: target, target: resolveRelativeTarget(file, target), image, offset });
  };
  if (scan.includes('](')) {
    for (const m of scan.matchAll(MD_LINK)) {
      const raw = m[2] ?? '';
      add(raw, m[1] === '!', m.index + m[0].indexOf(raw, 1));
    }
  }
  if (scan.includes('<')) {
    for (const m of scan.matchAll(HTML_ATTR)) {
      const raw = m[3] ?? m[4] ?? m[5] ?? '';
      const tag = (m[1] ?? '').toLowerCase();
      add(raw, tag === 'img' || (m[2] ?? '').toLowerCase() === 'src', m.index + m[0].lastIndexOf(raw));
    }
  }
  return links.sort((a, b) => a.offset - b.offset);
}
