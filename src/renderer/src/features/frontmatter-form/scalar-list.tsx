import { formatFieldPath, parseFieldPath, type PlainValue } from '../../../../shared/domain/frontmatter';
import { useFolioStore } from '../../store';
import { FieldNode } from './field-node';
import { useFormContext } from './form-context';
import { selectFrontMatterModel } from './select-front-matter-model';
import { useChildSegments } from './use-field';

function blankLike(sample: PlainValue | undefined): PlainValue {
  if (typeof sample === 'number') return 0;
  if (typeof sample === 'boolean') return false;
  return '';
}

/** A list of numbers, booleans or mixed scalars (e.g. `size: [720, 1280]`): one field per item. */
export function ScalarList({ pathText, label }: { readonly pathText: string; readonly label: string }) {
  const ctx = useFormContext();
  const indexes = useChildSegments(pathText);
  const path = parseFieldPath(pathText);
  const add = () => {
    const model = selectFrontMatterModel(useFolioStore.getState());
    const last = indexes.length === 0 ? undefined : model?.getValue([...path, indexes.length - 1]);
    ctx.commit([{ kind: 'insert-item', path: pathText, index: indexes.length, value: blankLike(last) }]);
  };
  return (
    <fieldset className="ff-group ff-scalar-list" data-row-path={pathText}>
      <legend>{label}</legend>
      {indexes.map((index) => (
        <div key={String(index)} className="ff-list-item">
          <FieldNode pathText={formatFieldPath([...path, index])} label={`${label} ${Number(index) + 1}`} />
          <button type="button" className="ff-button ff-small" aria-label={`Remove ${label} ${Number(index) + 1}`} onClick={() => ctx.commit([{ kind: 'remove-item', path: pathText, index: Number(index) }])}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="ff-button ff-small" onClick={add}>
        Add to {label}
      </button>
    </fieldset>
  );
}
