import type { FrontMatterEdit } from '../frontmatter/edit-front-matter';
import type { QuickFix } from './problem';

/** The front matter edit that applies a quick fix: always a `set`, so only that value's bytes change. */
export function quickFixToEdit(fix: QuickFix): FrontMatterEdit {
  return { kind: 'set', path: fix.field, value: fix.value };
}
