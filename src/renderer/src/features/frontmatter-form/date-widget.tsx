import { fromDateInputValue, fromDateTimeInputValue, toDateInputValue, toDateTimeInputValue } from './date-input-value';
import type { WidgetProps } from './widget-props';

/**
 * A date or date-time picker that writes the value back in the format it had: a quoted
 * `'2021-10-16'` stays a quoted date-only string, `2021-10-15T12:28:42-04:00` keeps its offset
 * (the picker shows the wall-clock time as written, never converted to the local zone).
 */
export function DateWidget({ id, pathText, value, schema, locked, describedBy, onCommit, withTime }: WidgetProps & { readonly withTime: boolean }) {
  const original = typeof value === 'string' ? value : null;
  const shown = withTime ? toDateTimeInputValue(original) : toDateInputValue(original);
  const unreadable = original !== null && original.trim() !== '' && shown === '';
  return (
    <span className="ff-inline">
      <input
        id={id}
        data-field-path={pathText}
        className="ff-input ff-date"
        type={withTime ? 'datetime-local' : 'date'}
        step={withTime ? 1 : undefined}
        value={shown}
        readOnly={locked}
        aria-describedby={describedBy}
        onChange={(e) => {
          const picked = e.target.value;
          if (picked === '') return;
          onCommit(withTime ? fromDateTimeInputValue(picked, original) : fromDateInputValue(picked, original, schema?.['x-folio-dateFormat']));
        }}
      />
      {withTime && original !== null && /(?:[Zz]|[-+]\d{1,2}(?::?\d{2})?)$/.test(original.trim()) && (
        <span className="ff-hint">offset {/(?:[Zz]|[-+]\d{1,2}(?::?\d{2})?)$/.exec(original.trim())?.[0]} kept</span>
      )}
      {value === null && <span className="ff-null-badge">null</span>}
      {unreadable && <span className="ff-hint">Written as “{original}”, not a date the picker can show.</span>}
    </span>
  );
}
