import { formatFieldPath } from '../frontmatter/field-path';
import { splitFrontMatter } from '../frontmatter/split-front-matter';

interface Container {
  readonly col: number;
  readonly path: readonly (string | number)[];
  readonly seq: boolean;
  next: number;
}

const KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{[\]}&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?))[ \t]*:(?:[ \t]+|$)/;
const BLOCK_SCALAR = /^[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/**
 * Maps each block-style key and list item of a file's front matter to the offset where it is
 * written (the key, or the item's dash), by path text (`a.b.0.c`). One pass over the lines,
 * for locating problems in thousands of files: the editing model is exact but ~5x slower than
 * the whole index parse, so it is only the fallback for what this outline cannot see (flow
 * collections, keys with odd quoting).
 */
export function outlineFrontMatter(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const split = splitFrontMatter(text);
  if (!split.hasFrontMatter) return out;
  const fm = split.frontMatter;
  const base = split.frontMatterOffset;
  const stack: Container[] = [{ col: 0, path: [], seq: false, next: 0 }];
  let pending: readonly (string | number)[] | null = null;
  let scalarCol = -1;
  let start = 0;
  while (start <= fm.length) {
    let end = fm.indexOf('\n', start);
    if (end === -1) end = fm.length;
    const line = fm.slice(start, end).replace(/\r$/, '');
    const content = line.trimStart();
    const col = line.length - content.length;
    const lineStart = start;
    start = end + 1;
    if (content === '' || content.startsWith('#')) continue;
    // Inside a `|` or `>` block scalar everything deeper than its key is text.
    if (scalarCol >= 0 && col > scalarCol) continue;
    scalarCol = -1;
    while (stack.length > 1 && ((stack[stack.length - 1] as Container).col > col || ((stack[stack.length - 1] as Container).seq && (stack[stack.length - 1] as Container).col === col && !content.startsWith('-')))) stack.pop();
    let top = stack[stack.length - 1] as Container;
    if (pending !== null && (col > top.col || (col === top.col && content.startsWith('-') && !top.seq))) {
      top = { col, path: pending, seq: content.startsWith('-'), next: 0 };
      stack.push(top);
    } else if (col > top.col) {
      // A continuation line of a multi-line plain or quoted scalar.
      continue;
    }
    pending = null;
    let rest = content;
    let restCol = col;
    let container = top;
    // A line may open nested items and a map at once: `- - key: value`.
    for (;;) {
      if (rest === '-' || rest.startsWith('- ')) {
        const index = container.next;
        container.next += 1;
        const itemPath = [...container.path, index];
        out.set(formatFieldPath(itemPath), base + lineStart + restCol);
        const after = rest.slice(1).trimStart();
        const afterCol = restCol + (rest.length - after.length);
        if (after === '' || after.startsWith('#')) {
          pending = itemPath;
          break;
        }
        if (BLOCK_SCALAR.test(after)) {
          scalarCol = restCol;
          break;
        }
        if (after === '-' || after.startsWith('- ') || KEY.test(after)) {
          container = { col: afterCol, path: itemPath, seq: after.startsWith('-'), next: 0 };
          stack.push(container);
          rest = after;
          restCol = afterCol;
          continue;
        }
        break;
      }
      const m = KEY.exec(rest);
      if (m === null || container.seq) break;
      const key = m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2] !== undefined ? m[2].replace(/''/g, "'") : (m[3] ?? '').trimEnd();
      const keyPath = [...container.path, key];
      out.set(formatFieldPath(keyPath), base + lineStart + restCol);
      const value = rest.slice(m[0].length);
      if (value === '' || value.startsWith('#') || /^[&!][^\s]*\s*$/.test(value)) pending = keyPath;
      else if (BLOCK_SCALAR.test(value)) scalarCol = restCol;
      break;
    }
  }
  return out;
}
