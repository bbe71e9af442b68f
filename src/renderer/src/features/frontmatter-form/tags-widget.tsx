import { useId } from 'react';
import { formatFieldPath, parseFieldPath, type PlainValue } from '../../../../shared/domain/frontmatter';
import { useFormContext } from './form-context';
import { ProblemList } from './problem-list';
import { scalarText } from './scalar-text';
import { useListValues, valuesKeyOf } from './use-list-values';
import { useFieldProblems } from './use-field-problems';
import { useItemState } from './use-item-state';

/**
 * A list of strings as chips, with suggestions from the values the folder already uses. Adding
 * is an `insert-item` and removing a `remove-item`, so the other items' bytes never change.
 */
export function TagsWidget({ pathText, label, value }: { readonly pathText: string; readonly label: string; readonly value: PlainValue | undefined }) {
  const ctx = useFormContext();
  const inputId = useId();
  const listId = useId();
  const path = parseFieldPath(pathText);
  const items = Array.isArray(value) ? (value as readonly PlainValue[]) : [];
  const [draft, setDraft] = useItemState('');
  const { values, load } = useListValues(valuesKeyOf(path));
  const add = () => {
    const text = draft.trim();
    if (text === '') return;
    const ok = Array.isArray(value) ? ctx.commit([{ kind: 'insert-item', path: pathText, index: items.length, value: text }]) : ctx.setValue(pathText, [text]);
    if (ok) setDraft('');
  };
  const problems = useFieldProblems(pathText);
  return (
    <fieldset className="ff-group ff-tags" data-row-path={pathText}>
      <legend>{label}</legend>
      <ul className="ff-chips">
        {items.map((item, index) => (
          <li key={`${index}:${scalarText(item)}`} className="ff-chip">
            <span data-field-path={formatFieldPath([...path, index])}>{item === '' ? "''" : scalarText(item)}</span>
            <button type="button" className="ff-chip-remove" aria-label={`Remove ${scalarText(item)} from ${label}`} onClick={() => ctx.commit([{ kind: 'remove-item', path: pathText, index }])}>
              ×
            </button>
          </li>
        ))}
        {value === null && <li className="ff-null-badge">null</li>}
      </ul>
      <span className="ff-inline">
        <label className="ff-sr-only" htmlFor={inputId}>
          Add to {label}
        </label>
        <input
          id={inputId}
          className="ff-input ff-tag-input"
          list={listId}
          value={draft}
          placeholder="Add…"
          onFocus={load}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <datalist id={listId}>
          {values
            .filter((v) => !items.includes(v.value))
            .map((v) => (
              <option key={v.value} value={v.value}>{`${v.value} (${v.count})`}</option>
            ))}
        </datalist>
        <button type="button" className="ff-button ff-small" onClick={add} aria-label={`Add to ${label}`} disabled={draft.trim() === ''}>
          Add
        </button>
      </span>
      {problems !== undefined && <ProblemList problems={problems} />}
    </fieldset>
  );
}
