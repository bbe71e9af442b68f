import type { FileFacts, KeyedValue } from '../../../shared/domain/validation/collect-file-facts';
import { crossFileProblems } from '../../../shared/domain/validation/cross-file-problems';
import type { Problem } from '../../../shared/domain/validation/problem';

const NO_FACTS = { idents: [], keyed: [], relations: [], links: [] } as const;

/** The files sharing one value: most values have one file, kept as that file's facts alone. */
type Members = FileFacts | Map<string, FileFacts>;

/** Groups touched by a change: scope, then key. */
type GroupSet = Map<string, Set<string>>;

function addGroup(set: GroupSet, scope: string, key: string): void {
  const keys = set.get(scope);
  if (keys === undefined) set.set(scope, new Set([key]));
  else keys.add(key);
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
 * Groups are nested maps (scope, then value) holding a lone file's facts directly: one small map
 * per distinct value of every keyed field was most of the validation worker's retained heap.
 */
export class CrossFileState {
  /** Members of each value group, by scope, then compared value. */
  private readonly groups = new Map<string, Map<string, Members>>();
  private readonly groupProblems = new Map<string, Map<string, Problem[]>>();
  /** Every slug value of the folder with how many files use it (a unique-slug fix must avoid them all). */
  private readonly slugCounts = new Map<string, number>();
  private readonly refProblems = new Map<string, Problem[]>();

  /** Rebuilds everything from scratch (a full validation). */
  reset(facts: ReadonlyMap<string, FileFacts>, paths: ReadonlySet<string>): void {
    this.groups.clear();
    this.groupProblems.clear();
    this.slugCounts.clear();
    this.refProblems.clear();
    for (const fact of facts.values()) this.join(fact, null);
    for (const [scope, keys] of this.groups) for (const [key, members] of keys) if (members instanceof Map) this.recheckGroup(scope, key);
    this.recheckRefs(facts, paths, null);
  }

  /**
   * Applies changed files: `before` holds their old facts (undefined when new), `facts` the folder
   * after the change. `pathsMoved` is true when files or folders appeared or vanished.
   */
  update(before: ReadonlyMap<string, FileFacts | undefined>, facts: ReadonlyMap<string, FileFacts>, paths: ReadonlySet<string>, pathsMoved: boolean): void {
    const touched: GroupSet = new Map();
    let slugsMoved = false;
    let identsMoved = pathsMoved;
    for (const [file, old] of before) {
      const now = facts.get(file);
      if (old !== undefined) this.leave(old, touched);
      if (now !== undefined) this.join(now, touched);
      slugsMoved ||= slugsOf(old) !== slugsOf(now);
      identsMoved ||= identsKey(old) !== identsKey(now);
    }
    // A slug taken or freed changes which suffix every duplicate-slug fix suggests.
    if (slugsMoved) for (const key of this.groups.get('slug')?.keys() ?? []) addGroup(touched, 'slug', key);
    for (const [scope, keys] of touched) for (const key of keys) this.recheckGroup(scope, key);
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
    for (const keys of this.groupProblems.values()) for (const list of keys.values()) out.push(...list);
    for (const list of this.refProblems.values()) out.push(...list);
    return out;
  }

  private join(fact: FileFacts, touched: GroupSet | null): void {
    for (const entry of fact.keyed) {
      let keys = this.groups.get(entry.scope);
      if (keys === undefined) this.groups.set(entry.scope, (keys = new Map<string, Members>()));
      const members = keys.get(entry.key);
      if (members === undefined || (!(members instanceof Map) && members.file === fact.file)) keys.set(entry.key, fact);
      else if (members instanceof Map) members.set(fact.file, fact);
      else keys.set(entry.key, new Map([[members.file, members], [fact.file, fact]]));
      if (touched !== null) addGroup(touched, entry.scope, entry.key);
      if (entry.code === 'duplicate-slug') this.slugCounts.set(entry.value, (this.slugCounts.get(entry.value) ?? 0) + 1);
    }
  }

  private leave(fact: FileFacts, touched: GroupSet): void {
    for (const entry of fact.keyed) {
      const keys = this.groups.get(entry.scope);
      const members = keys?.get(entry.key);
      if (members instanceof Map) {
        members.delete(fact.file);
        if (members.size === 1) keys?.set(entry.key, members.values().next().value as FileFacts);
      } else if (members?.file === fact.file) keys?.delete(entry.key);
      if (keys?.size === 0) this.groups.delete(entry.scope);
      addGroup(touched, entry.scope, entry.key);
      if (entry.code === 'duplicate-slug') {
        const n = (this.slugCounts.get(entry.value) ?? 1) - 1;
        if (n <= 0) this.slugCounts.delete(entry.value);
        else this.slugCounts.set(entry.value, n);
      }
    }
  }

  private setGroupProblems(scope: string, key: string, problems: Problem[]): void {
    let keys = this.groupProblems.get(scope);
    if (problems.length === 0) {
      keys?.delete(key);
      if (keys?.size === 0) this.groupProblems.delete(scope);
      return;
    }
    if (keys === undefined) this.groupProblems.set(scope, (keys = new Map<string, Problem[]>()));
    keys.set(key, problems);
  }

  private recheckGroup(scope: string, key: string): void {
    const members = this.groups.get(scope)?.get(key);
    if (!(members instanceof Map)) {
      this.setGroupProblems(scope, key, []);
      return;
    }
    // Each member contributes only this group's entries; every other slug of the folder is
    // passed as a bystander so the suggested suffix is free folder-wide.
    const scoped: FileFacts[] = [];
    for (const fact of members.values()) scoped.push({ file: fact.file, problems: [], ...NO_FACTS, keyed: fact.keyed.filter((k) => k.scope === scope && k.key === key) });
    if (scope === 'slug') {
      const taken: KeyedValue[] = [];
      for (const value of this.slugCounts.keys()) taken.push({ scope: '\u0000taken', code: 'duplicate-slug', severity: 'info', field: 'slug', value, key: value, line: 1, column: 1 });
      scoped.push({ file: '\u0000taken', problems: [], ...NO_FACTS, keyed: taken });
    }
    this.setGroupProblems(scope, key, crossFileProblems(scoped, new Set()).filter((p) => p.file !== '\u0000taken'));
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
