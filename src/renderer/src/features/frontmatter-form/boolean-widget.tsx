import { useEffect, useRef } from 'react';
import type { WidgetProps } from './widget-props';

/** A checkbox; a null value shows as indeterminate and stays null until the curator clicks. */
export function BooleanWidget({ id, pathText, value, locked, describedBy, onCommit }: WidgetProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current !== null) ref.current.indeterminate = value === null;
  }, [value]);
  return (
    <span className="ff-inline">
      <input
        ref={ref}
        id={id}
        data-field-path={pathText}
        type="checkbox"
        checked={value === true}
        aria-checked={value === null ? 'mixed' : value === true}
        aria-describedby={describedBy}
        disabled={locked}
        onChange={(e) => onCommit(e.target.checked)}
      />
      {value === null && <span className="ff-null-badge">null</span>}
    </span>
  );
}
