import { editFrontMatter, parseFrontMatterDocument, splitFrontMatter, type FrontMatterEdit, type PlainValue } from '../frontmatter';

/** What a new item is made of: the values Folio generates for it. */
export interface TemplateValues {
  readonly title: string;
  readonly slug: string;
  /** Today in the folder's format; null leaves a template's date as it is. */
  readonly date: string | null;
  /** The next numeric id; null when the folder's ids are not numeric. */
  readonly id: number | null;
}

/** Options of `fillTemplate`. */
export interface FillTemplateOptions {
  /**
   * Replace the known Hugo placeholders (`{{ .Name }}`, `{{ .Date }}`, ...) textually. True for
   * archetypes and templates; false when duplicating an item, whose text is content, not a template.
   */
  readonly placeholders?: boolean;
  /** Paths that repeat the title (Open Graph, Twitter cards); filled only where the template has them. */
  readonly titleMirrors?: readonly string[];
  /** Paths that repeat the description; filled only where the template has them. */
  readonly descriptionMirrors?: readonly string[];
}

/** The filled text, and what could not be filled (the item is still created). */
export interface FilledTemplate {
  readonly text: string;
  readonly warnings: readonly string[];
}

/** Where curated-news items repeat the title (see the seed item). */
export const DEFAULT_TITLE_MIRRORS: readonly string[] = ['openGraphMetaData.ogtitle', 'twitterMetaData.twittertitle', 'htmlMetaData.ogtitle', 'featuredImage.alt'];

/** Where curated-news items repeat the description. */
export const DEFAULT_DESCRIPTION_MIRRORS: readonly string[] = [
  'htmlMetaData.description',
  'htmlMetaData.ogdescription',
  'openGraphMetaData.ogdescription',
  'twitterMetaData.twitterdescription',
];

type PlaceholderValue = 'title' | 'slug' | 'date';

// The only template expressions Folio understands, after collapsing whitespace. Everything else in
// `{{ }}` stays literal text: archetypes are Go templates and are never executed.
const KNOWN_PLACEHOLDERS: ReadonlyMap<string, PlaceholderValue> = new Map([
  ['.Name', 'slug'],
  ['.File.ContentBaseName', 'slug'],
  ['.Title', 'title'],
  ['.Name | title', 'title'],
  ['replace .Name "-" " " | title', 'title'],
  ['replace .File.ContentBaseName "-" " " | title', 'title'],
  ['title (replace .Name "-" " ")', 'title'],
  ['.Date', 'date'],
]);

const PLACEHOLDER = /\{\{-?\s*([^{}]*?)\s*-?\}\}/g;

/** Which quotes (if any) are open at the end of `prefix`, a line of YAML up to a placeholder. */
function quoteContext(prefix: string): 'none' | 'single' | 'double' {
  let state: 'none' | 'single' | 'double' = 'none';
  for (let i = 0; i < prefix.length; i++) {
    const ch = prefix[i];
    if (state === 'double' && ch === '\\') i++;
    else if (state !== 'single' && ch === '"') state = state === 'double' ? 'none' : 'double';
    else if (state !== 'double' && ch === "'") state = state === 'single' ? 'none' : 'single';
  }
  return state;
}

/** True when `value` reads back as the same string as a plain (unquoted) YAML 1.2 scalar. */
function isPlainSafe(value: string): boolean {
  if (value === '' || value !== value.trim()) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: |\s#|:$|[\n\r\t]/.test(value)) return false;
  if (/^(?:true|false|null|~|yes|no|on|off)$/i.test(value)) return false;
  return !/^[-+]?(?:\.?\d|\.inf|\.nan)/i.test(value) || /^\d{4}-\d{2}-\d{2}/.test(value);
}

