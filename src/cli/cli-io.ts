/** Where a CLI command writes; process streams in production, buffers in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
}

/** Exit codes shared by every command: 0 success, 1 the command found problems, 2 usage or I/O. */
export const exitCodes = { ok: 0, problems: 1, usage: 2 } as const;
