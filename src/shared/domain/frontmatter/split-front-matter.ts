import { createDiagnostic, type FrontMatterDiagnostic } from './diagnostic';

/** The line-ending style of a file; `mixed` files keep every line's own ending on edit. */
export type EolStyle = 'lf' | 'crlf' | 'mixed' | 'none';

/**
 * A file cut into its parts. Joining `bom + openFence + frontMatter + closeFence + body` gives
 * the original text byte for byte, which is what lets edits touch only the bytes they change.
 */
export interface FrontMatterSplit {
  /** `'\uFEFF'` when the file starts with a byte order mark, else `''`. */
  readonly bom: string;
  /** True when an opening fence was found (even if the block is unclosed or not YAML). */
  readonly hasFrontMatter: boolean;
  /** The opening fence line including its line ending, e.g. `'---\r\n'`; `''` when none. */
  readonly openFence: string;
  /** The language tag as written after `---`, trimmed (`''` for plain YAML). */
  readonly languageTag: string;
  /** The tag lower-cased, with `''` and `yaml` both reported as `'yaml'`. */
  readonly language: string;
  /** The text between the fences (each line with its own ending). */
  readonly frontMatter: string;
  /** Offset of `frontMatter` in the whole file. */
  readonly frontMatterOffset: number;
  /** The closing fence line including its line ending; `''` when none. */
  readonly closeFence: string;
  /** Everything after the closing fence (or the whole file when there is no front matter). */
  readonly body: string;
  /** Offset of `body` in the whole file. */
  readonly bodyOffset: number;
  /** The line-ending style of the whole file. */
  readonly eol: EolStyle;
  /** The ending new lines should use: the first one in the file, `\n` if none. */
  readonly newline: '\n' | '\r\n';
  /** Problems found while splitting (unsupported language, unclosed fence, BOM). */
  readonly diagnostics: readonly FrontMatterDiagnostic[];
}

const BOM = '\uFEFF';
// `---` then optional spaces/tabs then an optional tag; a fourth `-` means it is not a fence.
const OPEN_FENCE = /^---(?!-)[ \t]*(.*?)[ \t]*$/;
const CLOSE_FENCE = /^(?:---|\.\.\.)[ \t]*$/;

/** Classifies a text's line endings without allocating per line. */
export function detectEol(text: string): { eol: EolStyle; newline: '\n' | '\r\n' } {
  let lf = 0;
  let crlf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf += 1;
    else lf += 1;
    // Once both styles were seen the answer cannot change; stop scanning large bodies.
    if (lf > 0 && crlf > 0) break;
  }
  const first = text.indexOf('\n');
  const newline = first > 0 && text.charCodeAt(first - 1) === 13 ? '\r\n' : '\n';
  if (lf > 0 && crlf > 0) return { eol: 'mixed', newline };
  if (crlf > 0) return { eol: 'crlf', newline };
  if (lf > 0) return { eol: 'lf', newline };
  return { eol: 'none', newline };
}

/** Returns the line starting at `start` without its ending, and the offset after its ending. */
function readLine(text: string, start: number): { content: string; next: number } {
  const nl = text.indexOf('\n', start);
  const end = nl === -1 ? text.length : nl;
  const contentEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
  return { content: text.slice(start, contentEnd), next: nl === -1 ? text.length : nl + 1 };
}

/**
 * Splits a file into BOM, fences, front matter and body without any YAML parsing (and so without
 * gray-matter's engines, which `eval` `---js` blocks). Never throws.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const bom = text.startsWith(BOM) ? BOM : '';
  const { eol, newline } = detectEol(text);
  const start = bom.length;
  const first = readLine(text, start);
  const open = OPEN_FENCE.exec(first.content);
  if (open === null) {
    return {
      bom,
      hasFrontMatter: false,
      openFence: '',
      languageTag: '',
      language: 'yaml',
      frontMatter: '',
      frontMatterOffset: start,
      closeFence: '',
      body: text.slice(start),
      bodyOffset: start,
      eol,
      newline,
      diagnostics: [],
    };
  }
  const languageTag = open[1] ?? '';
  const lowered = languageTag.toLowerCase();
  const language = lowered === '' || lowered === 'yaml' ? 'yaml' : lowered;
  const diagnostics: FrontMatterDiagnostic[] = [];
  if (bom !== '') {
    // Kept byte-exact, but several static-site generators do not see the fence behind a BOM.
    diagnostics.push(
      createDiagnostic(
        text,
        'bom-before-fence',
        'warning',
        'The file starts with an invisible byte order mark before the front matter fence. Folio keeps it, but some site generators will not see the front matter.',
        0,
        1,
      ),
    );
  }
  if (language !== 'yaml') {
    diagnostics.push(
      createDiagnostic(
        text,
        'unsupported-language',
        'error',
        `Front matter in "${languageTag}" is not supported (only YAML). The file opens read-only as raw text; nothing in it is run.`,
        start,
        start + first.content.length,
      ),
    );
  }
  const fmStart = first.next;
  let pos = fmStart;
  while (pos < text.length) {
    const line = readLine(text, pos);
    if (CLOSE_FENCE.test(line.content)) {
      return {
        bom,
        hasFrontMatter: true,
        openFence: text.slice(start, fmStart),
        languageTag,
        language,
        frontMatter: text.slice(fmStart, pos),
        frontMatterOffset: fmStart,
        closeFence: text.slice(pos, line.next),
        body: text.slice(line.next),
        bodyOffset: line.next,
        eol,
        newline,
        diagnostics,
      };
    }
    pos = line.next;
  }
  diagnostics.push(
    createDiagnostic(
      text,
      'unclosed-fence',
      'error',
      'The front matter opened with "---" is never closed by a "---" line. The file opens read-only as raw text.',
      start,
      start + first.content.length,
    ),
  );
  return {
    bom,
    hasFrontMatter: true,
    openFence: text.slice(start, fmStart),
    languageTag,
    language,
    frontMatter: text.slice(fmStart),
    frontMatterOffset: fmStart,
    closeFence: '',
    body: '',
    bodyOffset: text.length,
    eol,
    newline,
    diagnostics,
  };
}
