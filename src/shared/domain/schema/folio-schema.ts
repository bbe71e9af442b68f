/** The JSON Schema dialect every Folio schema file declares. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** The version of the `.folio/schema.json` format this code reads and writes. */
export const FOLIO_SCHEMA_VERSION = 1;

/** Where a folder keeps its schema, relative to the folder root. */
export const FOLIO_SCHEMA_PATH = '.folio/schema.json';

/** How much a rule's violation matters; the same scale as every other problem. */
export type RuleSeverity = 'error' | 'warning' | 'info';

/** The editor widget a field is shown with. */
export type FolioWidget =
  | 'string'
  | 'text'
  | 'markdown'
  | 'number'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'select'
  | 'tags'
  | 'list'
  | 'object'
  | 'url'
  | 'image'
  | 'relation';

/** Date formats Folio recognises, keeps and can normalise between. */
export type FolioDateFormat = 'YYYY-MM-DD' | 'YYYY/MM/DD' | 'DD.MM.YYYY' | 'MM/DD/YYYY' | 'date-time';

/** Which items a relation field points at and by which of their keys. */
export interface FolioRelation {
  /** The identifying key of the target items: `permalink`, `slug`, `id` or `aliases`. */
  readonly key?: string;
  /** Restrict targets to one content type of the schema. */
  readonly type?: string;
}

/**
 * A JSON Schema 2020-12 node plus Folio's `x-folio-*` annotations. Open-ended because a person may
 * write any JSON Schema keyword; the typed members are the ones Folio reads itself.
 */
export interface FolioJsonSchema {
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly properties?: Readonly<Record<string, FolioJsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: FolioJsonSchema;
  readonly 'x-folio-widget'?: FolioWidget;
  readonly 'x-folio-label'?: string;
  readonly 'x-folio-order'?: number;
  readonly 'x-folio-group'?: string;
  /** True to show the field as a list column by default. */
  readonly 'x-folio-column'?: boolean;
  /** Values must be distinct across every item of the content type. */
  readonly 'x-folio-unique'?: boolean;
  /** Dotted path (from the item root) of the field this one copies. */
  readonly 'x-folio-mirrorOf'?: string;
  readonly 'x-folio-dateFormat'?: FolioDateFormat;
  /** Dotted path of the field a new slug is generated from. */
  readonly 'x-folio-slugSource'?: string;
  readonly 'x-folio-relation'?: FolioRelation;
  /** True on rules Folio inferred: their problems are warnings unless a severity is given. */
  readonly 'x-folio-inferred'?: boolean;
  readonly 'x-folio-severity'?: RuleSeverity;
  /** Inference evidence: how often each enum value was seen. */
  readonly 'x-folio-counts'?: Readonly<Record<string, number>>;
  /** Inference evidence: the share of parent objects that have this key (0..1). */
  readonly 'x-folio-presence'?: number;
  /** Inference evidence: the observed numeric range (not enforced: ids and counts grow). */
  readonly 'x-folio-range'?: { readonly min: number; readonly max: number };
  readonly [keyword: string]: unknown;
}

/** How a content type claims a file: a folder glob, or a discriminator key's value. */
export type ContentTypeMatch = { readonly glob: string } | { readonly key: string; readonly equals: string | number | boolean };

/** One content type: which files it claims and the schema of their front matter. */
export interface ContentTypeDefinition {
  readonly match: ContentTypeMatch;
  readonly schema: FolioJsonSchema;
}

/** The whole `.folio/schema.json` document. */
export interface FolioSchema {
  readonly $schema: string;
  readonly 'x-folio-version': number;
  /** Content types in match order: the first that matches a file wins. */
  readonly types: Readonly<Record<string, ContentTypeDefinition>>;
}
