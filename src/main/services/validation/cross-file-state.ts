import type { FileFacts, KeyedValue } from '../../../shared/domain/validation/collect-file-facts';
import { crossFileProblems } from '../../../shared/domain/validation/cross-file-problems';
import type { Problem } from '../../../shared/domain/validation/problem';

const NO_FACTS = { idents: [], keyed: [], relations: [], links: [] } as const;

function groupId(entry: KeyedValue): string {
  return `${entry.scope}\u0000${entry.key}`;
}

function slugsOf(facts: FileFacts | undefined): string {
  return facts === undefined ? '' : facts.keyed.flatMap((k) => (k.code === 'duplicate-slug' ? [k.value] : [])).join('\u0001');
}

function identsKey(facts: FileFacts | undefined): string {
  return facts === undefined ? '' : facts.idents.map((i) => `${i.key}\u0000${i.value}`).join('\u0001');
}

/**
 * The folder-wide problems, kept up to date per change instead of recomputed over every file:
 * duplicates are tracked per value group (a changed file re-checks only the groups it left or
 * joined), and relations and links are re-checked only for the changed files unless the set of
 * identifiers or paths they resolve against moved. Every check still goes through the shared
 * `crossFileProblems`, fed the relevant facts only, so messages and fixes stay exactly the same.
 */
export class CrossFileState {
  /** Members of each duplicate group with more than nothing in it, by file. */
  private readonly groups = new Map<string, Map<string, FileFacts>>();
  private readonly groupProblems = new Map<string, Problem[]>();
  /** Every slug value of the folder with how many files use it (a unique-slug fix must avoid them all). */
  private readonly slugCounts = new Map<string, number>();
  private readonly refProblems = new Map<string, Problem[]>();

  /** Rebuilds everything from scratch (a full validation). */
  reset(facts: ReadonlyMap<string, FileFacts>, paths: ReadonlySet<string>): void {
    this.groups.clear();
    this.groupProblems.clear();
    this.slugCounts.clear();
    this.refProblems.clear();
    for (const fact of facts.values()) this.join(fact);
    for (const id of this.groups.keys()) this.recheckGroup(id);
    this.recheckRefs(facts, paths, null);
  }

  /**
   * Applies changed files: `before` holds their old facts (undefined when new), `facts` the folder
   * after the change. `pathsMoved` is true when files or folders appeared or vanished.
   */
  update(before: ReadonlyMap<string, FileFacts | undefined>, facts: ReadonlyMap<string, FileFacts>, paths: ReadonlySet<string>, pathsMoved: boolean): void {
    const touched = new Set<string>();
    let slugsMoved = false;
    let identsMoved = pathsMoved;
    for (const [file, old] of before) {
      const now = facts.get(file);
      if (old !== undefined) for (const id of this.leave(old)) touched.add(id);
      if (now !== undefined) for (const id of this.join(now)) touched.add(id);
      slugsMoved ||= slugsOf(old) !== slugsOf(now);
      identsMoved ||= identsKey(old) !== identsKey(now);
    }
    // A slug taken or freed changes which suffix every duplicate-slug fix suggests.
    if (slugsMoved) for (const id of this.groups.keys()) if (id.startsWith('slug\u0000')) touched.add(id);
    for (const id of touched) this.recheckGroup(id);
    if (identsMoved) return this.recheckRefs(facts, paths, null);
    const changed = [...before.keys()];
    // No relation or link before or after: nothing to resolve, and the pools did not move.
    const refs = changed.some((file) => [before.get(file), facts.get(file)].some((f) => f !== undefined && (f.relations.length > 0 || f.links.length > 0)));
    if (refs) this.recheckRefs(facts, paths, new Set(changed));
    else for (const file of changed) this.refProblems.delete(file);
  }

  /** The folder-wide problems as of the last reset or update, unsorted. */
  problems(): Problem[] {
    const out: Problem[] = [];
    for (const list of this.groupProblems.values()) out.push(...list);
    for (const list of this.refProblems.values()) out.push(...list);
    return out;
  }

  private join(fact: FileFacts): string[] {
    const ids: string[] = [];
    for (const entry of fact.keyed) {
      const id = groupId(entry);
      let members = this.groups.get(id);
      if (members === undefined) this.groups.set(id, (members = new Map<string, FileFacts>()));
      members.set(fact.file, fact);
      ids.push(id);
      if (entry.code === 'duplicate-slug') this.slugCounts.set(entry.value, (this.slugCounts.get(entry.value) ?? 0) + 1);
    }
    return ids;
  }

  private leave(fact: FileFacts): string[] {
    const ids: string[] = [];
    for (const entry of fact.keyed) {
      const id = groupId(entry);
      const members = this.groups.get(id);
      members?.delete(fact.file);
      if (members?.size === 0) this.groups.delete(id);
      ids.push(id);
      if (entry.code === 'duplicate-slug') {
        const n = (this.slugCounts.get(entry.value) ?? 1) - 1;
        if (n <= 0) this.slugCounts.delete(entry.value);
        else this.slugCounts.set(entry.value, n);
      }
    }
    return ids;
  }

  private recheckGroup(id: string): void {
    const members = this.groups.get(id);
    if (members === undefined || members.size < 2) {
      this.groupProblems.delete(id);
      return;
    }
    // Each member contributes only this group's entries; every other slug of the folder is
    // passed as a bystander so the suggested suffix is free folder-wide.
    const scoped: FileFacts[] = [];
    for (const fact of members.values()) scoped.push({ file: fact.file, problems: [], ...NO_FACTS, keyed: fact.keyed.filter((k) => groupId(k) === id) });
    const slugGroup = id.startsWith('slug\u0000');
    if (slugGroup) {
      const taken: KeyedValue[] = [];
      for (const value of this.slugCounts.keys()) taken.push({ scope: '\u0000taken', code: 'duplicate-slug', severity: 'info', field: 'slug', value, key: value, line: 1, column: 1 });
      scoped.push({ file: '\u0000taken', problems: [], ...NO_FACTS, keyed: taken });
    }
    const problems = crossFileProblems(scoped, new Set()).filter((p) => p.file !== '\u0000taken');
    if (problems.length === 0) this.groupProblems.delete(id);
    else this.groupProblems.set(id, problems);
  }

  /** Relations and links: of `only` files against the whole folder's identifiers, or all when null. */
  private recheckRefs(facts: ReadonlyMap<string, FileFacts>, paths: ReadonlySet<string>, only: ReadonlySet<string> | null): void {
    const input: FileFacts[] = [];
    for (const fact of facts.values()) {
      const checked = only === null || only.has(fact.file);
      if (!checked && fact.idents.length === 0) continue;
      input.push({ file: fact.file, typeName: fact.typeName, problems: [], idents: fact.idents, keyed: [], relations: checked ? fact.relations : [], links: checked ? fact.links : [] });
    }
    if (only === null) this.refProblems.clear();
    else for (const file of only) this.refProblems.delete(file);
    for (const p of crossFileProblems(input, paths)) {
      const list = this.refProblems.get(p.file);
      if (list === undefined) this.refProblems.set(p.file, [p]);
      else list.push(p);
    }
  }
}
