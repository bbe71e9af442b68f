import { isAlias, isCollection, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { assertNever } from '../../lib/assert-never';
import { createDiagnostic, type FrontMatterDiagnostic, type FrontMatterDiagnosticCode } from './diagnostic';
import { formatFieldPath, parseFieldPath, type FieldPath } from './field-path';
import { locatePath, parseFrontMatterDocument, keyText, type FrontMatterDocument, type PathStep, type YamlDocument } from './front-matter-document';
import { DEFAULT_FRONT_MATTER_LIMITS, type FrontMatterLimits } from './front-matter-limits';
import { blockScalarLines, classifyPlain, renderInlineScalar, renderKey, type PlainValue, type ScalarContext, type ScalarStyle } from './render-scalar';

/** One change a curator makes; paths are `a.b.0.c` strings or segment arrays. */
export type FrontMatterEdit =
  /** Set a value; scalars keep their style, missing maps on the way are created, a missing key is added. */
  | { readonly kind: 'set'; readonly path: string | FieldPath; readonly value: PlainValue }
  /** Add a key that must not exist yet (after its last sibling, in the siblings' style). */
  | { readonly kind: 'add'; readonly path: string | FieldPath; readonly value: PlainValue }
  /** Replace a whole sub-tree, rendered fresh in block style at the surrounding indentation. */
  | { readonly kind: 'replace'; readonly path: string | FieldPath; readonly value: PlainValue }
  /** Delete a key or a list item with its whole lines. */
  | { readonly kind: 'delete'; readonly path: string | FieldPath }
  /** Rename the last key of the path, keeping its value's bytes. */
  | { readonly kind: 'rename'; readonly path: string | FieldPath; readonly newKey: string }
  /** Insert into the list at `path` before `index` (`index === length` appends). */
  | { readonly kind: 'insert-item'; readonly path: string | FieldPath; readonly index: number; readonly value: PlainValue }
  /** Remove item `index` of the list at `path`. */
  | { readonly kind: 'remove-item'; readonly path: string | FieldPath; readonly index: number }
  /** Move item `from` of the list at `path` so it ends up at index `to`. */
  | { readonly kind: 'move-item'; readonly path: string | FieldPath; readonly from: number; readonly to: number };

/** The new full file text, or why the edit could not be made (the file is then unchanged). */
export type EditOutcome = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly diagnostic: FrontMatterDiagnostic };

