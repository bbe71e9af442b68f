/** Longest slug `slugify` returns; long headlines make unwieldy file names and URLs. */
export const MAX_SLUG_LENGTH = 80;

// Letters NFKD does not decompose into ASCII + a combining mark.
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  '&': ' and ',
};

/**
 * Turns a title into a URL and file-name slug: ASCII lower case, words joined by dashes, common
 * accents transliterated (`Café Noël` → `cafe-noel`), at most `MAX_SLUG_LENGTH` characters cut at
 * a word boundary when possible. A title with nothing usable gives `untitled`.
 */
export function slugify(title: string, maxLength: number = MAX_SLUG_LENGTH): string {
  const lower = title.toLowerCase();
  let mapped = '';
  for (const ch of lower) mapped += SPECIAL_LETTERS[ch] ?? ch;
  const ascii = mapped.normalize('NFKD').replace(/\p{M}+/gu, '');
  const dashed = ascii
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (dashed === '') return 'untitled';
  if (dashed.length <= maxLength) return dashed;
  const cut = dashed.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  // Cutting at the last dash keeps whole words, unless that would leave too little of the title.
  return (lastDash >= maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, '');
}
