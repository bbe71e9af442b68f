import { useState } from 'react';
import { useFolioStore } from '../../store';
import { ModalDialog } from './modal-dialog';
import './merge.css';

type Question = 'keep-mine' | 'use-disk' | 'elsewhere' | null;

/** The base name for "save mine elsewhere": `post.md` -> `post-mine.md`. */
function suggestName(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}-mine${name.slice(dot)}` : `${name}-mine`;
}

/** Checks a file name typed for "save elsewhere"; returns the new workspace path or an error. */
function targetPath(current: string, typed: string): { ok: true; path: string } | { ok: false; message: string } {
  const name = typed.trim();
  if (name === '' || name === '.' || name === '..') return { ok: false, message: 'Type a file name.' };
  if (/[/\\]/.test(name)) return { ok: false, message: 'Only a file name: the copy goes in the same folder.' };
  const folder = current.includes('/') ? current.slice(0, current.lastIndexOf('/') + 1) : '';
  const original = current.slice(folder.length);
  const ext = original.includes('.') ? original.slice(original.lastIndexOf('.')) : '';
  const withExt = name.includes('.') || ext === '' ? name : `${name}${ext}`;
  if (folder + withExt === current) return { ok: false, message: 'Choose a name other than the original.' };
  return { ok: true, path: folder + withExt };
}

/**
 * Shown over the open item when its file changed on disk while it had unsaved edits, or a save
 * found the disk changed: never a silent overwrite or reload (threats row 19). Offers a merge,
 * keeping either version (each confirmed), or saving mine as a new file beside it.
 */
export function ConflictBanner() {
  const conflict = useFolioStore((s) => s.conflict);
  const changedOnDisk = useFolioStore((s) => s.changedOnDisk);
  const path = useFolioStore((s) => s.document?.path ?? null);
  const mergeOpen = useFolioStore((s) => s.mergeSession !== null);
  const [question, setQuestion] = useState<Question>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (path === null || (conflict === null && !changedOnDisk)) return null;

  const diskMissing = conflict !== null && conflict.diskText === null && conflict.diskHash === null;
  const diskUnreadable = conflict !== null && conflict.diskText === null && conflict.diskHash !== null;
  const message = diskMissing
    ? 'This file is no longer on disk. Your edits are kept here.'
    : conflict !== null
      ? 'This file was changed on disk by someone else; your edits were not saved over it.'
      : 'This file changed on disk while you were editing it.';

  const run = async (task: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
      setQuestion(null);
    }
  };
  const { openMerge, overwriteDisk, revert, saveElsewhere } = useFolioStore.getState();

  const submitElsewhere = () => {
    const target = targetPath(path, name);
    if (!target.ok) return setNameError(target.message);
    void run(() => saveElsewhere(target.path));
  };

  return (
    <div className="conflict-banner" role="region" aria-label="Changed on disk">
      <p className="conflict-message" role="status">
        {message}
      </p>
      <div className="conflict-actions">
        <button type="button" onClick={() => void openMerge()} disabled={busy || diskMissing || diskUnreadable || mergeOpen}>
          Merge…
        </button>
        <button type="button" onClick={() => setQuestion('keep-mine')} disabled={busy}>
          Keep mine (overwrite disk)
        </button>
        <button type="button" onClick={() => setQuestion('use-disk')} disabled={busy || diskMissing}>
          Use disk version (discard mine)
        </button>
        <button
          type="button"
          onClick={() => {
            setName(suggestName(path));
            setNameError(null);
            setQuestion('elsewhere');
          }}
          disabled={busy}
        >
          Save mine elsewhere…
        </button>
      </div>
      {question === 'keep-mine' && (
        <ModalDialog
          title="Overwrite the disk version?"
          onCancel={() => setQuestion(null)}
          actions={
            <>
              <button type="button" onClick={() => void run(overwriteDisk)} disabled={busy}>
                Overwrite
              </button>
              <button type="button" onClick={() => setQuestion(null)}>
                Cancel
              </button>
            </>
          }
        >
          <p>
            {diskMissing ? `${path} will be created again with your version.` : `The changes made on disk to ${path} will be replaced by your version and lost.`}
          </p>
        </ModalDialog>
      )}
      {question === 'use-disk' && (
        <ModalDialog
          title="Discard your edits?"
          onCancel={() => setQuestion(null)}
          actions={
            <>
              <button type="button" onClick={() => void run(revert)} disabled={busy}>
                Discard mine
              </button>
              <button type="button" onClick={() => setQuestion(null)}>
                Cancel
              </button>
            </>
          }
        >
          <p>Your unsaved edits to {path} will be thrown away and the disk version shown.</p>
        </ModalDialog>
      )}
      {question === 'elsewhere' && (
        <ModalDialog
          title="Save your version as a new file"
          onCancel={() => setQuestion(null)}
          actions={
            <>
              <button type="submit" form="save-elsewhere-form" disabled={busy}>
                Save
              </button>
              <button type="button" onClick={() => setQuestion(null)}>
                Cancel
              </button>
            </>
          }
        >
          <form
            id="save-elsewhere-form"
            onSubmit={(e) => {
              e.preventDefault();
              submitElsewhere();
            }}
          >
            <label className="field-label">
              New file name (same folder)
              <input data-autofocus value={name} onChange={(e) => setName(e.target.value)} aria-invalid={nameError !== null} />
            </label>
            {nameError && (
              <p className="error" role="alert">
                {nameError}
              </p>
            )}
          </form>
        </ModalDialog>
      )}
    </div>
  );
}