/** Thrown inside this module only, to unwind to `editFrontMatter`, which turns it into a diagnostic. */
class EditRefusal extends Error {
  constructor(
    readonly code: FrontMatterDiagnosticCode,
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

function refuse(code: FrontMatterDiagnosticCode, message: string, at = 0): never {
  throw new EditRefusal(code, message, at);
}

/** A text splice inside the front matter (offsets relative to the front matter text). */
interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What every edit needs: the front matter source, the model, and the file's writing habits. */
interface EditContext {
  readonly src: string;
  readonly doc: YamlDocument;
  readonly fallbackEol: string;
  readonly mapIndent: number;
  readonly seqIndent: number;
}

/**
 * Applies edits as text splices on the original file: only the bytes of the edited values change,
 * the body and everything else stay byte-identical. Each edit is re-parsed and checked (the new
 * value must read back as given, no new errors), so a wrong splice is refused, never saved.
 */
export function editFrontMatter(
  text: string,
  edits: FrontMatterEdit | readonly FrontMatterEdit[],
  limits: FrontMatterLimits = DEFAULT_FRONT_MATTER_LIMITS,
): EditOutcome {
  const outcome = editFrontMatterDocument(parseFrontMatterDocument(text, limits), edits, limits);
  return outcome.ok ? { ok: true, value: outcome.value } : outcome;
}

/** The new full file text with its parsed model, or why the edit could not be made. */
export type DocumentEditOutcome = { readonly ok: true; readonly value: string; readonly model: FrontMatterDocument } | Extract<EditOutcome, { ok: false }>;

/**
 * `editFrontMatter` on a model the caller already holds (parsed with the same `limits`), returning
 * the model of the new text too: the verifying parse of the last edit is that model, so an editor
 * that keeps it needs no parse of its own before the next edit, and none here either.
 */
export function editFrontMatterDocument(
  model: FrontMatterDocument,
  edits: FrontMatterEdit | readonly FrontMatterEdit[],
  limits: FrontMatterLimits = DEFAULT_FRONT_MATTER_LIMITS,
): DocumentEditOutcome {
  const list: readonly FrontMatterEdit[] = Array.isArray(edits) ? edits : [edits as FrontMatterEdit];
  const together = list.length > 1 ? applyScalarSetsTogether(model, list, limits) : null;
  if (together !== null) return together;
  let current = model.text;
  // The parse that verifies one edit is the model the next edit splices into: a batch (a field
  // and its mirrors, typed at every keystroke) costs one parse per edit, not two per edit.
  let latest = model;
  for (const edit of list) {
    const outcome = applyOne(current, latest, edit, limits);
    if (!outcome.ok) return outcome;
    current = outcome.value;
    latest = outcome.model;
  }
  return { ok: true, value: current, model: latest };
}

type AppliedEdit = { readonly ok: true; readonly value: string; readonly model: FrontMatterDocument } | Extract<EditOutcome, { ok: false }>;

function applyOne(text: string, model: FrontMatterDocument, edit: FrontMatterEdit, limits: FrontMatterLimits): AppliedEdit {
  const fail = (code: FrontMatterDiagnosticCode, message: string, at: number): Extract<EditOutcome, { ok: false }> => ({
    ok: false,
    diagnostic: createDiagnostic(text, code, 'error', message, at, at, formatFieldPath(parseFieldPath(edit.path))),
  });
  if (!model.editable) {
    const first = model.diagnostics.find((d) => d.severity === 'error');
    return fail('read-only', `The front matter cannot be edited until this is fixed: ${first?.message ?? 'unknown problem'}`, first?.offset ?? 0);
  }
  try {
    validateValue(edit);
    const next = model.split.hasFrontMatter && model.yaml !== null ? spliceEdit(model, edit) : createFrontMatter(model, edit);
    return { ok: true, value: next, model: verify(next, edit, limits) };
  } catch (error) {
    if (error instanceof EditRefusal) return fail(error.code, error.message, model.split.frontMatterOffset + error.at);
    return fail('invalid-edit', `The edit could not be applied: ${error instanceof Error ? error.message : String(error)}`, model.split.frontMatterOffset);
  }
}

/**
 * A batch of scalar `set`s on existing, unrelated fields (a field and its mirrors, at every
 * keystroke) spliced into the text at once and verified by one parse, instead of a parse per edit:
 * in a 40-key, 20-card item that parse is most of a keystroke's work. Each splice only rewrites
 * its own scalar's bytes, computed from that scalar's node, so when no two splices touch the
 * result is byte for byte what applying them one after another gives. Returns null (the caller
 * then applies them one by one, which also names the edit at fault) for any other batch, or when
 * the combined result does not verify.
 */
function applyScalarSetsTogether(model: FrontMatterDocument, list: readonly FrontMatterEdit[], limits: FrontMatterLimits): DocumentEditOutcome | null {
  if (!model.editable || !model.split.hasFrontMatter || model.yaml === null) return null;
  const paths: string[] = [];
  for (const edit of list) {
    if (edit.kind !== 'set' || (edit.value !== null && typeof edit.value === 'object')) return null;
    const path = formatFieldPath(parseFieldPath(edit.path));
    if (model.getField(path) === undefined) return null;
    paths.push(path);
  }
  // The same field twice, or one inside another: the order of the edits would matter.
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i += 1) {
    const [a, b] = [sorted[i - 1] as string, sorted[i] as string];
    if (a === b || b.startsWith(`${a}.`)) return null;
  }
  try {
    list.forEach(validateValue);
    const doc = model.yaml;
    const src = model.split.frontMatter;
    const ctx: EditContext = { src, doc, fallbackEol: model.split.newline, ...detectIndents(doc, src) };
    const splices = list.flatMap((edit) => planEdit(ctx, edit)).sort((a, b) => a.start - b.start);
    for (let i = 1; i < splices.length; i += 1) if ((splices[i - 1] as Splice).end >= (splices[i] as Splice).start) return null;
    let out = src;
    for (let i = splices.length - 1; i >= 0; i -= 1) {
      const { start, end, text } = splices[i] as Splice;
      out = out.slice(0, start) + text + out.slice(end);
    }
    const at = model.split.frontMatterOffset;
    const next = model.text.slice(0, at) + out + model.text.slice(at + src.length);
    const parsed = parseFrontMatterDocument(next, limits);
    if (!parsed.editable || list.some((edit) => edit.kind === 'set' && !deepEqual(parsed.getValue(edit.path), edit.value))) return null;
    return { ok: true, value: next, model: parsed };
  } catch {
    return null;
  }
}

function validateValue(edit: FrontMatterEdit): void {
  if (!('value' in edit)) return;
  const seen = new Set<object>();
  const check = (v: unknown): void => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return;
    if (typeof v !== 'object') refuse('invalid-edit', `A ${typeof v} cannot be written to front matter.`);
    if (seen.has(v)) refuse('invalid-edit', 'The value refers to itself.');
    seen.add(v);
    if (Array.isArray(v)) v.forEach(check);
    else if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) Object.values(v).forEach(check);
    else refuse('invalid-edit', 'Only plain data (text, numbers, booleans, null, lists, objects) can be written.');
    seen.delete(v);
  };
  check(edit.value);
}

