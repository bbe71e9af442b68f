import { useEffect, useRef, useState } from 'react';
import { api } from '../../ipc/api';

/** Props of {@link SchemaDialog}. */
export interface SchemaDialogProps {
  readonly onClose: () => void;
}

/**
 * "Generate schema": shows the schema inferred from the whole folder, read-only, for review; Save
 * writes it to `.folio/schema.json`, after which its rules are the folder's (and validation runs
 * again with them). Editing happens in a text editor afterwards, not here.
 */
export function SchemaDialog({ onClose }: SchemaDialogProps) {
  const [json, setJson] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
    let cancelled = false;
    void api['schema:infer']().then((result) => {
      if (cancelled) return;
      if (result.ok) setJson(result.value);
      else setError(result.error.message);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const save = async () => {
    if (json === null) return;
    setSaving(true);
    const result = await api['schema:save'](json);
    setSaving(false);
    if (result.ok) setSaved(true);
    else setError(result.error.message);
  };

  return (
    <dialog ref={dialog} className="schema-dialog" aria-label="Inferred schema" onClose={onClose} onCancel={onClose}>
      <h2>Inferred schema</h2>
      <p>Inferred from every item in the folder. Saving writes it to .folio/schema.json; its rules then apply as written.</p>
      {error !== null && (
        <p className="problems-error" role="alert">
          {error}
        </p>
      )}
      {json === null && error === null ? <p>Inferring…</p> : null}
      {json !== null && (
        <pre className="schema-json" aria-label="Schema JSON" tabIndex={0}>
          {json}
        </pre>
      )}
      <div className="schema-actions">
        {saved && <span role="status">Saved to .folio/schema.json.</span>}
        <button type="button" onClick={() => void save()} disabled={json === null || saving || saved}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
