import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/*
 * The layer rules of docs/architecture.md are enforced by eslint.config.js; this proves each rule
 * fires, by linting forbidden code as if it lived in each layer (real files, replaced text).
 */

// Pinned to the repository root and its config, so neither the runner's working directory nor a
// config found elsewhere on the machine decides which rules apply. Type-aware parsing is turned
// off: the boundary rules read only the AST, and with a TypeScript program the parser may take a
// real file's text from disk instead of the forbidden code given here (CI saw exactly that: the
// rules applied yet reported nothing, as for the clean file on disk).
const root = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js'), overrideConfig: tseslint.configs.disableTypeChecked });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const absolute = join(root, filePath);
  const [result] = await eslint.lintText(code, { filePath: absolute, warnIgnored: true });
  const messages = (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
  if (messages.length > 0) return messages;
  // Nothing reported: say why, so a failure names the cause (ignored file, rules not applied).
  const config = (await eslint.calculateConfigForFile(absolute)) as { rules?: Record<string, unknown> } | undefined;
  const ignored = await eslint.isPathIgnored(absolute);
  return [`(no messages; cwd=${process.cwd()} root=${root} ignored=${ignored} import-rule=${JSON.stringify(config?.rules?.['no-restricted-imports'] ?? null).slice(0, 120)})`];
}

describe('layer boundaries', () => {
  it('keeps Node, Electron and React out of src/shared', async () => {
    for (const source of ["import { readFile } from 'node:fs/promises';", "import { app } from 'electron';", "import { useState } from 'react';", "import { api } from '../../renderer/src/ipc/api';"]) {
      const messages = await ruleIds('src/shared/lib/result.ts', `${source}\nexport const x = 1;\n`);
      expect(messages.join('\n'), source).toMatch(/no-restricted-imports/);
    }
  });

  it('keeps Electron out of services', async () => {
    const messages = await ruleIds('src/main/services/settings/settings-service.ts', "import { app } from 'electron';\nexport const x = app;\n");
    expect(messages.join('\n')).toMatch(/no-restricted-imports.*never import electron/);
  });

  it('keeps Node and main out of the renderer', async () => {
    const node = await ruleIds('src/renderer/src/app.tsx', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    expect(node.join('\n')).toMatch(/no-restricted-imports/);
    const main = await ruleIds('src/renderer/src/app.tsx', "import { dispatch } from '../../main/ipc/dispatch';\nexport const x = dispatch;\n");
    expect(main.join('\n')).toMatch(/no-restricted-imports/);
  });

  it('bans ipcMain outside main/ipc and ipcRenderer outside the preload', async () => {
    const inService = await ruleIds('src/main/window/create-main-window.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n");
    expect(inService.join('\n')).toMatch(/no-restricted-syntax.*ipcMain/);
    const inMain = await ruleIds('src/main/menu.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n");
    expect(inMain.join('\n')).toMatch(/no-restricted-syntax.*ipcRenderer/);
  });

  it('lets the allowed layers use them', async () => {
    const preload = await ruleIds('src/preload/index.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n");
    expect(preload.filter((m) => /restricted/.test(m))).toEqual([]);
    const ipc = await ruleIds('src/main/ipc/register-electron-ipc.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n");
    expect(ipc.filter((m) => /restricted/.test(m))).toEqual([]);
  });
});
