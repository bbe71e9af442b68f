import { useEffect, useMemo, useState } from 'react';
import { parse as parseYaml } from 'yaml';
import type { GitConflictDto } from '../../../../shared/contract';
import { resolveFrontMatterMerge, type FieldChoice, type HunkChoice, type LineMergeHunk } from '../../../../shared/domain/changes';
import type { PlainValue } from '../../../../shared/domain/frontmatter/render-scalar';
import { api } from '../../ipc/api';
import { useFolioStore } from '../../store';

type FieldPick = { readonly take: 'ours' | 'theirs' } | { readonly edit: string };
type HunkPick = { readonly take: 'ours' | 'theirs' | 'both' } | { readonly edit: string };

function show(value: unknown): string {
  if (value === undefined) return '(not there)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A typed value is read as YAML (so `[a, b]` is a list, `3` a number); anything unreadable stays text. */
function typedValue(text: string): PlainValue | undefined {
  if (text.trim() === '') return undefined;
  try {
    return parseYaml(text) as PlainValue;
  } catch {
    return text;
  }
}

/**
 * Resolves one conflicted item without ever showing or writing conflict markers: each front
 * matter field both sides changed gets mine / theirs / edit, each body hunk mine / theirs /
 * both / edit. The result is written and staged only when every choice is made.
 */
export function ConflictResolver({ path }: { readonly path: string }) {
  const [conflict, setConflict] = useState<GitConflictDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Readonly<Record<string, FieldPick>>>({});
  const [hunks, setHunks] = useState<readonly (HunkPick | undefined)[]>([]);
  const resolve = useFolioStore((s) => s.resolveGitConflict);
  const close = useFolioStore((s) => s.closeGitViewer);
  const busy = useFolioStore((s) => s.gitBusy);

  useEffect(() => {
    let live = true;
    void api['git:conflict'](path).then((result) => {
      if (!live) return;
      if (result.ok) setConflict(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [path]);

  const merge = conflict?.merge ?? null;
  const outcome = useMemo(() => {
    if (merge === null) return null;
    const fieldChoices: Record<string, FieldChoice> = {};
    for (const [key, pick] of Object.entries(fields)) fieldChoices[key] = 'edit' in pick ? { value: typedValue(pick.edit) } : pick;
    const hunkChoices: (HunkChoice | undefined)[] = hunks.map((pick) => (pick === undefined ? undefined : 'edit' in pick ? { text: pick.edit } : pick));
    return resolveFrontMatterMerge(merge, { fields: fieldChoices, hunks: hunkChoices });
  }, [merge, fields, hunks]);

  if (error) return <p className="error">{error}</p>;
  if (!conflict) return <p className="git-empty">Loading the conflict…</p>;

  const finish = async (text: string) => {
    if (await resolve(path, text)) close();
  };

  if (merge === null) {
    // One side deleted the item: there are no fields to compare, only which version to keep.
    return (
      <div className="git-conflict">
        <p>One side deleted this item while the other changed it. Keep a version:</p>
        <div className="git-dialog-actions">
          {conflict.ours !== null && (
            <button type="button" onClick={() => void finish(conflict.ours ?? '')}>
              Keep mine
            </button>
          )}
          {conflict.theirs !== null && (
            <button type="button" onClick={() => void finish(conflict.theirs ?? '')}>
              Keep theirs
            </button>
          )}
        </div>
      </div>
    );
  }

  const conflictHunks = merge.bodyHunks.filter((h): h is Extract<LineMergeHunk, { kind: 'conflict' }> => h.kind === 'conflict');
  return (
    <div className="git-conflict">
      {merge.autoMerged.length > 0 && <p className="git-hint">Merged by themselves: {merge.autoMerged.join(', ')}.</p>}
      {merge.conflicts.length === 0 && merge.bodyConflicts === 0 && <p>Git could not merge this item line by line, but its fields merge cleanly.</p>}
      {merge.conflicts.map((field) => {
        const pick = fields[field.path];
        const set = (next: FieldPick) => setFields({ ...fields, [field.path]: next });
        return (
          <fieldset key={field.path} className="git-conflict-field" aria-label={`Field ${field.path}`}>
            <legend>{field.path}</legend>
            <label>
              <input type="radio" name={`f-${field.path}`} checked={pick !== undefined && 'take' in pick && pick.take === 'ours'} onChange={() => set({ take: 'ours' })} />
              Mine: <code>{show(field.ours)}</code>
            </label>
            <label>
              <input type="radio" name={`f-${field.path}`} checked={pick !== undefined && 'take' in pick && pick.take === 'theirs'} onChange={() => set({ take: 'theirs' })} />
              Theirs: <code>{show(field.theirs)}</code>
            </label>
            <label>
              <input type="radio" name={`f-${field.path}`} checked={pick !== undefined && 'edit' in pick} onChange={() => set({ edit: typeof field.ours === 'string' ? field.ours : show(field.ours) })} />
              Edit:
              {pick !== undefined && 'edit' in pick && <input aria-label={`Value of ${field.path}`} value={pick.edit} onChange={(e) => set({ edit: e.target.value })} />}
            </label>
            {field.base !== undefined && <p className="git-hint">Before both changes: {show(field.base)}</p>}
          </fieldset>
        );
      })}
      {conflictHunks.map((hunk, index) => {
        const pick = hunks[index];
        const set = (next: HunkPick) => {
          const copy = [...hunks];
          copy[index] = next;
          setHunks(copy);
        };
        return (
          <fieldset key={index} className="git-conflict-hunk" aria-label={`Body part ${index + 1}`}>
            <legend>Body, part {index + 1}</legend>
            <div className="git-conflict-sides">
              <pre aria-label="Mine">{hunk.ours.join('')}</pre>
              <pre aria-label="Theirs">{hunk.theirs.join('')}</pre>
            </div>
            {(['ours', 'theirs', 'both'] as const).map((take) => (
              <label key={take}>
                <input type="radio" name={`h-${index}`} checked={pick !== undefined && 'take' in pick && pick.take === take} onChange={() => set({ take })} />
                {take === 'ours' ? 'Mine' : take === 'theirs' ? 'Theirs' : 'Both (mine first)'}
              </label>
            ))}
            <label>
              <input type="radio" name={`h-${index}`} checked={pick !== undefined && 'edit' in pick} onChange={() => set({ edit: hunk.ours.join('') })} />
              Edit
            </label>
            {pick !== undefined && 'edit' in pick && <textarea aria-label={`Text of body part ${index + 1}`} value={pick.edit} rows={5} onChange={(e) => set({ edit: e.target.value })} />}
          </fieldset>
        );
      })}
      {outcome && !outcome.ok && <p className="git-hint">Still to choose: {outcome.unresolved.join(', ')}.</p>}
      <div className="git-dialog-actions">
        <button type="button" className="primary" disabled={!outcome?.ok || busy !== null} onClick={() => outcome?.ok && void finish(outcome.text)}>
          Use this resolution
        </button>
      </div>
    </div>
  );
}
