import type { FrontMatterDocument, FrontMatterEdit, PlainValue } from '../../../../shared/domain/frontmatter';

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The edits that set `pathText` and every mirror that follows it (transitively: a mirror of a
 * mirror follows too). A mirror follows when it is present, not unlinked, and still equal to the
 * source's old value; one that already differs was edited on purpose and is left alone.
 */
export function mirrorEdits(model: FrontMatterDocument, pathText: string, value: PlainValue, mirrors: ReadonlyMap<string, readonly string[]>, unlinked: ReadonlySet<string>): FrontMatterEdit[] {
  const old = model.getValue(pathText);
  const edits: FrontMatterEdit[] = [{ kind: 'set', path: pathText, value }];
  const seen = new Set([pathText]);
  const queue = [...(mirrors.get(pathText) ?? [])];
  while (queue.length > 0) {
    const mirror = queue.shift() as string;
    if (seen.has(mirror)) continue;
    seen.add(mirror);
    if (unlinked.has(mirror) || model.getField(mirror) === undefined || !sameValue(model.getValue(mirror), old)) continue;
    edits.push({ kind: 'set', path: mirror, value });
    queue.push(...(mirrors.get(mirror) ?? []));
  }
  return edits;
}
