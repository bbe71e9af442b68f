/**
 * The workspace-relative path of attempt `attempt` (1-based) at naming a new item: `<slug>.md`,
 * then `<slug>-2.md`, `<slug>-3.md`, ... `folder` is '' for the root.
 */
export function fileNameForSlug(folder: string, slug: string, attempt: number, extension = '.md'): string {
  const prefix = folder === '' ? '' : `${folder}/`;
  return `${prefix}${slugForAttempt(slug, attempt)}${extension}`;
}

/** The slug of attempt `attempt`: the file name and the `slug` field stay in step. */
export function slugForAttempt(slug: string, attempt: number): string {
  return attempt <= 1 ? slug : `${slug}-${attempt}`;
}
