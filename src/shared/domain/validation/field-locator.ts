import { positionAt } from '../frontmatter/diagnostic';
import { formatFieldPath, parseFieldPath, type FieldPath } from '../frontmatter/field-path';
import { parseFrontMatterDocument, type FrontMatterDocument } from '../frontmatter/front-matter-document';
import { splitFrontMatter } from '../frontmatter/split-front-matter';
import { outlineFrontMatter } from './outline-front-matter';

/** Finds where fields are written in one file, computing its outline only once and only if asked. */
export interface FieldLocator {
  /** 1-based line and column of the field, else of its nearest written ancestor, else of the front matter. */
  locate(path: string | FieldPath): { readonly line: number; readonly column: number };
}

/** Creates a lazy {@link FieldLocator} for a file's text. */
export function createFieldLocator(text: string): FieldLocator {
  let outline: Map<string, number> | undefined;
  let model: FrontMatterDocument | undefined;
  let fallback: number | undefined;
  return {
    locate(path) {
      outline ??= outlineFrontMatter(text);
      const segments = parseFieldPath(path);
      for (let n = segments.length; n > 0; n -= 1) {
        const prefix = segments.slice(0, n);
        let offset = outline.get(formatFieldPath(prefix));
        if (offset === undefined && n === segments.length) {
          // Flow collections and unusual keys: ask the exact (slower) editing model.
          model ??= parseFrontMatterDocument(text);
          offset = model.getField(prefix)?.offset;
        }
        if (offset !== undefined) return positionAt(text, offset);
      }
      fallback ??= splitFrontMatter(text).frontMatterOffset;
      return positionAt(text, fallback);
    },
  };
}
