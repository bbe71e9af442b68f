import { useId } from 'react';
import { api } from '../../ipc/api';
import { useDraft } from './use-draft';
import { useListValues, valuesKeyOf } from './use-list-values';
import { scalarText } from './scalar-text';
import type { WidgetProps } from './widget-props';

/** How a text field is shown. */
export type TextVariant = 'text' | 'long-text' | 'url' | 'relation';

/** True for a URL the system browser may open. */
export function isOpenableUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/**
 * Text, long text (textarea, for folded `>-` and long strings), URL (validated, with an "Open"
 * button that goes through main's external-link check) and relation (text with the folder's
 * identifiers as suggestions). Typing commits on each change; the engine keeps the value's style.
 */
export function TextWidget({ id, path, pathText, value, schema, locked, describedBy, onCommit, variant }: WidgetProps & { readonly variant: TextVariant }) {
  const committed = scalarText(value);
  const [draft, setDraft] = useDraft(committed);
  const listId = useId();
  const relationKey = schema?.['x-folio-relation']?.key ?? (typeof path[path.length - 1] === 'string' ? valuesKeyOf(path) : 'permalink');
  const { values, load } = useListValues(variant === 'relation' ? relationKey : '');
  const change = (next: string) => {
    setDraft(next);
    onCommit(next);
  };
  const common = {
    id,
    'data-field-path': pathText,
    value: draft,
    readOnly: locked,
    placeholder: value === null ? 'null' : undefined,
    'aria-describedby': describedBy,
  };
  if (variant === 'long-text') {
    return <textarea {...common} className="ff-input ff-textarea" rows={Math.min(8, Math.max(2, Math.ceil(draft.length / 70)))} onChange={(e) => change(e.target.value)} />;
  }
  const urlInvalid = variant === 'url' && draft !== '' && !isOpenableUrl(draft);
  return (
    <span className="ff-inline">
      <input
        {...common}
        className="ff-input"
        type="text"
        inputMode={variant === 'url' ? 'url' : undefined}
        aria-invalid={urlInvalid || undefined}
        list={variant === 'relation' ? listId : undefined}
        onFocus={variant === 'relation' ? load : undefined}
        onChange={(e) => change(e.target.value)}
      />
      {variant === 'relation' && (
        <datalist id={listId}>
          {values.map((v) => (
            <option key={v.value} value={v.value} />
          ))}
        </datalist>
      )}
      {variant === 'url' && (
        <button type="button" className="ff-button" disabled={!isOpenableUrl(draft)} onClick={() => void api['shell:openExternal'](draft)} aria-label={`Open ${draft} in the browser`}>
          Open
        </button>
      )}
      {urlInvalid && <span className="ff-hint">Not an absolute https:, http: or mailto: URL.</span>}
    </span>
  );
}
