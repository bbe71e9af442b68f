/**
 * A flat copy of a string: V8 keeps a substring or regex match of 13+ characters as a view on
 * its parent, so a title cut from a file by the YAML parser, or a word matched in a body, would
 * keep the whole text it came from alive for as long as the copy is held.
 */
export function flatString(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
