import { useEffect, useState } from 'react';
import type { GitHistoryEntryDto } from '../../../../shared/contract';
import { api } from '../../ipc/api';
import { useFolioStore } from '../../store';

/** The commits that changed the open item (following renames); each opens that version read-only. */
export function ItemHistory() {
  const path = useFolioStore((s) => s.selectedPath);
  const status = useFolioStore((s) => s.gitStatus);
  const openViewer = useFolioStore((s) => s.openGitViewer);
  const [entries, setEntries] = useState<readonly GitHistoryEntryDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (path === null) return;
    let live = true;
    void api['git:history'](path).then((result) => {
      if (!live) return;
      if (result.ok) {
        setEntries(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
    // A new commit changes the status (ahead, files), so the history follows it.
  }, [path, status]);

  if (path === null) return <p className="git-empty">Open an item to see its history.</p>;
  if (error) return <p className="error">{error}</p>;
  if (entries === null) return <p className="git-empty">Loading history…</p>;
  if (entries.length === 0) return <p className="git-empty">{path} has no commits yet.</p>;
  return (
    <ol className="git-history" aria-label={`History of ${path}`}>
      {entries.map((entry) => (
        <li key={entry.oid}>
          <button
            type="button"
            className="git-history-entry"
            onClick={() => openViewer({ kind: 'version', path, rev: entry.oid, revPath: entry.path ?? path, subject: entry.subject })}
          >
            <span className="git-history-subject">{entry.subject}</span>
            <span className="git-history-meta">
              {entry.authorName} · {new Date(entry.date).toLocaleString()} · {entry.oid.slice(0, 7)}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