/** Re-parses the result: the edit must not introduce errors and must read back as intended. */
function verify(next: string, edit: FrontMatterEdit, limits: FrontMatterLimits): FrontMatterDocument {
  const model = parseFrontMatterDocument(next, limits);
  if (!model.editable) refuse('invalid-edit', 'The edit would make the front matter invalid, so it was not applied.');
  const path = parseFieldPath(edit.path);
  if (edit.kind === 'set' || edit.kind === 'add' || edit.kind === 'replace') {
    if (!deepEqual(model.getValue(path), edit.value)) refuse('invalid-edit', 'The edit did not read back as the value given, so it was not applied.');
  } else if (edit.kind === 'insert-item') {
    if (!deepEqual(model.getValue([...path, edit.index]), edit.value))
      refuse('invalid-edit', 'The new item did not read back as given, so it was not applied.');
  }
  return model;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || a === b;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** A file without front matter gets a new block at the very top (after a BOM). */
function createFrontMatter(model: FrontMatterDocument, edit: FrontMatterEdit): string {
  if (model.split.hasFrontMatter) refuse('read-only', 'The front matter cannot be edited.');
  if (edit.kind !== 'set' && edit.kind !== 'add' && edit.kind !== 'replace') refuse('path-not-found', 'The file has no front matter yet.');
  const path = parseFieldPath(edit.path);
  if (path.length === 0 || typeof path[0] !== 'string') refuse('invalid-edit', 'Front matter must start with a named field.');
  const eol = model.split.newline;
  const ctx: EditContext = { src: '', doc: null as unknown as YamlDocument, fallbackEol: eol, mapIndent: 2, seqIndent: 2 };
  const value = nestValue(path.slice(1), edit.value);
  const body = renderEntries({ [path[0]]: value }, 0, ctx, eol);
  const { bom, body: rest } = model.split;
  return `${bom}---${eol}${body}---${eol}${rest}`;
}

/** Builds `{b: {c: value}}` (or `[value]` for index 0) for the part of a path that does not exist yet. */
function nestValue(rest: FieldPath, value: PlainValue): PlainValue {
  let out = value;
  for (let i = rest.length - 1; i >= 0; i -= 1) {
    const seg = rest[i] as string | number;
    if (typeof seg === 'number') {
      if (seg !== 0) refuse('path-not-found', `List item ${seg} does not exist.`);
      out = [out];
    } else {
      out = { [seg]: out };
    }
  }
  return out;
}

function spliceEdit(model: FrontMatterDocument, edit: FrontMatterEdit): string {
  const doc = model.yaml as YamlDocument;
  const src = model.split.frontMatter;
  const indents = detectIndents(doc, src);
  const ctx: EditContext = { src, doc, fallbackEol: model.split.newline, ...indents };
  const splices = planEdit(ctx, edit);
  let out = src;
  for (const s of [...splices].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  const { frontMatterOffset: at } = model.split;
  return model.text.slice(0, at) + out + model.text.slice(at + src.length);
}

function planEdit(ctx: EditContext, edit: FrontMatterEdit): Splice[] {
  const path = parseFieldPath(edit.path);
  const steps = locatePath(ctx.doc, path);
  const found = steps.length === path.length + 1;
  const target = steps[steps.length - 1] as PathStep;
  switch (edit.kind) {
    case 'set':
      if (!found) return addMissing(ctx, path, steps, edit.value);
      return setValue(ctx, steps, edit.value, false);
    case 'add':
      if (found) refuse('invalid-edit', `The field "${formatFieldPath(path)}" already exists.`, target.node?.range?.[0] ?? 0);
      return addMissing(ctx, path, steps, edit.value);
    case 'replace':
      if (!found) return addMissing(ctx, path, steps, edit.value);
      return setValue(ctx, steps, edit.value, true);
    case 'delete':
      if (!found || path.length === 0) refuse('path-not-found', `There is no field "${formatFieldPath(path)}".`);
      return deleteEntry(ctx, steps);
    case 'rename':
      return rename(ctx, found, steps, edit.newKey, path);
    case 'insert-item':
      return insertItem(ctx, requireSeq(found, target, path), edit.index, edit.value);
    case 'remove-item': {
      const seq = requireSeq(found, target, path);
      if (!Number.isInteger(edit.index) || edit.index < 0 || edit.index >= seq.items.length)
        refuse('path-not-found', `List item ${edit.index} does not exist.`, seq.range?.[0] ?? 0);
      return deleteEntry(ctx, [...steps, { node: (seq.items[edit.index] as Node | null) ?? null, index: edit.index }]);
    }
    case 'move-item':
      return moveItem(ctx, requireSeq(found, target, path), edit.from, edit.to);
    default:
      return assertNever(edit, 'edit');
  }
}

function requireSeq(found: boolean, target: PathStep, path: FieldPath): YAMLSeq<Node | null> {
  if (!found || !isSeq(target.node)) refuse('path-not-found', `There is no list at "${formatFieldPath(path)}".`, target.node?.range?.[0] ?? 0);
  return target.node as YAMLSeq<Node | null>;
}

// ---------------------------------------------------------------------------------------------
// Text geometry helpers (all offsets are inside the front matter text).

function lineStart(src: string, pos: number): number {
  return src.lastIndexOf('\n', pos - 1) + 1;
}

/** The offset just after the line break of the line containing `pos` (or `pos` if already at a line start). */
function toLineEnd(src: string, pos: number): number {
  if (pos > 0 && src[pos - 1] === '\n') return pos;
  const nl = src.indexOf('\n', pos);
  return nl === -1 ? src.length : nl + 1;
}

/** The line ending used by the line containing `pos`, so mixed files keep each region's habit. */
function eolAt(ctx: EditContext, pos: number): string {
  const nl = ctx.src.indexOf('\n', pos);
  if (nl === -1) return ctx.fallbackEol;
  return nl > 0 && ctx.src[nl - 1] === '\r' ? '\r\n' : '\n';
}

function column(src: string, pos: number): number {
  return pos - lineStart(src, pos);
}

function onlySpacesBefore(src: string, pos: number): boolean {
  return /^[ \t]*$/.test(src.slice(lineStart(src, pos), pos));
}

function pad(n: number): string {
  return ' '.repeat(n);
}

function rangeOf(node: Node | null | undefined): [number, number, number] {
  const r = node?.range;
  return r ? [r[0], r[1], r[2]] : [0, 0, 0];
}

/** Where a value's entry (its last line) ends: block collections end at their last value, never at trailing comments. */
function nodeEnd(ctx: EditContext, node: Node | null): number {
  const [, valueEnd, end] = rangeOf(node);
  const stop = isCollection(node) && !node.flow ? valueEnd : end;
  return toLineEnd(ctx.src, stop);
}

/** The `-` of a block sequence item, found by scanning back from the item's value. */
function dashOf(ctx: EditContext, item: Node | null, seq: YAMLSeq<Node | null>, index: number): number {
  let pos = item === null ? rangeOf(seq.items[index + 1] ?? null)[0] : rangeOf(item)[0];
  if (item !== null && (item.anchor !== undefined || item.tag !== undefined)) pos = propsStart(ctx, pos);
  pos -= 1;
  while (pos >= 0 && /\s/.test(ctx.src[pos] ?? '')) pos -= 1;
  if (ctx.src[pos] !== '-') refuse('invalid-edit', 'This list item is written in a way Folio cannot edit in place.', rangeOf(item)[0]);
  return pos;
}

/** Scans back over `&anchor !tag` properties written before a value. */
function propsStart(ctx: EditContext, pos: number): number {
  const before = ctx.src.slice(lineStart(ctx.src, pos), pos);
  const m = /((?:[&!][^\s]*\s+)+)$/.exec(before);
  return m ? pos - m[0].length : pos;
}

/** Detects how this file indents nested maps and lists under a key (the seed uses 2 and 2). */
function detectIndents(doc: YamlDocument, src: string): { mapIndent: number; seqIndent: number } {
  let mapIndent = -1;
  let seqIndent = -1;
  const stack: Node[] = doc.contents ? [doc.contents] : [];
  let budget = 2000;
  while (stack.length > 0 && budget-- > 0 && (mapIndent < 0 || seqIndent < 0)) {
    const node = stack.pop() as Node;
    if (!isMap(node) || node.flow) {
      if (isSeq(node)) for (const it of node.items) if (isCollection(it)) stack.push(it);
      continue;
    }
    for (const pair of node.items as Pair<Node, Node | null>[]) {
      const value = pair.value;
      if (!isCollection(value) || value.flow || !onlySpacesBefore(src, rangeOf(pair.key)[0])) continue;
      const keyCol = column(src, rangeOf(pair.key)[0]);
      const childCol = column(src, rangeOf(value)[0]);
      if (isMap(value) && mapIndent < 0 && childCol > keyCol) mapIndent = childCol - keyCol;
      if (isSeq(value) && seqIndent < 0) seqIndent = childCol - keyCol;
      stack.push(value);
    }
  }
  return { mapIndent: mapIndent > 0 ? mapIndent : 2, seqIndent: seqIndent >= 0 ? seqIndent : 2 };
}

// ---------------------------------------------------------------------------------------------
// Rendering new values.

function isPrimitive(v: PlainValue): v is string | number | boolean | null {
  return v === null || typeof v !== 'object';
}

/** A new scalar in block context, at content indentation `indent` if it must become a literal block. */
function renderNewScalar(value: string | number | boolean | null, indent: number, eol: string, style?: ScalarStyle): string {
  if (typeof value === 'string' && value.includes('\n')) {
    const block = blockScalarLines(value, 'block-literal', Infinity);
    if (block !== null) return `|${block.chomp}${eol}${block.lines.map((l) => (l === '' ? '' : pad(indent) + l) + eol).join('')}`;
  }
  return renderInlineScalar(value, style === undefined ? { inFlow: false } : { inFlow: false, style }) + eol;
}

/** Text that follows `key:` for a value, starting with a space or a line break, ending with a line break. */
function renderAfterKey(value: PlainValue, keyCol: number, ctx: EditContext, eol: string): string {
  if (isPrimitive(value)) return ` ${renderNewScalar(value, keyCol + ctx.mapIndent, eol)}`;
  if (Array.isArray(value)) return value.length === 0 ? ` []${eol}` : eol + renderItems(value, keyCol + ctx.seqIndent, ctx, eol);
  const entries = value as { readonly [key: string]: PlainValue };
  return Object.keys(entries).length === 0 ? ` {}${eol}` : eol + renderEntries(entries, keyCol + ctx.mapIndent, ctx, eol);
}

/** Text that follows a list `-` at column `dashCol`. */
function renderAfterDash(value: PlainValue, dashCol: number, ctx: EditContext, eol: string, style?: ScalarStyle): string {
  if (isPrimitive(value)) return ` ${renderNewScalar(value, dashCol + 2, eol, style)}`;
  const isList = Array.isArray(value);
  if ((isList ? (value as readonly PlainValue[]).length : Object.keys(value).length) === 0) return isList ? ` []${eol}` : ` {}${eol}`;
  // Compact form `- key: v` / `- - x`: the first child shares the dash's line, as the seed writes it.
  const lines = isList
    ? renderItems(value as readonly PlainValue[], dashCol + 2, ctx, eol)
    : renderEntries(value as { readonly [key: string]: PlainValue }, dashCol + 2, ctx, eol);
  return ` ${lines.slice(dashCol + 2)}`;
}

function renderItems(items: readonly PlainValue[], col: number, ctx: EditContext, eol: string): string {
  return items.map((item) => `${pad(col)}-${renderAfterDash(item, col, ctx, eol)}`).join('');
}

function renderEntries(entries: { readonly [key: string]: PlainValue }, col: number, ctx: EditContext, eol: string): string {
  return Object.keys(entries)
    .map((k) => `${pad(col)}${renderKey(k)}:${renderAfterKey(entries[k] as PlainValue, col, ctx, eol)}`)
    .join('');
}

/** One-line flow rendering for values inside `[...]` / `{...}`. */
function renderFlow(value: PlainValue, style?: ScalarStyle): string {
  if (isPrimitive(value)) return renderInlineScalar(value, style === undefined ? { inFlow: true } : { inFlow: true, style });
  if (Array.isArray(value)) return `[${(value as readonly PlainValue[]).map((v) => renderFlow(v)).join(', ')}]`;
  const entries = value as { readonly [key: string]: PlainValue };
  const keys = Object.keys(entries);
  return keys.length === 0 ? '{}' : `{ ${keys.map((k) => `${renderKey(k)}: ${renderFlow(entries[k] as PlainValue)}`).join(', ')} }`;
}

// ---------------------------------------------------------------------------------------------
// Edits.

/** The collection holding the last step's node, and whether any ancestor is a flow collection. */
function parentOf(steps: readonly PathStep[]): { parent: Node | null; inFlow: boolean } {
  const parent = steps.length >= 2 ? (steps[steps.length - 2] as PathStep).node : null;
  const inFlow = steps.slice(0, -1).some((s) => isCollection(s.node) && s.node.flow === true);
  return { parent, inFlow };
}

/** The column a child value is laid out from: the key's column in a map, the dash's in a list. */
function anchorColumn(ctx: EditContext, steps: readonly PathStep[]): { col: number; dash: boolean } {
  const step = steps[steps.length - 1] as PathStep;
  const { parent } = parentOf(steps);
  if (step.pair) return { col: column(ctx.src, rangeOf(step.pair.key)[0]), dash: false };
  const seq = parent as YAMLSeq<Node | null>;
  return { col: column(ctx.src, dashOf(ctx, step.node, seq, step.index ?? 0)), dash: true };
}

function setValue(ctx: EditContext, steps: readonly PathStep[], value: PlainValue, forceBlock: boolean): Splice[] {
  const step = steps[steps.length - 1] as PathStep;
  const node = step.node;
  const { inFlow } = parentOf(steps);
  if (steps.length === 1) {
    // The root: only a whole replacement makes sense.
    if (isPrimitive(value) || Array.isArray(value)) refuse('not-a-mapping', 'The front matter must stay a map of fields.');
    const eol = eolAt(ctx, 0);
    return [{ start: 0, end: ctx.src.length, text: renderEntries(value as { readonly [key: string]: PlainValue }, 0, ctx, eol) }];
  }
  if (inFlow) {
    const [start, end] = rangeOf(node);
    return [{ start, end, text: renderFlow(value, isScalar(node) ? scalarStyle(node) : undefined) }];
  }
  if (isScalar(node) && isPrimitive(value) && !forceBlock) return setScalar(ctx, steps, node, value);
  if (isCollection(node) && node.flow === true && !isPrimitive(value) && !forceBlock) {
    const [start, end] = rangeOf(node);
    return [{ start, end, text: renderFlow(value) }];
  }
  return replaceSlot(ctx, steps, value);
}

function scalarStyle(node: Node): ScalarStyle | undefined {
  if (!isScalar(node)) return undefined;
  switch (node.type) {
    case 'QUOTE_SINGLE':
      return 'single-quoted';
    case 'QUOTE_DOUBLE':
      return 'double-quoted';
    case 'BLOCK_FOLDED':
      return 'block-folded';
    case 'BLOCK_LITERAL':
      return 'block-literal';
    default:
      return 'plain';
  }
}

/** Replaces everything after `key:` / `-` up to the end of the value's last line with a fresh rendering. */
function replaceSlot(ctx: EditContext, steps: readonly PathStep[], value: PlainValue): Splice[] {
  const step = steps[steps.length - 1] as PathStep;
  const node = step.node;
  const { col, dash } = anchorColumn(ctx, steps);
  let start: number;
  if (dash) {
    start = dashOf(ctx, node, parentOf(steps).parent as YAMLSeq<Node | null>, step.index ?? 0) + 1;
  } else {
    const keyEnd = rangeOf(step.pair?.key)[1];
    start = ctx.src.indexOf(':', keyEnd) + 1;
    if (start === 0) refuse('invalid-edit', 'This field is written in a way Folio cannot edit in place.', keyEnd);
  }
  const end = node === null ? toLineEnd(ctx.src, start) : nodeEnd(ctx, node);
  const eol = eolAt(ctx, start);
  let text = dash ? renderAfterDash(value, col, ctx, eol) : renderAfterKey(value, col, ctx, eol);
  // Keep the seq's own indentation habit when a block list is replaced by a list.
  if (!dash && isSeq(node) && !node.flow && Array.isArray(value) && value.length > 0) {
    text = eol + renderItems(value as readonly PlainValue[], column(ctx.src, rangeOf(node)[0]), ctx, eol);
  }
  if (end === ctx.src.length && !ctx.src.endsWith('\n')) text = text.slice(0, text.length - eol.length);
  return [{ start, end, text }];
}

function setScalar(ctx: EditContext, steps: readonly PathStep[], node: Node, value: string | number | boolean | null): Splice[] {
  if (!isScalar(node)) return replaceSlot(ctx, steps, value);
  if (Object.is(node.value, value) || (node.value === null && value === null)) return [];
  const style = scalarStyle(node) ?? 'plain';
  const [start, valueEnd] = rangeOf(node);
  const source = ctx.src.slice(start, valueEnd);
  if (style === 'block-folded' || style === 'block-literal') {
    if (typeof value === 'string') {
      const block = rewriteBlockScalar(ctx, steps, node, style, value);
      if (block !== null) return [block];
    }
    const eol = eolAt(ctx, start);
    const inline = renderInlineScalar(value, { inFlow: false });
    return [{ start, end: valueEnd, text: ctx.src[valueEnd - 1] === '\n' ? inline + eol : inline }];
  }
  const scalarCtx: ScalarContext = { inFlow: false, style, originalClass: style === 'plain' ? classifyPlain(source) : 'string' };
  let text = renderInlineScalar(value, scalarCtx);
  // `key:` with nothing after it: the value needs its separating space.
  if (start === valueEnd && /[:-]/.test(ctx.src[start - 1] ?? '')) text = ` ${text}`;
  return [{ start, end: valueEnd, text }];
}

/** Rewrites a `>`/`|` block keeping its header, indentation and (folded) line width. */
function rewriteBlockScalar(ctx: EditContext, steps: readonly PathStep[], node: Node, style: 'block-folded' | 'block-literal', value: string): Splice | null {
  const [start, valueEnd] = rangeOf(node);
  const headerEnd = toLineEnd(ctx.src, start);
  const headerLine = ctx.src.slice(start, headerEnd).replace(/\r?\n$/, '');
  const header = /^([|>])([1-9]?)([-+]?)([1-9]?)(.*)$/.exec(headerLine);
  if (header === null) return null;
  const explicit = Number(header[2] || header[4] || 0);
  const contentLines = ctx.src
    .slice(headerEnd, valueEnd)
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l, i, all) => i < all.length - 1 || l !== '');
  const { col } = anchorColumn(ctx, steps);
  const firstIndent = contentLines.find((l) => l.trim() !== '')?.match(/^ */)?.[0].length;
  const indent = explicit > 0 ? col + explicit : (firstIndent ?? col + 2);
  const width = foldWidth(contentLines, indent);
  const block = blockScalarLines(value, style, width);
  if (block === null) return null;
  const eol = eolAt(ctx, start);
  const indicator = `${header[1] ?? '>'}${explicit > 0 ? String(explicit) : ''}${block.chomp}${header[5] ?? ''}`;
  const body = block.lines.map((l) => (l === '' ? '' : pad(indent) + l) + eol).join('');
  const endsWithEol = ctx.src[valueEnd - 1] === '\n';
  const text = `${indicator}${eol}${body}`;
  return { start, end: valueEnd, text: endsWithEol || body === '' ? text : text.slice(0, text.length - eol.length) };
}

