import { FOLIO_SCHEMA_VERSION, JSON_SCHEMA_DIALECT, type ContentTypeDefinition, type FolioJsonSchema } from './folio-schema';
import type { SchemaImportResult } from './import-result';

type Obj = Readonly<Record<string, unknown>>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function fieldSchema(field: Obj, notes: string[], where: string): FolioJsonSchema | undefined {
  const type = str(field['type']) ?? 'string';
  const title = str(field['title']);
  const base: Record<string, unknown> = title === undefined ? {} : { 'x-folio-label': title };
  const description = str(field['description']);
  if (description !== undefined) base['description'] = description;
  if (field['default'] !== undefined && !(typeof field['default'] === 'string' && field['default'].includes('{{'))) base['default'] = field['default'];
  let schema: FolioJsonSchema;
  switch (type) {
    case 'string':
    case 'slug':
      schema = { type: 'string', 'x-folio-widget': field['multiline'] === true ? 'text' : 'string' };
      break;
    case 'datetime':
      schema = { type: 'string', 'x-folio-widget': 'datetime' };
      break;
    case 'boolean':
    case 'draft':
      schema = { type: 'boolean', 'x-folio-widget': 'boolean' };
      break;
    case 'number': {
      const options = isObj(field['numberOptions']) ? field['numberOptions'] : {};
      const numeric: Record<string, unknown> = { type: options['isDecimal'] === true ? 'number' : 'integer', 'x-folio-widget': 'number' };
      if (typeof options['min'] === 'number') numeric['minimum'] = options['min'];
      if (typeof options['max'] === 'number') numeric['maximum'] = options['max'];
      schema = numeric;
      break;
    }
    case 'image':
    case 'file':
      schema = field['multiple'] === true ? { type: 'array', items: { type: 'string' }, 'x-folio-widget': 'image' } : { type: 'string', 'x-folio-widget': 'image' };
      break;
    case 'tags':
    case 'categories':
    case 'taxonomy':
    case 'list':
      schema = { type: 'array', items: { type: 'string' }, 'x-folio-widget': 'tags' };
      break;
    case 'choice': {
      const choices = Array.isArray(field['choices']) ? field['choices'] : [];
      const values = choices.map((c: unknown) => (isObj(c) ? c['id'] : c)).filter((v) => typeof v === 'string' || typeof v === 'number');
      const one: FolioJsonSchema = { type: 'string', enum: values, 'x-folio-widget': 'select' };
      schema = field['multiSelect'] === true ? { type: 'array', items: one, 'x-folio-widget': 'tags' } : one;
      break;
    }
    case 'fields':
      schema = objectSchema(Array.isArray(field['fields']) ? field['fields'] : [], notes, where);
      break;
    case 'block':
      notes.push(`${where}: a block field is imported as a list of objects without a fixed shape.`);
      schema = { type: 'array', items: { type: 'object' }, 'x-folio-widget': 'list' };
      break;
    case 'contentRelationship': {
      const relation: Record<string, string> = {};
      const key = str(field['valueField']) ?? str(field['value']);
      relation['key'] = key ?? 'slug';
      const target = str(field['contentTypeName']);
      if (target !== undefined) relation['type'] = target;
      const one: FolioJsonSchema = { type: 'string', 'x-folio-widget': 'relation', 'x-folio-relation': relation };
      schema = field['multiple'] === true ? { type: 'array', items: one, 'x-folio-widget': 'relation' } : one;
      break;
    }
    case 'json':
      schema = { type: ['object', 'array'] };
      break;
    case 'divider':
    case 'heading':
      return undefined;
    default:
      notes.push(`${where}: field type "${type}" has no Folio equivalent and is imported without a type.`);
      schema = {};
  }
  return { ...schema, ...base };
}

function objectSchema(fields: readonly unknown[], notes: string[], where: string): FolioJsonSchema {
  const properties: Record<string, FolioJsonSchema> = {};
  const required: string[] = [];
  fields.forEach((field, order) => {
    if (!isObj(field)) return;
    const name = str(field['name']);
    if (name === undefined) return;
    const schema = fieldSchema(field, notes, `${where}.${name}`);
    if (schema === undefined) return;
    properties[name] = { ...schema, 'x-folio-order': order };
    // Front Matter CMS fields are optional unless `required: true`.
    if (field['required'] === true) required.push(name);
  });
  return required.length > 0 ? { type: 'object', properties, required } : { type: 'object', properties };
}

/**
 * Converts the content types of a parsed Front Matter CMS `frontmatter.json` into a Folio schema.
 * A content type used by exactly one page folder matches by that folder; otherwise by the `type`
 * front matter key, which is how Front Matter CMS itself picks a content type.
 */
export function importFrontMatterCms(config: unknown): SchemaImportResult {
  if (!isObj(config)) return { ok: false, message: 'This is not a Front Matter CMS config: it is not a JSON object.' };
  const contentTypes = config['frontMatter.taxonomy.contentTypes'];
  if (!Array.isArray(contentTypes)) return { ok: false, message: 'The config has no "frontMatter.taxonomy.contentTypes" list.' };
  const folders = Array.isArray(config['frontMatter.content.pageFolders']) ? config['frontMatter.content.pageFolders'].filter(isObj) : [];
  const notes: string[] = [];
  const types: Record<string, ContentTypeDefinition> = {};
  for (const contentType of contentTypes) {
    if (!isObj(contentType)) continue;
    const name = str(contentType['name']);
    if (name === undefined) continue;
    const usedBy = folders.filter((f) => Array.isArray(f['contentTypes']) && f['contentTypes'].includes(name));
    const folderPath = usedBy.length === 1 ? str(usedBy[0]?.['path']) : undefined;
    // `[[workspace]]/content/blog` is relative to the VS Code workspace; Folio opens the content folder.
    const dir = folderPath?.replace(/^\[\[workspace\]\]\/?/, '').replace(/\/+$/, '');
    const match = dir !== undefined && dir !== '' ? { glob: `${dir}/**` } : { key: 'type', equals: name };
    types[name] = { match, schema: objectSchema(Array.isArray(contentType['fields']) ? contentType['fields'] : [], notes, name) };
  }
  if (Object.keys(types).length === 0) return { ok: false, message: 'The Front Matter CMS config has no usable content type.' };
  return { ok: true, schema: { $schema: JSON_SCHEMA_DIALECT, 'x-folio-version': FOLIO_SCHEMA_VERSION, types }, notes };
}
