// Finds the Electron binary without triggering a download attempt loop: `require('electron')`
// returns the binary path, downloading it on first use where the network allows (a user's
// laptop). Where it cannot (CI, offline machines) we report null and the caller explains.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

export function electronBinary() {
  try {
    const require = createRequire(import.meta.url);
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
