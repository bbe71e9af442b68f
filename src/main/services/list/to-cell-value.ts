import type { CellValue } from '../../../shared/contract';

const maxCellLength = 300;

/** Reduces a front matter value to what a table cell shows: lists joined, maps as compact JSON. */
export function toCellValue(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.length > maxCellLength ? `${value.slice(0, maxCellLength)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return toCellValue(value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(', '));
  return toCellValue(JSON.stringify(value));
}
