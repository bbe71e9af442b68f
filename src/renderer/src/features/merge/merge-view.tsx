import { useMemo, useState } from 'react';
import type { DocumentMerge, DocumentMergeResolution, FieldMergeConflict, FieldResolution, HunkResolution } from '../../../../shared/domain/merge';
import { formatFieldValue, mergeDocument, parseFieldValue, resolveDocumentMerge } from '../../../../shared/domain/merge';
import { useFolioStore } from '../../store';
import type { MergeSession } from '../../store/document-slice';
import { ModalDialog } from './modal-dialog';
import './merge.css';

type FieldPick = 'mine' | 'disk' | 'base' | 'edit';
type HunkPick = 'mine' | 'disk' | 'base' | 'both' | 'edit';

interface FieldChoiceState {
  readonly pick: FieldPick;
  readonly edited: string;
}

interface HunkChoiceState {
  readonly pick: HunkPick;
  readonly edited: string;
}

function valueText(conflict: FieldMergeConflict, side: 'mine' | 'disk' | 'base'): string {
  return formatFieldValue(conflict[side], side in conflict);
}

type Converted = { readonly ok: true; readonly resolution: DocumentMergeResolution } | { readonly ok: false; readonly error: string };

/** Turns the view's picks into the domain's resolution; an error names the first bad typed value. */
function toResolution(merge: DocumentMerge, fields: Readonly<Record<string, FieldChoiceState>>, hunks: Readonly<Record<number, HunkChoiceState>>): Converted {
  const fieldOut: Record<string, FieldResolution> = {};
  for (const conflict of merge.conflicts) {
    const choice = fields[conflict.path];
    if (!choice) continue;
    if (choice.pick === 'edit') {
      const parsed = parseFieldValue(choice.edited);
      if (!parsed.ok) return { ok: false, error: `${conflict.path}: ${parsed.message}` };
      fieldOut[conflict.path] = { value: parsed.value };
    } else fieldOut[conflict.path] = { take: choice.pick };
  }
  const hunkOut: Record<number, HunkResolution> = {};
  for (const [key, choice] of Object.entries(hunks)) hunkOut[Number(key)] = choice.pick === 'edit' ? { text: choice.edited } : { take: choice.pick };
  return { ok: true, resolution: { fields: fieldOut, hunks: hunkOut } };
}

/**
 * The field-level three-way merge (base = the item as loaded, mine = the buffer, disk = the file
 * now): changes to different fields are merged and listed; a field both sides changed is shown
 * side by side (mine | disk | base) with a choice or a typed value; the body the same way by hunk.
 * "Apply" makes the merged text the buffer on top of the disk version, so the save that follows
 * is checked against the disk hash.
 */
export function MergeView() {
  const session = useFolioStore((s) => s.mergeSession);
  // A new session (another disk version) starts with no choices made.
  return session === null ? null : <MergeSessionView key={`${session.path}:${session.disk.hash ?? ''}`} session={session} />;
}

