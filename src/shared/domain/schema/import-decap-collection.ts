import { FOLIO_SCHEMA_VERSION, JSON_SCHEMA_DIALECT, type ContentTypeDefinition, type ContentTypeMatch, type FolioJsonSchema } from './folio-schema';
import type { SchemaImportResult } from './import-result';

/** Options for {@link importDecapCollection}. */
export interface DecapImportOptions {
  /** Only this collection (by `name`); default every collection. */
  readonly collection?: string;
  /** The folder Folio opens, relative to the Decap repository root (`content`): stripped from `folder` globs. */
  readonly contentRoot?: string;
}

type Obj = Readonly<Record<string, unknown>>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// Decap date formats are moment.js tokens; only the ones Folio can keep map over.
function dateFormatOf(field: Obj): FolioJsonSchema {
  const format = str(field['format']) ?? str(field['date_format']);
  const timeOff = field['time_format'] === false;
  if (format === 'YYYY-MM-DD' || (timeOff && format === undefined)) return { type: 'string', format: 'date', 'x-folio-widget': 'date', 'x-folio-dateFormat': 'YYYY-MM-DD' };
  if (format === 'YYYY/MM/DD' || format === 'DD.MM.YYYY' || format === 'MM/DD/YYYY') return { type: 'string', 'x-folio-widget': 'date', 'x-folio-dateFormat': format };
  return { type: 'string', format: 'date-time', 'x-folio-widget': 'datetime', 'x-folio-dateFormat': 'date-time' };
}

function fieldSchema(field: Obj, notes: string[], where: string): FolioJsonSchema {
  const widget = str(field['widget']) ?? 'string';
  const label = str(field['label']);
  const base: Record<string, unknown> = label === undefined ? {} : { 'x-folio-label': label };
  const hint = str(field['hint']);
  if (hint !== undefined) base['description'] = hint;
  if (field['default'] !== undefined) base['default'] = field['default'];
  const multiple = field['multiple'] === true;
  const many = (schema: FolioJsonSchema): FolioJsonSchema => (multiple ? { type: 'array', items: schema } : schema);
  let schema: FolioJsonSchema;
  switch (widget) {
    case 'string':
      schema = { type: 'string', 'x-folio-widget': 'string' };
      break;
    case 'text':
      schema = { type: 'string', 'x-folio-widget': 'text' };
      break;
    case 'markdown':
      schema = { type: 'string', 'x-folio-widget': 'markdown' };
      break;
    case 'datetime':
    case 'date':
      schema = dateFormatOf(field);
      break;
    case 'boolean':
      schema = { type: 'boolean', 'x-folio-widget': 'boolean' };
      break;
    case 'number': {
      const integer = str(field['value_type']) === 'int';
      const numeric: Record<string, unknown> = { type: integer ? 'integer' : 'number', 'x-folio-widget': 'number' };
      if (typeof field['min'] === 'number') numeric['minimum'] = field['min'];
      if (typeof field['max'] === 'number') numeric['maximum'] = field['max'];
      schema = numeric;
      break;
    }
    case 'image':
    case 'file':
      schema = many({ type: 'string', 'x-folio-widget': 'image' });
      break;
    case 'select': {
      const options = Array.isArray(field['options']) ? field['options'] : [];
      const values = options.map((o: unknown) => (isObj(o) ? o['value'] : o)).filter((v) => typeof v === 'string' || typeof v === 'number');
      schema = many({ type: 'string', enum: values, 'x-folio-widget': 'select' });
      if (multiple) schema = { ...schema, 'x-folio-widget': 'tags' };
      break;
    }
    case 'relation': {
      const valueField = str(field['value_field']) ?? str(field['valueField']);
      const relation: Record<string, string> = {};
      // Decap's `{{slug}}` value field is the target's slug.
      if (valueField !== undefined) relation['key'] = valueField.replace(/^\{\{(.*)\}\}$/, '$1');
      const collection = str(field['collection']);
      if (collection !== undefined) relation['type'] = collection;
      schema = many({ type: 'string', 'x-folio-widget': 'relation', 'x-folio-relation': relation });
      break;
    }
    case 'object':
      schema = objectSchema(Array.isArray(field['fields']) ? field['fields'] : [], notes, where);
      break;
    case 'list': {
      let items: FolioJsonSchema;
      if (Array.isArray(field['fields'])) items = objectSchema(field['fields'], notes, where);
      else if (isObj(field['field'])) items = fieldSchema(field['field'], notes, where);
      else if (Array.isArray(field['types'])) {
        notes.push(`${where}: a list of variable types is imported as a list of objects without a fixed shape.`);
        items = { type: 'object' };
      } else items = { type: 'string' };
      schema = { type: 'array', items, 'x-folio-widget': items.type === 'string' ? 'tags' : 'list' };
      break;
    }
    case 'hidden':
      schema = {};
      break;
    default:
      notes.push(`${where}: widget "${widget}" has no Folio equivalent and is imported without a type.`);
      schema = { 'x-folio-widget': 'string' };
  }
  const pattern = field['pattern'];
  if (Array.isArray(pattern) && typeof pattern[0] === 'string') base['pattern'] = pattern[0];
  return { ...schema, ...base };
}

