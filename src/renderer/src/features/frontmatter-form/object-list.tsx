import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { parseFieldPath, type PlainValue } from '../../../../shared/domain/frontmatter';
import type { FolioJsonSchema } from '../../../../shared/domain/schema';
import { useFolioStore } from '../../store';
import { useFormContext } from './form-context';
import { ObjectFields } from './object-group';
import { ProblemList } from './problem-list';
import { schemaAtPath } from './schema-at-path';
import { selectFrontMatterModel } from './select-front-matter-model';
import { useChildSegments } from './use-field';
import { useFieldProblems } from './use-field-problems';

const SUMMARY_KEYS = ['label', 'title', 'name', 'permalink', 'slug', 'id'];

/** An empty value shaped like `sample` (or the schema's items): '' for text, [] for lists, null otherwise. */
function blankItem(sample: PlainValue | undefined, schema: FolioJsonSchema | undefined): PlainValue {
  if (sample !== null && typeof sample === 'object' && !Array.isArray(sample)) {
    return Object.fromEntries(Object.entries(sample as Record<string, PlainValue>).map(([k, v]) => [k, typeof v === 'string' ? '' : Array.isArray(v) ? [] : v !== null && typeof v === 'object' ? blankItem(v, undefined) : null]));
  }
  const props = schema?.properties;
  if (props !== undefined) {
    return Object.fromEntries(
      Object.entries(props).map(([k, p]) => {
        const type: string | undefined = typeof p.type === 'string' ? p.type : p.type?.[0];
        return [k, type === 'string' ? '' : type === 'array' ? [] : type === 'object' ? {} : null];
      }),
    );
  }
  return {};
}

/**
 * A list of objects as cards: add, remove, duplicate, and reorder by drag or by keyboard
 * (Alt+Up/Down on a focused card, or its move buttons). Every change is one engine edit
 * (`insert-item`, `remove-item`, `move-item`), so untouched cards keep their bytes.
 */
export function ObjectList({ pathText, label }: { readonly pathText: string; readonly label: string }) {
  const ctx = useFormContext();
  const indexes = useChildSegments(pathText);
  const count = indexes.length;
  const cards = useRef(new Map<number, HTMLElement>());
  const focusAfter = useRef<number | null>(null);
  const dragFromRef = useRef<number | null>(null);
  const { commit } = ctx;

  useEffect(() => {
    if (focusAfter.current !== null) {
      cards.current.get(focusAfter.current)?.focus();
      focusAfter.current = null;
    }
  });

  const move = useCallback(
    (from: number, to: number) => {
      if (to < 0 || to >= count || from === to) return;
      if (commit([{ kind: 'move-item', path: pathText, from, to }])) focusAfter.current = to;
    },
    [commit, count, pathText],
  );
  const remove = useCallback((index: number) => commit([{ kind: 'remove-item', path: pathText, index }]), [commit, pathText]);
  const duplicate = useCallback(
    (index: number) => {
      const value = selectFrontMatterModel(useFolioStore.getState())?.getValue([...parseFieldPath(pathText), index]);
      if (value !== undefined && commit([{ kind: 'insert-item', path: pathText, index: index + 1, value }])) focusAfter.current = index + 1;
    },
    [commit, pathText],
  );
  const add = () => {
    const path = parseFieldPath(pathText);
    const sample = count > 0 ? selectFrontMatterModel(useFolioStore.getState())?.getValue([...path, 0]) : undefined;
    if (commit([{ kind: 'insert-item', path: pathText, index: count, value: blankItem(sample, schemaAtPath(ctx.schema, [...path, 0])) }])) focusAfter.current = count;
  };
  const register = useCallback((index: number, element: HTMLElement | null) => {
    if (element === null) cards.current.delete(index);
    else cards.current.set(index, element);
  }, []);
  const problems = useFieldProblems(pathText);
  return (
    <fieldset className="ff-group ff-cards" data-row-path={pathText}>
      <legend>
        {label} <span className="ff-count">{count} items</span>
      </legend>
      {problems !== undefined && <ProblemList problems={problems} />}
      <ol className="ff-card-list">
        {indexes.map((index) => (
          <Card
            key={String(index)}
            listPath={pathText}
            listLabel={label}
            index={Number(index)}
            count={count}
            onMove={move}
            onRemove={remove}
            onDuplicate={duplicate}
            register={register}
            dragFromRef={dragFromRef}
          />
        ))}
      </ol>
      <button type="button" className="ff-button" onClick={add}>
        Add {label} item
      </button>
    </fieldset>
  );
}

