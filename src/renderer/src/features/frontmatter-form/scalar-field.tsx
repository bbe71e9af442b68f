import { useId } from 'react';
import type { FieldPath } from '../../../../shared/domain/frontmatter';
import type { FolioJsonSchema } from '../../../../shared/domain/schema';
import { useFolioStore } from '../../store';
import { BooleanWidget } from './boolean-widget';
import type { WidgetKind } from './choose-widget';
import { DateWidget } from './date-widget';
import { useFormContext } from './form-context';
import { ImageWidget } from './image-widget';
import { setMirrorUnlinked, useUnlinkedMirrors } from './mirror-unlinks';
import { NumberWidget } from './number-widget';
import { ProblemList } from './problem-list';
import { SelectWidget } from './select-widget';
import { selectFrontMatterModel } from './select-front-matter-model';
import { TextWidget } from './text-widget';
import type { FieldState } from './use-field';
import type { WidgetProps } from './widget-props';
import { useFieldProblems } from './use-field-problems';

const TEXTUAL: ReadonlySet<WidgetKind> = new Set(['text', 'long-text', 'url', 'relation', 'image', 'select']);

function renderWidget(widget: WidgetKind, props: WidgetProps) {
  switch (widget) {
    case 'number':
      return <NumberWidget {...props} />;
    case 'boolean':
      return <BooleanWidget {...props} />;
    case 'date':
      return <DateWidget {...props} withTime={false} />;
    case 'datetime':
      return <DateWidget {...props} withTime />;
    case 'select':
      return <SelectWidget {...props} />;
    case 'image':
      return <ImageWidget {...props} />;
    case 'long-text':
    case 'url':
    case 'relation':
      return <TextWidget {...props} variant={widget} />;
    default:
      return <TextWidget {...props} variant="text" />;
  }
}

/**
 * A labelled scalar: the widget, null/empty actions (null and '' stay distinct), the mirror link
 * of a mirrored field, and the field's problems underneath.
 */
export function ScalarField({ pathText, path, label, field, schema, widget }: { readonly pathText: string; readonly path: FieldPath; readonly label: string; readonly field: FieldState; readonly schema: FolioJsonSchema | undefined; readonly widget: WidgetKind }) {
  const ctx = useFormContext();
  const id = useId();
  const problemsId = useId();
  const problems = useFieldProblems(pathText);
  const source = ctx.mirrorSources.get(pathText);
  const unlinked = useUnlinkedMirrors(ctx.itemPath);
  // A string, so the row re-renders only when the source's value really changes.
  const sourceJson = useFolioStore((s) => (source === undefined ? '' : JSON.stringify(selectFrontMatterModel(s)?.getValue(source) ?? null)));
  const isUnlinked = source !== undefined && unlinked.has(pathText);
  const following = source !== undefined && !isUnlinked && sourceJson === JSON.stringify(field.value ?? null);
  const props: WidgetProps = {
    id,
    pathText,
    path,
    value: field.value,
    type: field.type,
    schema,
    locked: following,
    describedBy: problems !== undefined && problems.length > 0 ? problemsId : undefined,
    onCommit: (value) => ctx.setValue(pathText, value),
  };
  return (
    <div className={`ff-row${following ? ' ff-mirrored' : ''}`} data-row-path={pathText}>
      <label className="ff-label" htmlFor={id}>
        {label}
      </label>
      <div className="ff-control">
        {renderWidget(widget, props)}
        {field.value === null && TEXTUAL.has(widget) && (
          <button type="button" className="ff-button ff-small" onClick={() => ctx.setValue(pathText, '')} aria-label={`Clear ${label} to empty`}>
            Clear to empty
          </button>
        )}
        {field.value === '' && (
          <button type="button" className="ff-button ff-small" onClick={() => ctx.setValue(pathText, null)} aria-label={`Set ${label} to null`}>
            Set null
          </button>
        )}
        {source !== undefined && (
          <span className="ff-mirror">
            <span className="ff-hint">{following ? `🔗 follows ${source}` : isUnlinked ? `unlinked from ${source}` : `differs from ${source}`}</span>
            {following ? (
              <button type="button" className="ff-button ff-small" onClick={() => setMirrorUnlinked(ctx.itemPath, pathText, true)} aria-label={`Unlink ${pathText} from ${source}`}>
                Unlink
              </button>
            ) : (
              <button
                type="button"
                className="ff-button ff-small"
                aria-label={`Link ${pathText} to ${source}`}
                onClick={() => {
                  setMirrorUnlinked(ctx.itemPath, pathText, false);
                  const value = selectFrontMatterModel(useFolioStore.getState())?.getValue(source);
                  if (value !== undefined) ctx.commit([{ kind: 'set', path: pathText, value }]);
                }}
              >
                Link
              </button>
            )}
          </span>
        )}
      </div>
      {problems !== undefined && <ProblemList id={problemsId} problems={problems} />}
    </div>
  );
}
