import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Runs a bench module as its own Node process (`node --expose-gc --import tsx <file> <dir>`) and
 * parses the JSON its last output line prints. Memory is measured this way because RSS never
 * shrinks back after the bench's other measurements: in the bench's own process their garbage
 * would be charged to what is measured.
 */
export async function measureInFreshProcess<T>(moduleFile: string, dir: string, args: readonly string[] = []): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', moduleFile, dir, ...args], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as T;
}
