import { useDraft } from './use-draft';
import type { WidgetProps } from './widget-props';

/** A number input; text that is not a number stays local (and marked) instead of being written. */
export function NumberWidget({ id, pathText, value, locked, describedBy, onCommit }: WidgetProps) {
  const committed = typeof value === 'number' ? String(value) : '';
  const [draft, setDraft] = useDraft(committed);
  const invalid = draft.trim() !== '' && !Number.isFinite(Number(draft));
  return (
    <input
      id={id}
      data-field-path={pathText}
      className="ff-input ff-number"
      type="number"
      step="any"
      value={draft}
      readOnly={locked}
      placeholder={value === null ? 'null' : undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(e) => {
        const next = e.target.value;
        setDraft(next);
        if (next.trim() !== '' && Number.isFinite(Number(next))) onCommit(Number(next));
      }}
    />
  );
}
