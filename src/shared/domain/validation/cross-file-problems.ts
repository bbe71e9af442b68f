import type { FileFacts, KeyedValue } from './collect-file-facts';
import type { Problem } from './problem';

/**
 * Names the other files of a group (`files` holds `self` once): the first three and a count. Only
 * the first four are looked at, so a title shared by thousands of files stays linear, not quadratic.
 */
function describeOthers(files: readonly string[], self: string): string {
  const shown: string[] = [];
  for (let i = 0; i < files.length && shown.length < 3; i += 1) if (files[i] !== self) shown.push(files[i] as string);
  const others = files.length - 1;
  return others > 3 ? `${shown.join(', ')} and ${others - 3} more` : shown.join(', ');
}

function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

function label(entry: KeyedValue): string {
  switch (entry.code) {
    case 'duplicate-slug':
      return 'Slug';
    case 'duplicate-id':
      return 'Id';
    case 'duplicate-title':
      return 'Title';
    case 'duplicate-value':
      return `"${entry.field}"`;
  }
}

/**
 * The folder-wide rules, computed from every file's facts: duplicate slugs, ids and unique
 * fields, shared titles, relations naming no item, and body links to files that do not exist.
 * `existingPaths` holds every file and folder of the workspace (relative POSIX paths), so the
 * check stays pure and the caller decides how the folder is listed.
 */
export function crossFileProblems(facts: Iterable<FileFacts>, existingPaths: ReadonlySet<string>): Problem[] {
  const all = [...facts].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const problems: Problem[] = [];

  // Scope, then key: nested maps hash the values the facts already hold (V8 caches a string's
  // hash), where a concatenated `scope\0key` was a new string to flatten and hash every time.
  const scopes = new Map<string, Map<string, { fact: FileFacts; entry: KeyedValue }[]>>();
  const slugs = new Set<string>();
  for (const fact of all) {
    for (const entry of fact.keyed) {
      if (entry.code === 'duplicate-slug') slugs.add(entry.value);
      let groups = scopes.get(entry.scope);
      if (groups === undefined) scopes.set(entry.scope, (groups = new Map<string, { fact: FileFacts; entry: KeyedValue }[]>()));
      const group = groups.get(entry.key);
      if (group === undefined) groups.set(entry.key, [{ fact, entry }]);
      else group.push({ fact, entry });
    }
  }
  for (const group of [...scopes.values()].flatMap((groups) => [...groups.values()])) {
    if (group.length < 2) continue;
    const files = [...new Set(group.map((g) => g.fact.file))];
    if (files.length < 2) continue;
    group.forEach(({ fact, entry }, index) => {
      const message = `${label(entry)} ${JSON.stringify(entry.value)} is also used by ${describeOthers(files, fact.file)}.`;
      const base: Problem = { file: fact.file, severity: entry.severity, code: entry.code, message, line: entry.line, column: entry.column, field: entry.field };
      if (entry.code === 'duplicate-slug' && index > 0) {
        // The first file (in path order) keeps its slug; the others are offered the next free suffix.
        const value = uniqueSlug(entry.value, slugs);
        problems.push({ ...base, fix: { kind: 'unique-slug', file: fact.file, field: entry.field, value, title: `Change the slug to ${value}` } });
      } else problems.push(base);
    });
  }

  const idents = new Map<string, Set<string>>();
  const byType = new Map<string, Set<string>>();
  const anyIdent = new Set<string>();
  for (const fact of all) {
    for (const { key, value } of fact.idents) {
      (idents.get(key) ?? idents.set(key, new Set()).get(key))?.add(value);
      anyIdent.add(value);
      if (fact.typeName !== undefined) (byType.get(`${fact.typeName}\u0000${key}`) ?? byType.set(`${fact.typeName}\u0000${key}`, new Set()).get(`${fact.typeName}\u0000${key}`))?.add(value);
    }
  }
  const trimSlash = (v: string): string => (v.length > 1 ? v.replace(/\/+$/, '') : v);
  for (const fact of all) {
    for (const ref of fact.relations) {
      const pool = ref.type !== undefined ? byType.get(`${ref.type}\u0000${ref.key ?? 'slug'}`) : ref.key !== undefined ? idents.get(ref.key) : anyIdent;
      // `/offering/x/` and `/offering/x` name the same page.
      const found = pool !== undefined && (pool.has(ref.value) || pool.has(trimSlash(ref.value)) || pool.has(`${trimSlash(ref.value)}/`));
      if (found) continue;
      const what = ref.key === undefined ? 'item' : `item with ${ref.key}`;
      problems.push({ file: fact.file, severity: ref.severity, code: 'dangling-relation', message: `"${ref.field}" points at ${JSON.stringify(ref.value)}, but no ${what} ${JSON.stringify(ref.value)} exists in the folder.`, line: ref.line, column: ref.column, field: ref.field });
    }
    for (const link of fact.links) {
      const t = link.target;
      const exists =
        t !== null && (t === '' || existingPaths.has(t) || existingPaths.has(t.replace(/\/+$/, '')) || existingPaths.has(`${t}.md`) || existingPaths.has(`${t.replace(/\/+$/, '')}/index.md`) || existingPaths.has(`${t.replace(/\/+$/, '')}/_index.md`));
      if (exists) continue;
      const why = t === null ? 'it points outside the folder' : `${t} does not exist`;
      problems.push(
        link.image
          ? { file: fact.file, severity: 'warning', code: 'missing-image', message: `The image ${JSON.stringify(link.raw)} is missing: ${why}.`, line: link.line, column: link.column }
          : { file: fact.file, severity: 'warning', code: 'broken-link', message: `The link ${JSON.stringify(link.raw)} is broken: ${why}.`, line: link.line, column: link.column },
      );
    }
  }
  return problems;
}
