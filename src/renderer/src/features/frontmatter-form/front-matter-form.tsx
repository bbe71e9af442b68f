import { useLayoutEffect, useMemo, useState } from 'react';
import { formatFieldPath, type FrontMatterEdit, type PlainValue } from '../../../../shared/domain/frontmatter';
import type { FolioJsonSchema } from '../../../../shared/domain/schema';
import { useFolioStore } from '../../store';
import { fieldLabel } from './field-label';
import { FieldProblems } from './field-problems';
import { FieldNode } from './field-node';
import { FormContext, type FormContextValue, type FormProblem } from './form-context';
import { getUnlinkedMirrors } from './mirror-unlinks';
import { mirrorEdits } from './mirror-edits';
import { collectMirrors } from './schema-at-path';
import { selectFrontMatterModel } from './select-front-matter-model';
import { useChildSegments } from './use-field';
import { useItemSchema } from './use-item-schema';
import './front-matter-form.css';
import { keepFocusedFieldInView } from './keep-focused-field-in-view';

/** Props of {@link FrontMatterForm}. */
export interface FrontMatterFormProps {
  /** Problems to show under their fields (from validation); none by default. */
  readonly problems?: readonly FormProblem[];
}

const NO_PROBLEMS: readonly FormProblem[] = [];

/** A blank value of a schema's type, for adding a field the item does not have yet. */
function blankFor(schema: FolioJsonSchema | undefined): PlainValue {
  const types = schema?.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type;
  if (types.includes('null')) return null;
  if (types.includes('string')) return '';
  if (types.includes('array')) return [];
  if (types.includes('object')) return {};
  if (types.includes('boolean')) return false;
  return null;
}

/** Why the form is read-only, or null when it can be edited. */
function selectReadOnlyReason(s: Parameters<typeof selectFrontMatterModel>[0] & { readonly document: { readonly readOnly?: string } | null }): string | null {
  if (s.document?.readOnly !== undefined) return 'This file is read-only.';
  const model = selectFrontMatterModel(s);
  if (model === null || model.editable) return null;
  const first = model.diagnostics.find((d) => d.severity === 'error');
  return first === undefined ? 'The front matter cannot be read.' : `Line ${first.line}: ${first.message}`;
}

/**
 * The front matter of the open item as a form: widgets from the item's schema (the folder's
 * `.folio/schema.json` or one inferred from the folder), keys in document order, keys the schema
 * does not know under "Other fields", and fields the schema has but the item lacks offered to add.
 * Every edit is an engine span edit on the shared buffer, so only the edited value's bytes change.
 */
export function FrontMatterForm({ problems = NO_PROBLEMS }: FrontMatterFormProps) {
  // The document the buffer holds, even while the next selected item is still loading: the pane
  // keeps this form mounted (inert) meanwhile, so the next item updates it instead of rebuilding it.
  const itemPath = useFolioStore((s) => (s.document !== null && s.text !== null ? s.document.path : null));
  const readOnlyReason = useFolioStore(selectReadOnlyReason);
  const editError = useFolioStore((s) => s.editError);
  const applyEdits = useFolioStore((s) => s.applyEdits);
  const itemSchema = useItemSchema(itemPath);
  const schema = itemSchema?.schema ?? null;

  const [fieldProblems] = useState(() => new FieldProblems());
  // Before paint: only the fields whose problems changed re-render (validation answers after the
  // item has opened; in the context it re-rendered the whole form).
  useLayoutEffect(() => fieldProblems.update(problems), [fieldProblems, problems]);

  const context = useMemo<FormContextValue | null>(() => {
    if (itemPath === null) return null;
    const mirrors = collectMirrors(schema);
    const mirrorSources = new Map<string, string>();
    for (const [source, list] of mirrors) for (const m of list) mirrorSources.set(m, source);
    const commit = (edits: readonly FrontMatterEdit[]) => applyEdits(edits);
    return {
      itemPath,
      schema,
      mirrors,
      mirrorSources,
      readOnly: readOnlyReason !== null,
      problems: fieldProblems,
      commit,
      setValue: (pathText, value) => {
        const model = selectFrontMatterModel(useFolioStore.getState());
        if (model === null) return false;
        return commit(mirrorEdits(model, pathText, value, mirrors, getUnlinkedMirrors(itemPath)));
      },
    };
  }, [itemPath, schema, fieldProblems, applyEdits, readOnlyReason]);

  if (itemPath === null || context === null) return <p className="ff-empty">Loading the front matter…</p>;
  return (
    <FormContext.Provider value={context}>
      {/* Busy until the item's schema is known: the widgets come from it (a cold folder schema can land after the item). */}
      <form className="ff-form" aria-label="Front matter" data-item-path={itemPath} aria-busy={itemSchema === null} onSubmit={(e) => e.preventDefault()} onFocus={keepFocusedFieldInView}>
        {readOnlyReason !== null && (
          <p className="ff-readonly" role="status">
            The form is read-only. {readOnlyReason} Fix it in the Raw YAML tab; the form becomes editable again once the front matter reads cleanly.
          </p>
        )}
        {editError !== null && (
          <p className="ff-edit-error" role="alert">
            {editError}
          </p>
        )}
        {itemSchema?.inferred === true && <p className="ff-hint">Schema inferred from the folder{itemSchema.contentType === null ? '' : ` (type “${itemSchema.contentType}”)`}.</p>}
        <fieldset className="ff-root" disabled={readOnlyReason !== null}>
          <legend className="ff-sr-only">Front matter fields</legend>
          <TopLevelFields schema={schema} />
        </fieldset>
      </form>
    </FormContext.Provider>
  );
}

function TopLevelFields({ schema }: { readonly schema: FolioJsonSchema | null }) {
  const keys = useChildSegments('');
  const applyEdits = useFolioStore((s) => s.applyEdits);
  const properties = schema?.properties ?? {};
  const knowsKeys = Object.keys(properties).length > 0;
  const known = knowsKeys ? keys.filter((k) => Object.hasOwn(properties, String(k))) : keys;
  const other = knowsKeys ? keys.filter((k) => !Object.hasOwn(properties, String(k))) : [];
  const present = new Set(keys.map(String));
  const missing = Object.keys(properties).filter((k) => !present.has(k));
  return (
    <>
      {known.map((key) => (
        <FieldNode key={String(key)} pathText={formatFieldPath([key])} label={fieldLabel(properties[String(key)], key)} />
      ))}
      {other.length > 0 && (
        <fieldset className="ff-group ff-other">
          <legend>Other fields</legend>
          <p className="ff-hint">Keys the schema does not describe: kept as written, editable by their type.</p>
          {other.map((key) => (
            <FieldNode key={String(key)} pathText={formatFieldPath([key])} label={String(key)} />
          ))}
        </fieldset>
      )}
      {missing.length > 0 && (
        <details className="ff-details ff-missing">
          <summary className="ff-summary">Fields not set ({missing.length})</summary>
          <ul className="ff-missing-list">
            {missing.map((key) => (
              <li key={key}>
                <span>{fieldLabel(properties[key], key)}</span>{' '}
                <button type="button" className="ff-button ff-small" aria-label={`Add ${key}`} onClick={() => applyEdits([{ kind: 'add', path: [key], value: blankFor(properties[key]) }])}>
                  Add
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
