import type { CellValue } from '../../../../shared/contract';

/** A cell as text: empty for missing values, the value as written otherwise. */
export function formatCell(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** A column header: the last segment of a front matter path, the full path as a tooltip. */
export function columnLabel(column: string): string {
  const last = column.split('.').at(-1) ?? column;
  return last.charAt(0).toUpperCase() + last.slice(1);
}
