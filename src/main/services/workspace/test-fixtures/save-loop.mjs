// Child process for the kill test (threats row 22): saves two contents alternately, forever, through
// the REAL writeTextFileAtomic (run with `node --import tsx`), until the test SIGKILLs it.
// Usage: node --import tsx save-loop.mjs <root> <relPath>
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hashBytes } from '../hash-bytes.ts';
import { writeTextFileAtomic } from '../write-text-file-atomic.ts';
import { saveLoopContent } from './save-loop-content.mjs';

const [root, relPath] = process.argv.slice(2);
if (root === undefined || relPath === undefined) {
  console.error('usage: save-loop.mjs <root> <relPath>');
  process.exit(64);
}
const contents = [saveLoopContent('A'), saveLoopContent('B')];
let expectedHash = hashBytes(await readFile(path.join(root, relPath)));
for (let i = 0; ; i++) {
  const result = await writeTextFileAtomic({ root, relPath, text: contents[i % 2], expectedHash });
  if (!result.ok) {
    console.error(`save failed: ${result.error.code}: ${result.error.message}`);
    process.exit(2);
  }
  expectedHash = result.value.hash;
  if (i === 0) process.stdout.write('ready\n');
}
