/** One progress update from git's `--progress` stderr. */
export interface GitProgress {
  /** git's phase name, e.g. `Receiving objects`, `Writing objects`, `remote: Counting objects`. */
  readonly phase: string;
  /** Percent of this phase, 0-100. */
  readonly percent: number;
  readonly done: number;
  readonly total: number;
  /** A rough percent of the whole operation, for a single progress bar. */
  readonly overall: number;
}

// Where each phase sits in one bar; transfer dominates, so it gets most of the range.
const PHASES: Readonly<Record<string, readonly [number, number]>> = {
  'remote: Enumerating objects': [0, 2],
  'remote: Counting objects': [2, 5],
  'remote: Compressing objects': [5, 10],
  'Enumerating objects': [0, 2],
  'Counting objects': [2, 5],
  'Compressing objects': [5, 10],
  'Receiving objects': [10, 90],
  'Writing objects': [10, 95],
  'Resolving deltas': [90, 98],
  'Updating files': [98, 100],
};

const LINE = /^((?:remote: )?[A-Za-z][A-Za-z ]*?):\s+(\d{1,3})% \((\d+)\/(\d+)\)/;

/** Parses one progress line, or returns null for any other stderr line. */
export function parseGitProgressLine(line: string): GitProgress | null {
  const m = LINE.exec(line.trim());
  if (!m) return null;
  const phase = m[1] ?? '';
  const percent = Number(m[2]);
  const [from, to] = PHASES[phase] ?? [0, 0];
  return { phase, percent, done: Number(m[3]), total: Number(m[4]), overall: Math.round(from + ((to - from) * percent) / 100) };
}

/**
 * Turns stderr chunks into progress callbacks. git redraws a line with `\r`, and a chunk may end
 * mid-line, so the unfinished tail is kept for the next chunk.
 */
export function createProgressParser(onProgress: (progress: GitProgress) => void): (chunk: string) => void {
  let pending = '';
  return (chunk) => {
    const parts = (pending + chunk).split(/[\r\n]/);
    pending = parts.pop() ?? '';
    for (const part of parts) {
      const progress = parseGitProgressLine(part);
      if (progress) onProgress(progress);
    }
  };
}
