import { memo } from 'react';
import { parseFieldPath } from '../../../../shared/domain/frontmatter';
import { chooseWidget } from './choose-widget';
import { useFormContext } from './form-context';
import { ObjectGroup } from './object-group';
import { ObjectList } from './object-list';
import { ScalarField } from './scalar-field';
import { ScalarList } from './scalar-list';
import { schemaAtPath } from './schema-at-path';
import { TagsWidget } from './tags-widget';
import { useField } from './use-field';
import { useStableWidget } from './use-stable-widget';

/**
 * One value of the front matter, at any depth, with the widget its schema and written type call
 * for. Memoised by path text: it re-renders only when its own bytes (or its children's keys) change.
 */
export const FieldNode = memo(function FieldNode({ pathText, label }: { readonly pathText: string; readonly label: string }) {
  const { schema: root } = useFormContext();
  const field = useField(pathText);
  const path = parseFieldPath(pathText);
  const schema = schemaAtPath(root, path);
  // Hooks before the early return: a field can vanish (raw YAML) and come back in one item.
  const widget = useStableWidget(field === undefined ? 'text' : chooseWidget(schema, field.type, field.style, field.value), schema, field?.type ?? 'null');
  if (field === undefined) return null;
  switch (widget) {
    case 'object':
      return <ObjectGroup pathText={pathText} label={label} />;
    case 'object-list':
      return <ObjectList pathText={pathText} label={label} />;
    case 'scalar-list':
      return <ScalarList pathText={pathText} label={label} />;
    case 'tags':
      return <TagsWidget pathText={pathText} label={label} value={field.value} />;
    default:
      return <ScalarField pathText={pathText} path={path} label={label} field={field} schema={schema} widget={widget} />;
  }
});