/**
 * Infers the width the original folded block was wrapped at: at least its longest line, less than
 * any line plus the word that was pushed to the next line. Prefers 80 columns (js-yaml's default).
 */
function foldWidth(lines: readonly string[], indent: number): number {
  const content = lines.map((l) => l.slice(Math.min(indent, l.match(/^ */)?.[0].length ?? 0)));
  let lower = 0;
  let upper = Infinity;
  content.forEach((line, i) => {
    lower = Math.max(lower, line.length);
    const next = content[i + 1];
    if (line !== '' && next !== undefined && next !== '' && !next.startsWith(' ')) {
      upper = Math.min(upper, line.length + (next.split(' ')[0]?.length ?? 0));
    }
  });
  const preferred = Math.max(20, 80 - indent);
  if (upper < lower) return lower;
  return Math.min(Math.max(preferred, lower), upper);
}

/** Adds what is missing of `path` under its deepest existing ancestor. */
function addMissing(ctx: EditContext, path: FieldPath, steps: readonly PathStep[], value: PlainValue): Splice[] {
  const existing = steps.length - 1;
  const parentStep = steps[existing] as PathStep;
  const parent = parentStep.node;
  const seg = path[existing] as string | number;
  const nested = nestValue(path.slice(existing + 1), value);
  if (parent === null || (isScalar(parent) && parent.value === null)) {
    // `key:` or `key: null` becomes a map or list holding the new value.
    const created = typeof seg === 'number' ? nestValue([seg], nested) : { [seg]: nested };
    if (existing === 0)
      return [{ start: ctx.src.length, end: ctx.src.length, text: renderEntries(created as { readonly [key: string]: PlainValue }, 0, ctx, ctx.fallbackEol) }];
    return setValue(ctx, steps, created, true);
  }
  if (isMap(parent)) {
    if (typeof seg !== 'string' && !Number.isInteger(seg)) refuse('path-not-found', 'Invalid field name.');
    return addPair(ctx, parent as YAMLMap<Node, Node | null>, String(seg), nested);
  }
  if (isSeq(parent) && seg === parent.items.length) return insertItem(ctx, parent as YAMLSeq<Node | null>, seg, nested);
  return refuse('path-not-found', `"${formatFieldPath(path.slice(0, existing + 1))}" does not exist and cannot be created there.`, rangeOf(parent)[0]);
}