interface CardProps {
  readonly listPath: string;
  readonly listLabel: string;
  readonly index: number;
  readonly count: number;
  readonly onMove: (from: number, to: number) => void;
  readonly onRemove: (index: number) => void;
  readonly onDuplicate: (index: number) => void;
  readonly register: (index: number, element: HTMLElement | null) => void;
  readonly dragFromRef: { current: number | null };
}

const Card = memo(function Card({ listPath, listLabel, index, count, onMove, onRemove, onDuplicate, register, dragFromRef }: CardProps) {
  const ctx = useFormContext();
  const pathText = `${listPath}.${index}`;
  const path = parseFieldPath(pathText);
  const fields = useChildSegments(pathText);
  const [over, setOver] = useState(false);
  const summary = useFolioStore((s) => {
    const item = selectFrontMatterModel(s)?.getValue(path);
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return typeof item === 'string' ? item : '';
    const record = item as Record<string, PlainValue>;
    for (const k of SUMMARY_KEYS) {
      const v = record[k];
      if (typeof v === 'string' || typeof v === 'number') return String(v);
    }
    return '';
  });
  const name = `${listLabel} ${index + 1}${summary === '' ? '' : `: ${summary}`}`;
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target !== e.currentTarget || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    // Alt+Up/Down also means "previous/next item" app-wide; on a focused card it moves the card.
    e.preventDefault();
    e.stopPropagation();
    onMove(index, e.key === 'ArrowUp' ? index - 1 : index + 1);
  };
  return (
    <li
      ref={(el) => register(index, el)}
      className={`ff-card${over ? ' ff-card-over' : ''}`}
      tabIndex={0}
      aria-label={name}
      aria-roledescription="card"
      aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
      data-card-index={index}
      draggable={!ctx.readOnly}
      onKeyDown={onKeyDown}
      onDragStart={(e) => {
        if (e.target !== e.currentTarget) return;
        dragFromRef.current = index;
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', String(index));
      }}
      onDragOver={(e) => {
        if (dragFromRef.current === null) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const from = dragFromRef.current;
        dragFromRef.current = null;
        if (from !== null) onMove(from, index);
      }}
      onDragEnd={() => {
        dragFromRef.current = null;
        setOver(false);
      }}
    >
      <fieldset className="ff-group ff-card-body">
        <legend>{name}</legend>
        <div className="ff-card-tools" role="toolbar" aria-label={`${name} actions`}>
          <span className="ff-drag-handle" aria-hidden="true">
            ⠿
          </span>
          <button type="button" className="ff-button ff-small" disabled={index === 0} onClick={() => onMove(index, index - 1)} aria-label={`Move ${name} up`}>
            ↑
          </button>
          <button type="button" className="ff-button ff-small" disabled={index === count - 1} onClick={() => onMove(index, index + 1)} aria-label={`Move ${name} down`}>
            ↓
          </button>
          <button type="button" className="ff-button ff-small" onClick={() => onDuplicate(index)} aria-label={`Duplicate ${name}`}>
            Duplicate
          </button>
          <button type="button" className="ff-button ff-small" onClick={() => onRemove(index)} aria-label={`Remove ${name}`}>
            Remove
          </button>
        </div>
        <ObjectFields segments={fields} parentPath={path} schemaRoot={ctx.schema} />
      </fieldset>
    </li>
  );
});
