import type { FolioDateFormat } from './folio-schema';

/** A calendar date (and optional time) read from a string, before checking that it exists. */
export interface DateParts {
  readonly format: FolioDateFormat;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Hours, minutes, seconds of a date-time; absent for a date. */
  readonly time?: { readonly hour: number; readonly minute: number; readonly second: number };
}

// Shapes only: `2023-02-30` is still a date SHAPE, which is what lets us say it does not exist.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)$/;
// A date-time with no offset is still checked for existence, but is not the `date-time` format.
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const SLASH_YMD = /^(\d{4})\/(\d{2})\/(\d{2})$/;
const DOTTED_DMY = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const SLASH_MDY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** Reads a string written in one of the recognised date formats; undefined for anything else. */
export function parseDateParts(text: string): DateParts | undefined {
  if (text.length > 40) return undefined;
  let m = ISO_DATE.exec(text);
  if (m) return { format: 'YYYY-MM-DD', year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = ISO_DATE_TIME.exec(text) ?? LOCAL_DATE_TIME.exec(text);
  if (m) {
    const time = { hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0) };
    return { format: 'date-time', year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), time };
  }
  m = SLASH_YMD.exec(text);
  if (m) return { format: 'YYYY/MM/DD', year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = DOTTED_DMY.exec(text);
  if (m) return { format: 'DD.MM.YYYY', year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  m = SLASH_MDY.exec(text);
  if (m) return { format: 'MM/DD/YYYY', year: Number(m[3]), month: Number(m[1]), day: Number(m[2]) };
  return undefined;
}

/** True when the date (and time, if any) exists on the calendar: no 30 February, no 25:00. */
export function dateExists(parts: DateParts): boolean {
  const { year, month, day, time } = parts;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
  if (day > days) return false;
  // 60 seconds allows a leap second, as RFC 3339 does.
  return time === undefined || (time.hour <= 23 && time.minute <= 59 && time.second <= 60);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Writes a date in another date-only format; undefined when that would lose a time of day. */
export function formatDateParts(parts: DateParts, format: FolioDateFormat): string | undefined {
  if (parts.time !== undefined || format === 'date-time') return undefined;
  const y = pad(parts.year, 4);
  const mo = pad(parts.month);
  const d = pad(parts.day);
  switch (format) {
    case 'YYYY-MM-DD':
      return `${y}-${mo}-${d}`;
    case 'YYYY/MM/DD':
      return `${y}/${mo}/${d}`;
    case 'DD.MM.YYYY':
      return `${d}.${mo}.${y}`;
    case 'MM/DD/YYYY':
      return `${mo}/${d}/${y}`;
  }
}

/** `YYYY-MM-DD` shape, as JSON Schema's `date` format (existence is a separate check). */
export function isIsoDateShape(text: string): boolean {
  return ISO_DATE.test(text);
}

/** RFC 3339 date-time shape with seconds and an offset, as JSON Schema's `date-time` format. */
export function isIsoDateTimeShape(text: string): boolean {
  return ISO_DATE_TIME.test(text);
}

// Absolute URIs with only RFC 3986 characters, so inference never claims `uri` for a value the
// validator's stricter check would then reject.
const URI = /^[a-z][a-z0-9+.-]*:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/i;

/** An absolute `scheme://...` URI. */
export function isUri(text: string): boolean {
  return text.length <= 2048 && URI.test(text);
}

// The same expression ajv-formats uses for `email`, so inference and validation agree.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** An e-mail address. */
export function isEmail(text: string): boolean {
  return text.length <= 320 && EMAIL.test(text);
}
