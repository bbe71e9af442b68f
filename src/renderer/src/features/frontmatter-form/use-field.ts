import { useMemo } from 'react';
import type { FieldStyle, FieldType, PlainValue } from '../../../../shared/domain/frontmatter';
import { useFolioStore } from '../../store';
import { childFields, selectFrontMatterModel } from './select-front-matter-model';

/** One field as a widget needs it. */
export interface FieldState {
  readonly type: FieldType;
  readonly style: FieldStyle;
  readonly value: PlainValue | undefined;
}

/**
 * Subscribes to ONE field: the selector returns the field's written bytes (a string), so a
 * keystroke elsewhere in the form does not re-render this field.
 */
export function useField(pathText: string): FieldState | undefined {
  const snapshot = useFolioStore((s) => {
    const field = selectFrontMatterModel(s)?.getField(pathText);
    return field === undefined ? '' : `${field.type}\u0000${field.style}\u0000${field.source}`;
  });
  return useMemo(() => {
    if (snapshot === '') return undefined;
    const model = selectFrontMatterModel(useFolioStore.getState());
    const field = model?.getField(pathText);
    if (model === null || field === undefined) return undefined;
    return { type: field.type, style: field.style, value: model.getValue(field.path) };
  }, [snapshot, pathText]);
}

/**
 * The keys (maps) or indexes (lists) directly under a path, re-rendering only when that set
 * changes, not when a value inside changes.
 */
export function useChildSegments(parentPathText: string): readonly (string | number)[] {
  const signature = useFolioStore((s) => {
    const model = selectFrontMatterModel(s);
    if (model === null) return '';
    return childFields(model, parentPathText)
      .map((f) => String(f.path[f.path.length - 1]))
      .join('\u0000');
  });
  return useMemo(() => {
    const model = selectFrontMatterModel(useFolioStore.getState());
    return model === null ? [] : childFields(model, parentPathText).map((f) => f.path[f.path.length - 1] as string | number);
    // The signature is what changes; the model is read fresh when it does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, parentPathText]);
}
