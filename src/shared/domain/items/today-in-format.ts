const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
// 2021-10-16T18:06:41.792141Z, 2021-10-15T12:28:42-04:00, 2021-10-15 12:28
const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ])\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatOffset(minutesEast: number, withColon: boolean): string {
  const sign = minutesEast < 0 ? '-' : '+';
  const abs = Math.abs(minutesEast);
  return `${sign}${pad(Math.floor(abs / 60))}${withColon ? ':' : ''}${pad(abs % 60)}`;
}

/**
 * Today's date (from `now`) written the way the folder writes dates, judged from one sample:
 * `2021-10-16` gives a local date only; a date-time keeps its separator, seconds, fraction digits
 * and zone style (`Z` in UTC, an offset in local time). Without a recognisable sample it uses
 * Hugo's own format, a local date-time with offset (`2024-01-05T09:30:00+01:00`).
 */
export function todayInFormat(sampleDate: string | null | undefined, now: Date): string {
  const sample = sampleDate?.trim() ?? '';
  if (DATE_ONLY.test(sample)) return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const match = DATE_TIME.exec(sample);
  const separator = match?.[1] ?? 'T';
  const hasSeconds = match ? match[2] !== undefined : true;
  const fractionDigits = match?.[3] === undefined ? 0 : match[3].length - 1;
  const zone = match ? (match[4] ?? '') : '+00:00';
  const utc = zone === 'Z';
  const y = utc ? now.getUTCFullYear() : now.getFullYear();
  const mo = (utc ? now.getUTCMonth() : now.getMonth()) + 1;
  const d = utc ? now.getUTCDate() : now.getDate();
  const h = utc ? now.getUTCHours() : now.getHours();
  const mi = utc ? now.getUTCMinutes() : now.getMinutes();
  const s = utc ? now.getUTCSeconds() : now.getSeconds();
  let text = `${y}-${pad(mo)}-${pad(d)}${separator}${pad(h)}:${pad(mi)}`;
  if (hasSeconds) text += `:${pad(s)}`;
  if (hasSeconds && fractionDigits > 0) {
    // Milliseconds are all a Date has; longer fractions are padded with zeros to keep the width.
    text += `.${pad(now.getMilliseconds(), 3).padEnd(fractionDigits, '0').slice(0, fractionDigits)}`;
  }
  if (utc) text += 'Z';
  else if (zone !== '') text += formatOffset(-now.getTimezoneOffset(), zone.includes(':'));
  return text;
}
