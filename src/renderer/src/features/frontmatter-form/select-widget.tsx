import { useEffect } from 'react';
import { useDraft } from './use-draft';
import { useItemState } from './use-item-state';
import { useListValues, valuesKeyOf } from './use-list-values';
import { scalarText } from './scalar-text';
import type { WidgetProps } from './widget-props';

const OTHER = '\u0000other';

/**
 * A select over the schema's enum, or over the values the folder uses for this key when the
 * schema has none; the current value is always an option, and "Other…" lets a curator type a
 * value no item uses yet.
 */
export function SelectWidget({ id, path, pathText, value, schema, locked, describedBy, onCommit }: WidgetProps) {
  const current = value === null || value === undefined ? null : scalarText(value);
  const enumValues = (schema?.enum ?? []).filter((v): v is string => typeof v === 'string');
  const { values, load } = useListValues(valuesKeyOf(path));
  const [typing, setTyping] = useItemState(false);
  const [draft, setDraft] = useDraft(current ?? '');
  useEffect(() => {
    if (enumValues.length === 0) load();
  }, [enumValues.length, load]);
  const options = [...new Set([...enumValues, ...values.map((v) => v.value), ...(current === null ? [] : [current])])];
  if (typing) {
    return (
      <span className="ff-inline">
        <input
          id={id}
          data-field-path={pathText}
          className="ff-input"
          value={draft}
          aria-describedby={describedBy}
          onChange={(e) => {
            setDraft(e.target.value);
            onCommit(e.target.value);
          }}
        />
        <button type="button" className="ff-button" onClick={() => setTyping(false)}>
          Choose
        </button>
      </span>
    );
  }
  return (
    <select
      id={id}
      data-field-path={pathText}
      className="ff-input ff-select"
      value={current ?? ''}
      disabled={locked}
      aria-describedby={describedBy}
      onFocus={load}
      onChange={(e) => {
        if (e.target.value === OTHER) setTyping(true);
        else onCommit(e.target.value);
      }}
    >
      {current === null && (
        <option value="" disabled>
          null
        </option>
      )}
      {options.map((option) => (
        <option key={option} value={option}>
          {option === '' ? '(empty)' : option}
        </option>
      ))}
      <option value={OTHER}>Other…</option>
    </select>
  );
}