/** Writes `value` where a placeholder stood in YAML, escaped for the quotes around it. */
function yamlSafe(value: string, line: string, start: number, end: number): string {
  const context = quoteContext(line.slice(0, start));
  if (context === 'double') return JSON.stringify(value).slice(1, -1);
  if (context === 'single') return value.replace(/'/g, "''");
  const before = line.slice(0, start);
  const after = line.slice(end);
  // The placeholder is the whole value (`title: {{ .Title }}`): quote it when plain would misread.
  const wholeValue = /^\s*(?:-\s+)*(?:[^'"#]*?:\s+)?$/.test(before) && /^\s*(?:#.*)?$/.test(after);
  return wholeValue && !isPlainSafe(value) ? JSON.stringify(value) : value;
}

function replacePlaceholders(text: string, values: TemplateValues, inYaml: boolean): string {
  return text.replace(PLACEHOLDER, (match: string, inner: string, offset: number) => {
    const kind = KNOWN_PLACEHOLDERS.get(inner.replace(/\s+/g, ' ').trim());
    if (kind === undefined) return match;
    const value = kind === 'title' ? values.title : kind === 'slug' ? values.slug : (values.date ?? match);
    if (!inYaml) return value;
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const lineEndAt = text.indexOf('\n', offset);
    const line = text.slice(lineStart, lineEndAt === -1 ? text.length : lineEndAt);
    return yamlSafe(value, line, offset - lineStart, offset - lineStart + match.length);
  });
}

/**
 * Fills a template (a Hugo archetype, a `.folio/templates` file or an item being duplicated) for a
 * new item. Known placeholders are replaced as text (`{{ .Name }}`, `{{ .Date }}`, `{{ .Title }}`
 * and Hugo's `replace .Name "-" " " | title`); any other `{{ }}` stays literal, because templates
 * are never executed. Then the engine's format-preserving `set` edits write the exact title, and
 * the slug, date and id where the template has those keys, and the mirrors of title and
 * description the template has. An edit that cannot be made becomes a warning.
 */
export function fillTemplate(templateText: string, values: TemplateValues, options: FillTemplateOptions = {}): FilledTemplate {
  const warnings: string[] = [];
  let text = templateText;
  if (options.placeholders ?? true) {
    const split = splitFrontMatter(text);
    if (split.hasFrontMatter) {
      const head = text.slice(0, split.frontMatterOffset);
      const yaml = replacePlaceholders(split.frontMatter, values, split.language === 'yaml');
      const rest = text.slice(split.frontMatterOffset + split.frontMatter.length, split.bodyOffset);
      text = head + yaml + rest + replacePlaceholders(split.body, values, false);
    } else {
      text = replacePlaceholders(text, values, false);
    }
  }

  const doc = parseFrontMatterDocument(text);
  if (!doc.editable) {
    const first = doc.diagnostics.find((d) => d.severity === 'error');
    warnings.push(`The template's front matter cannot be edited (${first?.message ?? 'unknown problem'}); title, date and id were not set.`);
    return { text, warnings };
  }
  const has = (path: string): boolean => doc.getValue(path) !== undefined;
  const edits: FrontMatterEdit[] = [{ kind: 'set', path: 'title', value: values.title }];
  if (has('slug')) edits.push({ kind: 'set', path: 'slug', value: values.slug });
  if (has('date') && values.date !== null) edits.push({ kind: 'set', path: 'date', value: values.date });
  if (has('id') && values.id !== null) edits.push({ kind: 'set', path: 'id', value: values.id });
  for (const path of options.titleMirrors ?? DEFAULT_TITLE_MIRRORS) {
    if (has(path)) edits.push({ kind: 'set', path, value: values.title });
  }
  const description: PlainValue | undefined = doc.getValue('description');
  if (typeof description === 'string') {
    for (const path of options.descriptionMirrors ?? DEFAULT_DESCRIPTION_MIRRORS) {
      if (has(path)) edits.push({ kind: 'set', path, value: description });
    }
  }
  // One edit at a time, so a key the engine refuses (say `date` holding a map) costs only itself.
  for (const edit of edits) {
    const outcome = editFrontMatter(text, edit);
    if (outcome.ok) text = outcome.value;
    else warnings.push(`${String(edit.path)} was not set: ${outcome.diagnostic.message}`);
  }
  return { text, warnings };
}
