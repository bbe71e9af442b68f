import type { FieldStyle, FieldType, PlainValue } from '../../../../shared/domain/frontmatter';
import type { FolioJsonSchema } from '../../../../shared/domain/schema';

/** The widget a value is edited with. */
export type WidgetKind =
  | 'text'
  | 'long-text'
  | 'number'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'select'
  | 'tags'
  | 'url'
  | 'image'
  | 'relation'
  | 'object'
  | 'object-list'
  | 'scalar-list';

const IMAGE_VALUE = /\.(?:png|jpe?g|gif|webp|avif|svg)(?:[?#].*)?$/i;
const LONG_TEXT = 80;

function schemaTypes(schema: FolioJsonSchema | undefined): readonly string[] {
  const type = schema?.type;
  return type === undefined ? [] : typeof type === 'string' ? [type] : type;
}

function listWidget(value: PlainValue | undefined, schema: FolioJsonSchema | undefined): WidgetKind {
  const items = Array.isArray(value) ? (value as readonly PlainValue[]) : [];
  if (items.length > 0 && items.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) return 'object-list';
  if (items.length > 0 && items.every((v) => typeof v === 'string')) return 'tags';
  if (items.length > 0) return 'scalar-list';
  const itemTypes = schemaTypes(schema?.items);
  if (itemTypes.includes('object')) return 'object-list';
  if (itemTypes.length > 0 && !itemTypes.includes('string')) return 'scalar-list';
  return 'tags';
}

function fromSchema(schema: FolioJsonSchema | undefined): WidgetKind | undefined {
  switch (schema?.['x-folio-widget']) {
    case 'string':
      return 'text';
    case 'text':
    case 'markdown':
      return 'long-text';
    case 'number':
    case 'boolean':
    case 'date':
    case 'datetime':
    case 'select':
    case 'tags':
    case 'url':
    case 'image':
    case 'relation':
    case 'object':
      return schema['x-folio-widget'];
    case 'list':
      return 'object-list';
    case undefined:
      break;
  }
  if (schema === undefined) return undefined;
  if (schema.format === 'date') return 'date';
  if (schema.format === 'date-time') return 'datetime';
  if (schema.format === 'uri') return 'url';
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return 'select';
  const types = schemaTypes(schema).filter((t) => t !== 'null');
  if (types.length === 1) {
    if (types[0] === 'boolean') return 'boolean';
    if (types[0] === 'number' || types[0] === 'integer') return 'number';
    if (types[0] === 'object') return 'object';
    if (types[0] === 'string') return 'text';
  }
  return undefined;
}

/** Which widgets can show a value of a written type without losing or converting it. */
function fits(widget: WidgetKind, type: FieldType): boolean {
  if (type === 'null') return widget !== 'object' && widget !== 'object-list' && widget !== 'scalar-list';
  switch (widget) {
    case 'number':
      return type === 'number';
    case 'boolean':
      return type === 'boolean';
    case 'object':
      return type === 'map';
    case 'tags':
    case 'object-list':
    case 'scalar-list':
      return type === 'seq';
    case 'date':
      return type === 'date' || type === 'string';
    case 'datetime':
      return type === 'datetime' || type === 'string';
    default:
      return type === 'string' || type === 'date' || type === 'datetime';
  }
}

/**
 * Chooses the widget of a field: the schema's `x-folio-widget`, else its JSON Schema type, format
 * and enum, else the value's written type. A schema that disagrees with the written value loses,
 * so a curator can always edit what is actually in the file without it being converted.
 */
export function chooseWidget(schema: FolioJsonSchema | undefined, type: FieldType, style: FieldStyle | undefined, value: PlainValue | undefined): WidgetKind {
  let widget = fromSchema(schema);
  if (widget !== undefined && (widget === 'tags' || widget === 'object-list') && type === 'seq') widget = listWidget(value, schema);
  if (widget === undefined || !fits(widget, type)) {
    switch (type) {
      case 'map':
        return 'object';
      case 'seq':
        return listWidget(value, schema);
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'date':
        return 'date';
      case 'datetime':
        return 'datetime';
      default:
        widget = 'text';
    }
  }
  if ((widget === 'text' || widget === 'select' || widget === 'url') && typeof value === 'string' && IMAGE_VALUE.test(value)) return 'image';
  if (widget === 'text' && typeof value === 'string' && (style === 'block-folded' || style === 'block-literal' || value.length > LONG_TEXT || value.includes('\n'))) return 'long-text';
  return widget;
}
