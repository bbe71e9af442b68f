import { useEffect, useMemo, useRef, useState } from 'react';
import { parseSchemaText } from '../../../../shared/domain/schema/parse-schema-text';
import { api } from '../../ipc/api';

/** Props of {@link SchemaDialog}. */
export interface SchemaDialogProps {
  readonly onClose: () => void;
}

interface Inferred {
  readonly json: string;
  readonly existing: boolean;
}

/**
 * "Generate schema": the schema inferred from the whole folder, for review and editing before it
 * is saved to `.folio/schema.json` (after which its rules are the folder's and validation runs
 * again). The text is checked as it is typed with the same parser the save uses, so Save is only
 * offered for a schema main will accept; replacing a schema the folder already has needs an
 * explicit confirmation, because that file may hold rules a person wrote.
 */
export function SchemaDialog({ onClose }: SchemaDialogProps) {
  const [inferred, setInferred] = useState<Inferred | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedText, setSavedText] = useState<string | null>(null);
  const [replaceConfirmed, setReplaceConfirmed] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
    let cancelled = false;
    void api['schema:infer']().then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setInferred(result.value);
        setText(result.value.json);
      } else setError(result.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const check = useMemo(() => (inferred === null ? null : parseSchemaText(text)), [inferred, text]);
  const needsConfirm = inferred?.existing === true && savedText === null;
  const canSave = check?.ok === true && !saving && text !== savedText && (!needsConfirm || replaceConfirmed);

  const save = async () => {
    if (!canSave) return;
    setSaving(true);
    setError(null);
    const result = await api['schema:save'](text);
    setSaving(false);
    if (result.ok) setSavedText(text);
    else setError(result.error.message);
  };

  return (
    <dialog ref={dialog} className="schema-dialog" aria-label="Inferred schema" onClose={onClose} onCancel={onClose}>
      <h2>Inferred schema</h2>
      <p>Inferred from every item in the folder. Review and edit it here; saving writes it to .folio/schema.json, and its rules then apply as written.</p>
      {error !== null && (
        <p className="problems-error" role="alert">
          {error}
        </p>
      )}
      {inferred === null && error === null ? <p>Inferring…</p> : null}
      {inferred !== null && (
        <>
          <textarea
            className="schema-json"
            aria-label="Schema JSON"
            aria-invalid={check?.ok === false}
            aria-describedby="schema-check"
            spellCheck={false}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <p id="schema-check" className={check?.ok === false ? 'problems-error' : 'schema-check-ok'} aria-live="polite">
            {check?.ok === false ? check.message : `${check?.ok === true ? Object.keys(check.schema.types).length : 0} content type(s); ready to save.`}
          </p>
          {inferred.existing && savedText === null && (
            <label className="schema-replace">
              <input type="checkbox" checked={replaceConfirmed} onChange={(event) => setReplaceConfirmed(event.target.checked)} />
              Replace the folder's existing .folio/schema.json
            </label>
          )}
        </>
      )}
      <div className="schema-actions">
        {savedText !== null && savedText === text && <span role="status">Saved to .folio/schema.json.</span>}
        {inferred !== null && text !== inferred.json && (
          <button type="button" onClick={() => setText(inferred.json)}>
            Reset to inferred
          </button>
        )}
        <button type="button" onClick={() => void save()} disabled={!canSave}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