function addPair(ctx: EditContext, map: YAMLMap<Node, Node | null>, key: string, value: PlainValue): Splice[] {
  const items = map.items;
  if (map.flow === true) {
    const close = rangeOf(map)[1] - 1;
    const entry = `${renderKey(key)}: ${renderFlow(value)}`;
    if (items.length === 0) return [{ start: close, end: close, text: entry }];
    const last = items[items.length - 1] as Pair<Node, Node | null>;
    const after = last.value ? rangeOf(last.value)[1] : rangeOf(last.key)[1];
    return [{ start: after, end: after, text: `, ${entry}` }];
  }
  const last = items[items.length - 1] as Pair<Node, Node | null>;
  const keyStart = rangeOf(last.key)[0];
  const col = column(ctx.src, keyStart);
  const at = last.value ? nodeEnd(ctx, last.value) : toLineEnd(ctx.src, rangeOf(last.key)[2]);
  const eol = eolAt(ctx, keyStart);
  const lead = at === ctx.src.length && !ctx.src.endsWith('\n') && ctx.src !== '' ? eol : '';
  return [{ start: at, end: at, text: `${lead}${pad(col)}${renderKey(key)}:${renderAfterKey(value, col, ctx, eol)}` }];
}

function insertItem(ctx: EditContext, seq: YAMLSeq<Node | null>, index: number, value: PlainValue): Splice[] {
  const items = seq.items;
  if (!Number.isInteger(index) || index < 0 || index > items.length)
    refuse('path-not-found', `A list item cannot be inserted at position ${index}.`, rangeOf(seq)[0]);
  // New text items follow the quoting of their neighbours ('KLAS: ...' lists stay single-quoted).
  const neighbour = items[Math.min(index, items.length - 1)] ?? null;
  const style = isScalar(neighbour) ? scalarStyle(neighbour) : undefined;
  const sameStyle = style === 'single-quoted' || style === 'double-quoted' ? style : undefined;
  if (seq.flow === true) {
    const text = renderFlow(value, sameStyle);
    if (items.length === 0) {
      const at = rangeOf(seq)[0] + 1;
      return [{ start: at, end: at, text }];
    }
    if (index < items.length) {
      const at = rangeOf(items[index])[0];
      return [{ start: at, end: at, text: `${text}, ` }];
    }
    const at = rangeOf(items[items.length - 1])[1];
    return [{ start: at, end: at, text: `, ${text}` }];
  }
  const refIndex = Math.min(index, items.length - 1);
  const dash = dashOf(ctx, items[refIndex] ?? null, seq, refIndex);
  if (!onlySpacesBefore(ctx.src, dash)) refuse('invalid-edit', 'This list is written in a compact form Folio cannot extend in place.', dash);
  const col = column(ctx.src, dash);
  const eol = eolAt(ctx, dash);
  const text = `${pad(col)}-${renderAfterDash(value, col, ctx, eol, sameStyle)}`;
  const at = index < items.length ? lineStart(ctx.src, dash) : nodeEnd(ctx, items[items.length - 1] ?? null);
  const lead = at === ctx.src.length && !ctx.src.endsWith('\n') ? eol : '';
  return [{ start: at, end: at, text: lead + text }];
}

