import type { FieldPath } from '../../../../shared/domain/frontmatter';
import type { FolioJsonSchema } from '../../../../shared/domain/schema';

/** The schema node describing the value at `path` (map keys via `properties`, list items via `items`). */
export function schemaAtPath(root: FolioJsonSchema | null, path: FieldPath): FolioJsonSchema | undefined {
  let node: FolioJsonSchema | undefined = root ?? undefined;
  for (const segment of path) {
    if (node === undefined) return undefined;
    node = typeof segment === 'number' ? node.items : Object.hasOwn(node.properties ?? {}, segment) ? node.properties?.[segment] : undefined;
  }
  return node;
}

/**
 * Every mirror in the schema by the path of its source: `description` -> [`htmlMetaData.description`,
 * ...]. Only mirrors outside lists, because a mirror path names one value of the item.
 */
export function collectMirrors(root: FolioJsonSchema | null): ReadonlyMap<string, readonly string[]> {
  const mirrors = new Map<string, string[]>();
  const walk = (node: FolioJsonSchema, prefix: readonly string[]): void => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const path = [...prefix, key];
      const source = child['x-folio-mirrorOf'];
      if (typeof source === 'string' && source !== '') {
        const text = path.map((s) => s.replace(/[\\.]/g, (c) => `\\${c}`)).join('.');
        const list = mirrors.get(source);
        if (list === undefined) mirrors.set(source, [text]);
        else list.push(text);
      }
      walk(child, path);
    }
  };
  if (root !== null) walk(root, []);
  return mirrors;
}
