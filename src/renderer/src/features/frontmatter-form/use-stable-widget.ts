import type { FieldType } from '../../../../shared/domain/frontmatter';
import type { FolioJsonSchema } from '../../../../shared/domain/schema';
import type { WidgetKind } from './choose-widget';
import { useItemState } from './use-item-state';

interface Choice {
  readonly widget: WidgetKind;
  readonly schema: FolioJsonSchema | undefined;
  readonly type: FieldType;
}

/**
 * The widget a field keeps while its item is open. `chooseWidget` also reads the value (past 80
 * characters or with a newline a text field becomes a textarea; a path ending in `.png` becomes
 * the image widget), so typing across such a line swapped the element under the caret: focus went
 * to the page and the next keystrokes were dropped (found by the save bench: " saved-0" typed into
 * a 77-character title saved as " sav"). The value alone therefore never changes the widget; the
 * field's schema (arriving after the item) or its written type (a raw YAML edit) still do, and the
 * next item, or opening this one again, chooses afresh.
 */
export function useStableWidget(chosen: WidgetKind, schema: FolioJsonSchema | undefined, type: FieldType): WidgetKind {
  const [kept, setKept] = useItemState<Choice>({ widget: chosen, schema, type });
  if (kept.schema !== schema || kept.type !== type) {
    // A render-phase update: React renders again at once, before anything is shown.
    setKept({ widget: chosen, schema, type });
    return chosen;
  }
  return kept.widget;
}