/** Span of one entry of a collection: whole lines in block style, the item plus one comma in flow style. */
function entrySpan(ctx: EditContext, collection: YAMLMap | YAMLSeq, index: number): { start: number; end: number; compact: boolean } {
  const items = collection.items as (Pair<Node, Node | null> | Node | null)[];
  const item = items[index] ?? null;
  const headOf = (it: Pair<Node, Node | null> | Node | null, i: number): number =>
    isMap(collection) ? rangeOf((it as Pair<Node, Node | null>).key)[0] : dashOf(ctx, it as Node | null, collection as YAMLSeq<Node | null>, i);
  const tailOf = (it: Pair<Node, Node | null> | Node | null): number => {
    const node = isMap(collection) ? ((it as Pair<Node, Node | null>).value ?? (it as Pair<Node, Node | null>).key) : (it as Node | null);
    return node === null ? 0 : rangeOf(node)[1];
  };
  if (collection.flow === true) {
    const start = isMap(collection) ? headOf(item, index) : rangeOf(item as Node)[0];
    const end = tailOf(item);
    if (index < items.length - 1) {
      const nextStart = isMap(collection) ? headOf(items[index + 1] ?? null, index + 1) : rangeOf(items[index + 1] as Node)[0];
      return { start, end: nextStart, compact: false };
    }
    if (index > 0) return { start: tailOf(items[index - 1] ?? null), end, compact: false };
    return { start, end, compact: false };
  }
  const head = headOf(item, index);
  if (!onlySpacesBefore(ctx.src, head)) {
    // `- key: v` first pair, or `- - x` first item: the line belongs to the parent too.
    if (index + 1 < items.length) return { start: head, end: headOf(items[index + 1] ?? null, index + 1), compact: true };
    return { start: head, end: head, compact: true };
  }
  const valueNode = isMap(collection) ? (item as Pair<Node, Node | null>).value : (item as Node | null);
  const end =
    valueNode === null ? toLineEnd(ctx.src, isMap(collection) ? rangeOf((item as Pair<Node, Node | null>).key)[2] : head + 1) : nodeEnd(ctx, valueNode);
  return { start: lineStart(ctx.src, head), end, compact: false };
}