function MergeSessionView({ session }: { readonly session: MergeSession }) {
  const mine = useFolioStore((s) => s.text);
  const saving = useFolioStore((s) => s.saving);
  const [fieldChoices, setFieldChoices] = useState<Readonly<Record<string, FieldChoiceState>>>({});
  const [hunkChoices, setHunkChoices] = useState<Readonly<Record<number, HunkChoiceState>>>({});
  const [error, setError] = useState<string | null>(null);

  const merge = useMemo(() => (mine === null ? null : mergeDocument({ base: session.base, mine, disk: session.disk.text })), [session, mine]);
  if (merge === null) return null;

  const { closeMerge, applyMerge, save } = useFolioStore.getState();
  const open = merge.conflicts.filter((c) => !fieldChoices[c.path]).length + (merge.bodyConflicts - Object.keys(hunkChoices).length);

  const apply = async (andSave: boolean) => {
    const converted = toResolution(merge, fieldChoices, hunkChoices);
    if (!converted.ok) return setError(converted.error);
    const outcome = resolveDocumentMerge(merge, converted.resolution);
    if (!outcome.ok) return setError(outcome.unresolved.length > 0 ? `Still to choose: ${outcome.unresolved.join(', ')}` : outcome.reason);
    applyMerge(outcome.text);
    if (andSave) await save();
  };

  const pickField = (conflict: FieldMergeConflict, pick: FieldPick) =>
    setFieldChoices((prev) => ({ ...prev, [conflict.path]: { pick, edited: prev[conflict.path]?.edited ?? valueText(conflict, 'mine' in conflict ? 'mine' : 'disk') } }));

  return (
    <ModalDialog
      title={`Merge ${session.path}`}
      onCancel={closeMerge}
      wide
      actions={
        <>
          <span className="merge-remaining" role="status">
            {open === 0 ? 'Everything is settled.' : `${open} ${open === 1 ? 'choice' : 'choices'} left`}
          </span>
          <button type="button" onClick={() => void apply(false)} disabled={open > 0}>
            Apply
          </button>
          <button type="button" onClick={() => void apply(true)} disabled={open > 0 || saving}>
            Apply and save
          </button>
          <button type="button" onClick={closeMerge}>
            Cancel
          </button>
        </>
      }
    >
      <p className="merge-legend">
        <strong>Mine</strong>: your unsaved edits. <strong>Disk</strong>: the file as it is now. <strong>Base</strong>: the version you opened.
      </p>
      {!merge.baseKnown && (
        <p className="notice notice-warning">The version your edits started from is no longer known, so every difference between yours and the disk is yours to choose.</p>
      )}
      {!merge.frontMatterReadable && <p className="notice notice-warning">The front matter could not be read on every side, so the whole file is merged line by line.</p>}

      <section aria-label="Merged automatically" className="merge-section">
        <h3>Merged automatically</h3>
        {merge.mineChanged.length + merge.diskChanged.length === 0 ? (
          <p className="merge-none">No field changes merged by themselves.</p>
        ) : (
          <ul className="merge-auto">
            {merge.mineChanged.map((path) => (
              <li key={`m:${path}`}>
                <code>{path}</code>: yours
              </li>
            ))}
            {merge.diskChanged.map((path) => (
              <li key={`d:${path}`}>
                <code>{path}</code>: from disk
              </li>
            ))}
          </ul>
        )}
      </section>

      {merge.conflicts.length > 0 && (
        <section aria-label="Field conflicts" className="merge-section">
          <h3>Fields changed on both sides</h3>
          {merge.conflicts.map((conflict) => {
            const choice = fieldChoices[conflict.path];
            return (
              <fieldset key={conflict.path} className="merge-conflict" aria-label={`Field ${conflict.path}`}>
                <legend>
                  <code>{conflict.path}</code>
                </legend>
                <div className="merge-columns">
                  <Column label="Mine" text={valueText(conflict, 'mine')} />
                  <Column label="Disk" text={valueText(conflict, 'disk')} />
                  {merge.baseKnown && <Column label="Base" text={valueText(conflict, 'base')} />}
                </div>
                <div className="merge-picks" role="radiogroup" aria-label={`Value of ${conflict.path}`}>
                  {(['mine', 'disk', ...(merge.baseKnown ? (['base'] as const) : []), 'edit'] as const).map((pick) => (
                    <label key={pick}>
                      <input type="radio" name={`field-${conflict.path}`} checked={choice?.pick === pick} onChange={() => pickField(conflict, pick)} />
                      {pickLabels[pick]}
                    </label>
                  ))}
                </div>
                {choice?.pick === 'edit' && (
                  <label className="field-label">
                    Value (YAML)
                    <textarea
                      value={choice.edited}
                      onChange={(e) => setFieldChoices((prev) => ({ ...prev, [conflict.path]: { pick: 'edit', edited: e.target.value } }))}
                      rows={Math.min(8, choice.edited.split('\n').length + 1)}
                    />
                  </label>
                )}
              </fieldset>
            );
          })}
        </section>
      )}

      {merge.bodyConflicts > 0 && (
        <section aria-label="Body conflicts" className="merge-section">
          <h3>Body lines changed on both sides</h3>
          {merge.bodyHunks.map((hunk) => {
            if (hunk.kind === 'stable') return null;
            const choice = hunkChoices[hunk.index];
            return (
              <fieldset key={hunk.index} className="merge-conflict" aria-label={`Body change ${hunk.index + 1}`}>
                <legend>Body change {hunk.index + 1}</legend>
                <div className="merge-columns">
                  <Column label="Mine" text={hunk.mine} />
                  <Column label="Disk" text={hunk.disk} />
                  {merge.baseKnown && <Column label="Base" text={hunk.base} />}
                </div>
                <div className="merge-picks" role="radiogroup" aria-label={`Text of body change ${hunk.index + 1}`}>
                  {(['mine', 'disk', ...(merge.baseKnown ? (['base'] as const) : []), 'both', 'edit'] as const).map((pick) => (
                    <label key={pick}>
                      <input
                        type="radio"
                        name={`hunk-${hunk.index}`}
                        checked={choice?.pick === pick}
                        onChange={() => setHunkChoices((prev) => ({ ...prev, [hunk.index]: { pick, edited: prev[hunk.index]?.edited ?? hunk.mine } }))}
                      />
                      {pickLabels[pick]}
                    </label>
                  ))}
                </div>
                {choice?.pick === 'edit' && (
                  <label className="field-label">
                    Text
                    <textarea value={choice.edited} onChange={(e) => setHunkChoices((prev) => ({ ...prev, [hunk.index]: { pick: 'edit', edited: e.target.value } }))} rows={6} />
                  </label>
                )}
              </fieldset>
            );
          })}
        </section>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </ModalDialog>
  );
}

const pickLabels = { mine: 'Mine', disk: 'Disk', base: 'Base', both: 'Both (mine first)', edit: 'Edit…' } as const;

function Column({ label, text }: { readonly label: string; readonly text: string }) {
  return (
    <div className="merge-column">
      <div className="merge-column-label">{label}</div>
      <pre className="merge-value">{text === '' ? '(nothing)' : text}</pre>
    </div>
  );
}
