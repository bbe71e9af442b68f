import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parseFieldPath } from '../../../shared/domain/frontmatter/field-path';
import { formatFieldPath } from '../../../shared/domain/frontmatter/field-path';
import { ruleSeverity } from '../../../shared/domain/schema/collect-field-rules';
import { FOLIO_SCHEMA_PATH, type FolioJsonSchema, type FolioSchema } from '../../../shared/domain/schema/folio-schema';
import type { SchemaCheckInput } from '../../../shared/domain/validation/collect-file-facts';
import type { Problem, ProblemCode } from '../../../shared/domain/validation/problem';

/** Validates files against their content type's JSON Schema; compile failures become problems. */
export interface SchemaChecker {
  /** Problems of one file's data (empty when its type's schema did not compile). */
  check(input: SchemaCheckInput): Problem[];
  /** Problems with the schema itself, reported against the schema file. */
  readonly schemaProblems: readonly Problem[];
}

const FORMAT_HINTS: Readonly<Record<string, string>> = {
  date: 'a date like 2024-01-31',
  'date-time': 'a date-time with an offset, like 2024-01-31T09:30:00Z',
  uri: 'an absolute URL',
  email: 'an e-mail address',
};

const CODES: Readonly<Record<string, ProblemCode>> = {
  required: 'missing-required',
  type: 'wrong-type',
  enum: 'not-in-enum',
  const: 'not-in-enum',
  format: 'invalid-format',
};

function isObj(value: unknown): value is FolioJsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema nodes along an Ajv `schemaPath`, for the severity of the rule that failed. */
function chainOf(root: FolioJsonSchema, schemaPath: string): FolioJsonSchema[] {
  const chain: FolioJsonSchema[] = [root];
  const segments = schemaPath.replace(/^#\/?/, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = root;
  let mapOfSchemas = false;
  // The last segment is the failing keyword itself, not a schema node.
  for (const segment of segments.slice(0, -1)) {
    if (!isObj(node) && !Array.isArray(node)) break;
    node = (node as Record<string, unknown>)[segment];
    if (isObj(node) && !mapOfSchemas) chain.push(node);
    mapOfSchemas = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'].includes(segment) && !mapOfSchemas;
  }
  return chain;
}

function describeType(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value === 'number' ? 'the number' : typeof value === 'boolean' ? 'the boolean' : 'the text'} ${JSON.stringify(value)}`;
}

function messageOf(error: ErrorObject, field: string | undefined, value: unknown): string {
  const name = field === undefined ? 'The front matter' : `"${field}"`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `Required field ${name} is missing.`;
    case 'type':
      return `${name} should be ${String(params['type']).replace(/,/g, ' or ')}, but is ${describeType(value)}.`;
    case 'enum': {
      const allowed = Array.isArray(params['allowedValues']) ? params['allowedValues'] : [];
      const list = allowed.slice(0, 8).map((v) => JSON.stringify(v)).join(', ');
      return `${name} is ${JSON.stringify(value)}, not one of ${list}${allowed.length > 8 ? ', ...' : ''}.`;
    }
    case 'format': {
      const format = String(params['format']);
      return `${name} should be ${FORMAT_HINTS[format] ?? `in the ${format} format`}, but is ${JSON.stringify(value)}.`;
    }
    default:
      return `${name} ${error.message ?? 'does not match the schema'}.`;
  }
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return current;
}

/**
 * Compiles each content type's JSON Schema with Ajv (2020-12 + formats) on first use. Ajv
 * generates code and runs it through `new Function`, which is why this lives in main and not the
 * renderer. Ajv 7+ builds that code from escaped, typed fragments, so a hostile schema file
 * cannot inject code; what it can still do (a slow `pattern`) is bounded by the schema size limit.
 */
export function createSchemaChecker(schema: FolioSchema, schemaFile: string = FOLIO_SCHEMA_PATH): SchemaChecker {
  const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false, validateFormats: true });
  addFormats(ajv);
  const compiled = new Map<string, ValidateFunction | null>();
  const schemaProblems: Problem[] = [];
  const compile = (name: string, typeSchema: FolioJsonSchema): ValidateFunction | null => {
    let fn = compiled.get(name);
    if (fn !== undefined) return fn;
    try {
      fn = ajv.compile(typeSchema);
    } catch (error) {
      fn = null;
      const why = error instanceof Error ? error.message : String(error);
      schemaProblems.push({ file: schemaFile, severity: 'error', code: 'schema-invalid', message: `The schema of content type "${name}" cannot be used: ${why}`, line: 1, column: 1 });
    }
    compiled.set(name, fn);
    return fn;
  };
  // Compile up front so a broken type is reported even when no file belongs to it.
  for (const [name, type] of Object.entries(schema.types)) compile(name, type.schema);
  return {
    schemaProblems,
    check({ file, typeName, definition, data, locator }) {
      const validate = compile(typeName, definition.schema);
      if (validate === null || validate(data)) return [];
      const problems: Problem[] = [];
      const seen = new Set<string>();
      for (const error of validate.errors ?? []) {
        // `anyOf`/`oneOf` wrappers repeat what their branches already said.
        if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') continue;
        const params = error.params as Record<string, unknown>;
        const base = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
        const segments = error.keyword === 'required' && typeof params['missingProperty'] === 'string' ? [...base, params['missingProperty']] : base;
        const path = parseFieldPath(formatFieldPath(segments));
        const field = segments.length === 0 ? undefined : formatFieldPath(path);
        const chain = chainOf(definition.schema, error.schemaPath);
        if (error.keyword === 'required') {
          const props = chain[chain.length - 1]?.properties;
          const own = isObj(props) ? props[String(params['missingProperty'])] : undefined;
          if (isObj(own)) chain.push(own);
        }
        const code = CODES[error.keyword] ?? 'schema-rule';
        const key = `${code}\u0000${field ?? ''}\u0000${error.schemaPath}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const { line, column } = locator.locate(error.keyword === 'required' ? base : path);
        const message = messageOf(error, field, valueAt(data, path));
        problems.push(field === undefined ? { file, severity: ruleSeverity(chain), code, message, line, column } : { file, severity: ruleSeverity(chain), code, message, line, column, field });
      }
      return problems;
    },
  };
}
