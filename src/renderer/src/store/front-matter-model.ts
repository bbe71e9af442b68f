import { parseFrontMatterDocument, type FrontMatterDocument } from '../../../shared/domain/frontmatter';

let last: FrontMatterDocument | null = null;

/**
 * The parsed model of `text`, parsed once per text version: the form's fields and the store's
 * edits share it, so a keystroke's edit splices into the model the form already read.
 */
export function frontMatterModelOf(text: string): FrontMatterDocument {
  if (last === null || last.text !== text) last = parseFrontMatterDocument(text);
  return last;
}

/** Keeps a model an edit produced (its verifying parse), so the next read of its text parses nothing. */
export function rememberFrontMatterModel(model: FrontMatterDocument): void {
  last = model;
}
