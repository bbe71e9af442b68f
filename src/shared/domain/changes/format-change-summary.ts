import { assertNever } from '../../lib/assert-never';
import type { ChangeSummary, FieldChange } from './summarise-change';

function formatField(change: FieldChange): string {
  switch (change.kind) {
    case 'added':
      return `${change.path} added`;
    case 'removed':
      return `${change.path} removed`;
    case 'changed':
      return `${change.path} changed`;
    case 'list': {
      if (change.reordered) return `${change.path} reordered`;
      const parts = [change.added > 0 ? `+${change.added}` : '', change.removed > 0 ? `-${change.removed}` : ''].filter((p) => p !== '');
      return `${change.path} ${parts.join(' ')}`;
    }
    default:
      return assertNever(change, 'field change');
  }
}

/**
 * One line for the Changes panel, e.g. `title changed; tags +1; body: 3 lines`. New and deleted
 * items say so instead of listing every field; at most `maxFields` fields are named.
 */
export function formatChangeSummary(summary: ChangeSummary, maxFields = 4): string {
  if (summary.status === 'added') return 'new item';
  if (summary.status === 'deleted') return 'deleted';
  const parts = summary.fields.slice(0, maxFields).map(formatField);
  if (summary.fields.length > maxFields) parts.push(`${summary.fields.length - maxFields} more fields`);
  if (summary.frontMatterUnreadable) parts.push('front matter unreadable');
  const lines = summary.body.linesChanged;
  if (lines > 0) parts.push(`body: ${lines} ${lines === 1 ? 'line' : 'lines'}`);
  return parts.length > 0 ? parts.join('; ') : 'no visible change';
}
