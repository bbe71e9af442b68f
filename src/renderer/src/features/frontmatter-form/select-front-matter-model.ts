import { formatFieldPath, parseFrontMatterDocument, type FrontMatterDocument, type FrontMatterField } from '../../../../shared/domain/frontmatter';

let lastText: string | null = null;
let lastModel: FrontMatterDocument | null = null;

/**
 * The parsed model of the buffer, shared by every field: parsed once per text version however
 * many fields ask, so a keystroke costs one parse, not one per field.
 */
export function selectFrontMatterModel(state: { readonly text: string | null }): FrontMatterDocument | null {
  if (state.text === null) return null;
  if (state.text !== lastText || lastModel === null) {
    lastText = state.text;
    lastModel = parseFrontMatterDocument(state.text);
  }
  return lastModel;
}

const childrenCache = new WeakMap<FrontMatterDocument, Map<string, FrontMatterField[]>>();

/** The direct children of the value at `parentPathText` ('' for the root), in document order. */
export function childFields(model: FrontMatterDocument, parentPathText: string): readonly FrontMatterField[] {
  let byParent = childrenCache.get(model);
  if (byParent === undefined) {
    byParent = new Map();
    for (const field of model.fields) {
      const parent = formatFieldPath(field.path.slice(0, -1));
      const list = byParent.get(parent);
      if (list === undefined) byParent.set(parent, [field]);
      else list.push(field);
    }
    childrenCache.set(model, byParent);
  }
  return byParent.get(parentPathText) ?? [];
}
