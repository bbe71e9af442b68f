import { useEffect, useMemo, useRef, useState, type SyntheticEvent } from 'react';
import type { ItemTemplateChoice, ItemTemplateDto } from '../../../../shared/contract';
import { api } from '../../ipc/api';
import { useFolioStore } from '../../store';
import { folderOf } from './folder-of';

/** The template select's value: `<kind>:<path>`. */
function choiceKey(choice: ItemTemplateChoice): string {
  return `${choice.kind}:${choice.path}`;
}

/**
 * "New item": a title, a folder (the open item's by default) and what to start from (an archetype,
 * a `.folio/templates` file, or a copy of the open item). The created item opens at once.
 */
export function NewItemDialog({ onClose }: { onClose: () => void }) {
  const selectedPath = useFolioStore((s) => s.selectedPath);
  const selectItem = useFolioStore((s) => s.selectItem);
  const showNotice = useFolioStore((s) => s.showNotice);
  const [title, setTitle] = useState('');
  const [folder, setFolder] = useState(() => folderOf(selectedPath));
  const [templates, setTemplates] = useState<readonly ItemTemplateDto[] | null>(null);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);

  // The list holds only the visible window of paths: the folders come from the whole index.
  const [folders, setFolders] = useState<readonly string[]>([]);
  const choices = useMemo(() => {
    const list: { key: string; label: string; choice: ItemTemplateChoice }[] = (templates ?? []).map((t) => ({
      key: choiceKey(t),
      label: `${t.kind === 'archetype' ? 'Archetype' : 'Template'}: ${t.name}`,
      choice: { kind: t.kind, path: t.path },
    }));
    if (selectedPath !== null) list.push({ key: `duplicate:${selectedPath}`, label: `Duplicate ${selectedPath}`, choice: { kind: 'duplicate', path: selectedPath } });
    return list;
  }, [templates, selectedPath]);

  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    let current = true;
    void api['list:folders']().then((result) => {
      if (current && result.ok) setFolders(result.value);
    });
    return () => {
      current = false;
    };
  }, []);
  useEffect(() => {
    let current = true;
    void api['items:templates']().then((result) => {
      if (!current) return;
      if (result.ok) setTemplates(result.value);
      else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, []);

  const selected = choices.find((c) => c.key === choice) ?? choices[0];

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (selected === undefined || title.trim() === '' || busy) return;
    setBusy(true);
    const result = await api['items:create']({ folder: folder.trim().replace(/^\/+|\/+$/g, ''), title: title.trim(), template: selected.choice });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    const warnings = result.value.warnings ?? [];
    if (warnings.length > 0) showNotice({ level: 'warning', message: `Created ${result.value.path}, but: ${warnings.join(' ')}` });
    onClose();
    selectItem(result.value.path, 'replace');
  };

  return (
    <div className="items-backdrop" onClick={onClose}>
      <form
        className="items-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="New item"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
        onSubmit={(e) => void submit(e)}
      >
        <h2>New item</h2>
        <label>
          Title
          <input ref={titleRef} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={500} />
        </label>
        <label>
          Folder
          <input value={folder} onChange={(e) => setFolder(e.target.value)} list="items-folders" placeholder="(folder root)" />
          <datalist id="items-folders">
            {folders.map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
        </label>
        <label>
          Start from
          <select value={selected?.key ?? ''} onChange={(e) => setChoice(e.target.value)} disabled={choices.length === 0}>
            {choices.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        {templates !== null && choices.length === 0 && (
          <p className="items-hint">No templates yet: add Hugo archetypes (archetypes/*.md) or .folio/templates/*.md, or open an item to duplicate it.</p>
        )}
        {error && (
          <p className="items-error" role="alert">
            {error}
          </p>
        )}
        <div className="items-dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={busy || selected === undefined || title.trim() === ''}>
            Create
          </button>
        </div>
      </form>
    </div>
  );
}
