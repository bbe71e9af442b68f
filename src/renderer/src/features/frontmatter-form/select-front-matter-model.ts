import { formatFieldPath, type FrontMatterDocument, type FrontMatterField } from '../../../../shared/domain/frontmatter';
import { frontMatterModelOf } from '../../store/front-matter-model';

/**
 * The parsed model of the buffer, shared by every field: parsed once per text version however
 * many fields ask, and the same model the store's edits splice into and hand back.
 */
export function selectFrontMatterModel(state: { readonly text: string | null }): FrontMatterDocument | null {
  return state.text === null ? null : frontMatterModelOf(state.text);
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