function deleteEntry(ctx: EditContext, steps: readonly PathStep[]): Splice[] {
  const step = steps[steps.length - 1] as PathStep;
  const { parent } = parentOf(steps);
  const collection = parent as YAMLMap | YAMLSeq;
  const index = step.pair ? (collection.items as unknown[]).indexOf(step.pair) : (step.index ?? 0);
  // Removing the only entry of a nested collection leaves `key: {}` / `key: []`, never a null.
  if (collection.items.length === 1 && steps.length > 2 && collection.flow !== true) {
    return setValue(ctx, steps.slice(0, -1), isMap(collection) ? {} : [], true);
  }
  const span = entrySpan(ctx, collection, index);
  if (span.compact && span.start === span.end) refuse('invalid-edit', 'This entry is written in a compact form Folio cannot remove in place.', span.start);
  return [{ start: span.start, end: span.end, text: '' }];
}

function moveItem(ctx: EditContext, seq: YAMLSeq<Node | null>, from: number, to: number): Splice[] {
  const n = seq.items.length;
  if (![from, to].every((i) => Number.isInteger(i) && i >= 0 && i < n)) refuse('path-not-found', `List items ${from} -> ${to} do not exist.`, rangeOf(seq)[0]);
  if (from === to) return [];
  let spans: { start: number; end: number }[];
  if (seq.flow === true) {
    spans = seq.items.map((it) => ({ start: rangeOf(it)[0], end: rangeOf(it)[1] }));
  } else {
    const block = seq.items.map((_, i) => entrySpan(ctx, seq, i));
    spans = block;
    // Whole lines only: every moved item must end with its own line break.
    if (block.some((s, i) => s.compact || !ctx.src.slice(s.start, s.end).endsWith('\n') || (i > 0 && s.start < (block[i - 1] as { end: number }).end))) {
      refuse('invalid-edit', 'This list is written in a compact form Folio cannot reorder in place.', rangeOf(seq)[0]);
    }
  }
  const order = seq.items.map((_, i) => i);
  order.splice(to, 0, ...order.splice(from, 1));
  // Item texts move; the gaps between them (comments, separators) stay where they were.
  const first = spans[0] as { start: number };
  const last = spans[n - 1] as { end: number };
  let text = '';
  for (let i = 0; i < n; i += 1) {
    const s = spans[order[i] as number] as { start: number; end: number };
    text += ctx.src.slice(s.start, s.end);
    if (i < n - 1) text += ctx.src.slice((spans[i] as { end: number }).end, (spans[i + 1] as { start: number }).start);
  }
  return [{ start: first.start, end: last.end, text }];
}

function rename(ctx: EditContext, found: boolean, steps: readonly PathStep[], newKey: string, path: FieldPath): Splice[] {
  const step = steps[steps.length - 1] as PathStep;
  if (!found || step.pair === undefined) refuse('path-not-found', `There is no field "${formatFieldPath(path)}" to rename.`);
  const map = parentOf(steps).parent as YAMLMap<Node, Node | null>;
  if (map.items.some((p) => p !== step.pair && keyText(p.key) === newKey)) {
    refuse('duplicate-key', `A field named "${newKey}" already exists here.`, rangeOf(step.pair.key)[0]);
  }
  if (newKey === '') refuse('invalid-edit', 'A field name cannot be empty.');
  const [start, end] = rangeOf(step.pair.key);
  if (isAlias(step.pair.key) || !isScalar(step.pair.key)) refuse('invalid-edit', 'This key cannot be renamed in place.', start);
  return [{ start, end, text: renderKey(newKey) }];
}
