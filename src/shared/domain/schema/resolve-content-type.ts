import type { ContentTypeDefinition, FolioSchema } from './folio-schema';
import { matchGlob } from './match-glob';

/** The content type a file belongs to. */
export interface ResolvedContentType {
  readonly name: string;
  readonly definition: ContentTypeDefinition;
}

/**
 * Finds the content type of a file: the first type, in the schema's order, whose glob matches
 * the path or whose discriminator key has the given value. Undefined when none claims the file.
 */
export function resolveContentType(schema: FolioSchema, relPath: string, data: Readonly<Record<string, unknown>> | null): ResolvedContentType | undefined {
  for (const [name, definition] of Object.entries(schema.types)) {
    const match = definition.match;
    if ('glob' in match) {
      if (matchGlob(match.glob, relPath)) return { name, definition };
    } else if (data !== null && Object.hasOwn(data, match.key) && data[match.key] === match.equals) {
      return { name, definition };
    }
  }
  return undefined;
}
