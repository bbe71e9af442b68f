import { formatDateParts, parseDateParts, type FolioDateFormat } from '../../../../shared/domain/schema';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The `<input type="date">` value (`YYYY-MM-DD`) of a date written in any recognised format; '' if none. */
export function toDateInputValue(value: string | null): string {
  if (value === null) return '';
  const parts = parseDateParts(value.trim());
  if (parts === undefined) return '';
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

/**
 * Writes a picked date (`YYYY-MM-DD`) back in the format the value had, or the schema's format for
 * a value that had none yet, so `'2021-10-16'` stays a date-only string and `16.10.2021` stays dotted.
 */
export function fromDateInputValue(picked: string, original: string | null, schemaFormat: FolioDateFormat | undefined): string {
  const parts = parseDateParts(picked);
  if (parts === undefined) return picked;
  const format = (original === null ? undefined : parseDateParts(original.trim())?.format) ?? schemaFormat ?? 'YYYY-MM-DD';
  return formatDateParts(parts, format === 'date-time' ? 'YYYY-MM-DD' : format) ?? picked;
}

const DATE_TIME = /^(\d{4}-\d{1,2}-\d{1,2})([Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2}))?(\.\d*)?([ \t]*(?:[Zz]|[-+]\d{1,2}(?::?\d{2})?))?$/;

/**
 * The `<input type="datetime-local">` value of a date-time: the wall-clock time AS WRITTEN, in the
 * value's own offset, never converted to the curator's time zone (that would change the bytes).
 */
export function toDateTimeInputValue(value: string | null): string {
  const m = value === null ? null : DATE_TIME.exec(value.trim());
  if (m === null) return '';
  return `${toDateInputValue(m[1] ?? '')}T${pad(Number(m[3]))}:${m[4] ?? '00'}:${m[5] ?? '00'}`;
}

/**
 * Writes a picked wall-clock time back in the value's original shape: the same date/time
 * separator, seconds only if it had them, its fraction while the seconds are unchanged, and its
 * offset (`-04:00`, `Z`) kept as written.
 */
export function fromDateTimeInputValue(picked: string, original: string | null): string {
  const p = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/.exec(picked);
  if (p === null) return picked;
  const [, date = '', hour = '00', minute = '00', second = '00'] = p;
  const m = original === null ? null : DATE_TIME.exec(original.trim());
  if (m === null) return `${date}T${hour}:${minute}:${second}`;
  const [, oldDate = '', separator = 'T', oldHour = '', oldMinute = '', oldSecond, fraction = '', offset = ''] = m;
  const hadSeconds = oldSecond !== undefined;
  const sameTime = Number(oldHour) === Number(hour) && oldMinute === minute && (oldSecond ?? '00') === second;
  const keptFraction = sameTime ? fraction : fraction === '' ? '' : `.${'0'.repeat(fraction.length - 1)}`;
  const newDate = fromDateInputValue(date, oldDate, undefined);
  const hourText = oldHour.length === 1 && hour.startsWith('0') ? hour.slice(1) : hour;
  return `${newDate}${separator}${hourText}:${minute}${hadSeconds || second !== '00' ? `:${second}` : ''}${keptFraction}${offset}`;
}