function objectSchema(fields: readonly unknown[], notes: string[], where: string): FolioJsonSchema {
  const properties: Record<string, FolioJsonSchema> = {};
  const required: string[] = [];
  fields.forEach((field, order) => {
    if (!isObj(field)) return;
    const name = str(field['name']);
    if (name === undefined) return;
    // `body` is the Markdown after the front matter in Decap, not a front matter key.
    if (where.split('.').length === 1 && name === 'body' && (field['widget'] === 'markdown' || field['widget'] === undefined)) return;
    properties[name] = { ...fieldSchema(field, notes, `${where}.${name}`), 'x-folio-order': order };
    // Decap fields are required unless `required: false`.
    if (field['required'] !== false && field['widget'] !== 'hidden') required.push(name);
  });
  return required.length > 0 ? { type: 'object', properties, required } : { type: 'object', properties };
}

function stripRoot(folder: string, contentRoot: string | undefined): string {
  const clean = folder.replace(/^\.?\/+|\/+$/g, '');
  if (contentRoot === undefined) return clean;
  const root = contentRoot.replace(/^\.?\/+|\/+$/g, '');
  if (clean === root) return '';
  return clean.startsWith(`${root}/`) ? clean.slice(root.length + 1) : clean;
}

/**
 * Converts the collections of a parsed Decap CMS `config.yml` into a Folio schema: a folder
 * collection becomes a type matched by `folder/**` (or by its `filter` key), a file collection one
 * type per file, and each widget the matching JSON Schema with Folio hints.
 */
export function importDecapCollection(config: unknown, options: DecapImportOptions = {}): SchemaImportResult {
  if (!isObj(config) || !Array.isArray(config['collections'])) return { ok: false, message: 'This is not a Decap CMS config: it has no "collections" list.' };
  const notes: string[] = [];
  const types: Record<string, ContentTypeDefinition> = {};
  for (const collection of config['collections']) {
    if (!isObj(collection)) continue;
    const name = str(collection['name']);
    if (name === undefined || (options.collection !== undefined && name !== options.collection)) continue;
    const folder = str(collection['folder']);
    const filter = collection['filter'];
    if (folder !== undefined) {
      let match: ContentTypeMatch;
      if (isObj(filter) && typeof filter['field'] === 'string' && ['string', 'number', 'boolean'].includes(typeof filter['value'])) {
        match = { key: filter['field'], equals: filter['value'] as string | number | boolean };
      } else {
        const dir = stripRoot(folder, options.contentRoot);
        match = { glob: dir === '' ? '**' : `${dir}/**` };
      }
      const schema = objectSchema(Array.isArray(collection['fields']) ? collection['fields'] : [], notes, name);
      const label = str(collection['label']);
      types[name] = { match, schema: label === undefined ? schema : { ...schema, 'x-folio-label': label } };
    } else if (Array.isArray(collection['files'])) {
      for (const file of collection['files']) {
        if (!isObj(file) || typeof file['file'] !== 'string') continue;
        const fileName = str(file['name']) ?? file['file'];
        types[`${name}/${fileName}`] = {
          match: { glob: stripRoot(file['file'], options.contentRoot) },
          schema: objectSchema(Array.isArray(file['fields']) ? file['fields'] : [], notes, `${name}.${fileName}`),
        };
      }
    } else {
      notes.push(`${name}: a collection without "folder" or "files" was skipped.`);
    }
  }
  if (Object.keys(types).length === 0) {
    return { ok: false, message: options.collection === undefined ? 'The Decap config has no usable collection.' : `The Decap config has no collection named "${options.collection}".` };
  }
  return { ok: true, schema: { $schema: JSON_SCHEMA_DIALECT, 'x-folio-version': FOLIO_SCHEMA_VERSION, types }, notes };
}
