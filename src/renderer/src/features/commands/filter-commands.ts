import { fuzzyMatch } from '../../../../shared/domain/search';
import type { AppCommand } from './app-command';

/** A palette row: the command, whether it can run, and the matched title offsets. */
export interface CommandMatch {
  readonly command: AppCommand;
  readonly positions: readonly number[];
}

/**
 * The palette's rows for `query`: every listed command when the query is empty (registry order),
 * else the fuzzy matches on the title, best first (the same matcher as quick open). Disabled
 * commands stay in the list, so the curator learns why they cannot run.
 */
export function filterCommands(commands: readonly AppCommand[], query: string): CommandMatch[] {
  const listed = commands.filter((c) => c.hidden !== true);
  // Lower case only (no accent folding): the offsets must stay those of the shown title.
  const folded = query.trim().toLowerCase();
  if (folded === '') return listed.map((command) => ({ command, positions: [] }));
  const scored: { match: CommandMatch; score: number; order: number }[] = [];
  listed.forEach((command, order) => {
    const hit = fuzzyMatch(folded, command.title.toLowerCase());
    if (hit !== null) scored.push({ match: { command, positions: hit.positions }, score: hit.score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map((s) => s.match);
}
