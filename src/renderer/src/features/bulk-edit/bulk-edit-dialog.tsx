import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import type { BulkApplySummaryDto, BulkEditDto, BulkPreviewFileDto } from '../../../../shared/contract';
import { api } from '../../ipc/api';
import { DiffView } from './diff-view';
import { parseBulkValue } from './parse-bulk-value';

type Operation = BulkEditDto['kind'];

const OPERATIONS: readonly { readonly kind: Operation; readonly label: string }[] = [
  { kind: 'set', label: 'Set value' },
  { kind: 'add-to-list', label: 'Add to list' },
  { kind: 'remove-from-list', label: 'Remove from list' },
  { kind: 'delete-key', label: 'Delete key' },
];

const STATUS_LABELS = { change: 'will change', unchanged: 'unchanged', error: 'cannot edit' } as const;

/**
 * Bulk edit over the list's multi-selection: pick an operation, a key path and a value; Preview
 * shows every file's diff and status; Apply writes each file atomically against the bytes the
 * preview read (a file changed since then fails instead of being overwritten) and shows one summary.
 */
export function BulkEditDialog({ paths, onClose }: { paths: readonly string[]; onClose: () => void }) {
  const [operation, setOperation] = useState<Operation>('set');
  const [keyPath, setKeyPath] = useState('');
  const [valueText, setValueText] = useState('');
  const [preview, setPreview] = useState<readonly BulkPreviewFileDto[] | null>(null);
  const [previewEdit, setPreviewEdit] = useState<BulkEditDto | null>(null);
  const [summary, setSummary] = useState<BulkApplySummaryDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keyRef = useRef<HTMLInputElement>(null);

  useEffect(() => keyRef.current?.focus(), []);

  // Any change to the edit makes the preview stale: Apply needs a fresh one.
  const invalidate = () => {
    setPreview(null);
    setPreviewEdit(null);
    setSummary(null);
    setError(null);
  };

  const buildEdit = (): BulkEditDto | string => {
    const path = keyPath.trim();
    if (path === '') return 'Enter a key path, e.g. status or link.brand.';
    if (operation === 'delete-key') return { kind: 'delete-key', path };
    const parsed = parseBulkValue(valueText);
    if (!parsed.ok) return parsed.message;
    return { kind: operation, path, value: parsed.value };
  };

  const runPreview = async (event: SyntheticEvent) => {
    event.preventDefault();
    const edit = buildEdit();
    if (typeof edit === 'string') return setError(edit);
    setBusy(true);
    const result = await api['bulk:preview']({ paths, edit });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setPreview(result.value);
    setPreviewEdit(edit);
    setSummary(null);
    setError(null);
  };

  const apply = async () => {
    if (preview === null || previewEdit === null) return;
    const baseHashes: Record<string, string> = {};
    for (const file of preview) if (file.hash !== undefined) baseHashes[file.path] = file.hash;
    const targets = preview.filter((f) => f.status === 'change').map((f) => f.path);
    setBusy(true);
    const result = await api['bulk:apply']({ paths: targets, edit: previewEdit, baseHashes });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    const skipped = preview.length - targets.length;
    setSummary({ ...result.value, unchanged: result.value.unchanged + skipped });
    setPreview(null);
  };

  const counts = preview && {
    change: preview.filter((f) => f.status === 'change').length,
    unchanged: preview.filter((f) => f.status === 'unchanged').length,
    error: preview.filter((f) => f.status === 'error').length,
  };

  return (
    <div className="bulk-backdrop" onClick={onClose}>
      <div className="bulk-dialog" role="dialog" aria-modal="true" aria-label="Bulk edit" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2>Bulk edit {paths.length} items</h2>
        <form className="bulk-form" onSubmit={(e) => void runPreview(e)}>
          <label>
            Operation
            <select
              value={operation}
              onChange={(e) => {
                setOperation(e.target.value as Operation);
                invalidate();
              }}
            >
              {OPERATIONS.map((op) => (
                <option key={op.kind} value={op.kind}>
                  {op.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Key path
            <input
              ref={keyRef}
              value={keyPath}
              placeholder="status"
              onChange={(e) => {
                setKeyPath(e.target.value);
                invalidate();
              }}
            />
          </label>
          {operation !== 'delete-key' && (
            <label>
              Value (YAML)
              <input
                value={valueText}
                placeholder="review"
                onChange={(e) => {
                  setValueText(e.target.value);
                  invalidate();
                }}
              />
            </label>
          )}
          <button type="submit" disabled={busy}>
            Preview
          </button>
        </form>
        {error && (
          <p className="bulk-error" role="alert">
            {error}
          </p>
        )}
        {preview && counts && (
          <>
            <p className="bulk-counts" role="status">
              {counts.change} will change, {counts.unchanged} unchanged, {counts.error} cannot be edited
            </p>
            <ul className="bulk-files" aria-label="Preview">
              {preview.map((file) => (
                <li key={file.path} className={`bulk-file bulk-file-${file.status}`} data-path={file.path}>
                  <div className="bulk-file-head">
                    <span className="bulk-file-path">{file.path}</span>
                    <span className="bulk-file-status">{STATUS_LABELS[file.status]}</span>
                  </div>
                  {file.message && <p className="bulk-error">{file.message}</p>}
                  {file.status === 'change' && <DiffView diff={file.diff} />}
                </li>
              ))}
            </ul>
          </>
        )}
        {summary && (
          <div className="bulk-summary" role="status">
            <p>
              {summary.changed} changed, {summary.unchanged} unchanged, {summary.failed.length} failed
            </p>
            {summary.failed.length > 0 && (
              <ul>
                {summary.failed.map((f) => (
                  <li key={f.path}>
                    {f.path}: {f.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="bulk-actions">
          <button type="button" onClick={onClose}>
            {summary ? 'Close' : 'Cancel'}
          </button>
          <button type="button" onClick={() => void apply()} disabled={busy || preview === null || counts === null || counts.change === 0}>
            Apply
          </button>
        </div>
      </div>
    </div>
  );
}
