/** Schemes a link from content may open, in the system browser or mail client only. */
const allowedSchemes = new Set(['https:', 'mailto:']);

/**
 * The one gate for links leaving the app: content is hostile, so `javascript:`, `file:`,
 * `data:`, custom schemes and unparsable URLs never reach the OS. Returns the normalised URL
 * or null.
 */
export function checkExternalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (!allowedSchemes.has(url.protocol)) return null;
  if (url.protocol === 'https:' && (url.hostname === '' || url.username !== '' || url.password !== '')) return null;
  return url.href;
}
