import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { api } from '../../ipc/api';
import { useFolioStore } from '../../store';

/** Rename or move the open item: its path is edited as a whole (`news/a.md` → `archive/b.md`). */
export function RenameDialog({ path, onClose }: { path: string; onClose: () => void }) {
  const selectItem = useFolioStore((s) => s.selectItem);
  const [target, setTarget] = useState(path);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    input.focus();
    // Select the name without folder and extension, as file managers do.
    const start = path.lastIndexOf('/') + 1;
    const dot = path.lastIndexOf('.');
    input.setSelectionRange(start, dot > start ? dot : path.length);
  }, [path]);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const to = target.trim();
    if (to === '' || busy) return;
    if (to === path) return onClose();
    setBusy(true);
    const result = await api['items:rename']({ from: path, to });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    onClose();
    selectItem(result.value.path, 'replace');
  };

  return (
    <div className="items-backdrop" onClick={onClose}>
      <form
        className="items-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Rename item"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
        onSubmit={(e) => void submit(e)}
      >
        <h2>Rename or move</h2>
        <label>
          New path
          <input ref={inputRef} value={target} onChange={(e) => setTarget(e.target.value)} required />
        </label>
        <p className="items-hint">A slug that matched the old file name follows the new one. An existing file is never overwritten.</p>
        {error && (
          <p className="items-error" role="alert">
            {error}
          </p>
        )}
        <div className="items-dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={busy}>
            Rename
          </button>
        </div>
      </form>
    </div>
  );
}
