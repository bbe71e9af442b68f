import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { Ajv } from 'ajv';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/*
 * Packaging needs the Electron binary download, which the build machines cannot make, so the
 * release configuration is tested here instead: electron-builder.yml against electron-builder's
 * own JSON schema and Folio's security settings, and the afterPack hook by importing it and
 * running it on a fake Electron binary that carries a real fuse wire.
 */

const root = path.resolve(import.meta.dirname, '..');

/** A fuse's byte in the wire: ASCII '0' / '1' (@electron/fuses does not export its FuseState). */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;

/** The parts of electron-builder.yml these tests read. */
interface BuilderConfig {
  readonly appId: string;
  readonly productName: string;
  readonly asar: boolean;
  readonly files: readonly string[];
  readonly extraResources: readonly { readonly from: string; readonly to: string }[];
  readonly afterPack: string;
  readonly electronFuses?: unknown;
  readonly npmRebuild: boolean;
  readonly directories: { readonly output: string; readonly buildResources: string };
  readonly linux: { readonly target: readonly string[]; readonly executableName: string };
  readonly mac: { readonly target: readonly string[]; readonly hardenedRuntime: boolean; readonly entitlements: string };
  readonly win: { readonly target: readonly string[] };
}

/** The afterPack hook module's exports (build/after-pack.mjs is plain JS for electron-builder). */
interface AfterPackModule {
  readonly releaseFuses: Readonly<Record<number, boolean>>;
  readonly fuseConfigFor: (platform: string) => Record<string, unknown>;
  readonly afterPack: (context: AfterPackContext) => Promise<void>;
  readonly default: (context: AfterPackContext) => Promise<void>;
}

interface AfterPackContext {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly packager: { readonly executableName?: string; readonly appInfo: { readonly productFilename: string } };
}

const rawConfig: unknown = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
const config = rawConfig as BuilderConfig;
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  build?: unknown;
};

async function loadHook(): Promise<AfterPackModule> {
  // A computed specifier: the hook is untyped JavaScript, its shape is declared above.
  const url = pathToFileURL(path.join(root, config.afterPack)).href;
  return (await import(url)) as AfterPackModule;
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own schema (a typo would otherwise only fail at packaging)', () => {
    const schema = JSON.parse(readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(rawConfig), JSON.stringify(validate.errors)).toBe(true);
    // The validator is live: an unknown key is refused.
    expect(validate({ ...config, asarr: true })).toBe(false);
  });

  it('is the only builder configuration (no `build` key in package.json to shadow it)', () => {
    expect(packageJson.build).toBeUndefined();
  });

  it('names the app and packs it into an asar archive', () => {
    expect(config.appId).toBe('app.folio.desktop');
    expect(config.productName).toBe('Folio');
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.directories.output).toBe('release');
  });

  it('builds AppImage and deb on Linux, dmg on macOS, nsis on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.executableName).toBe('folio');
  });

  it('ships only the build output and package.json, without source maps', () => {
    expect(config.files).toEqual(['out/**', 'package.json', '!**/*.map']);
    expect(packageJson.main.replace(/^\.\//, '')).toMatch(/^out\//);
  });

  it('bundles the sample folder as an extra resource where app-paths.ts looks for it', () => {
    expect(config.extraResources).toEqual([{ from: 'resources/sample-content', to: 'sample-content', filter: ['**/*'] }]);
    expect(statSync(path.join(root, 'resources/sample-content')).isDirectory()).toBe(true);
    const appPaths = readFileSync(path.join(root, 'src/main/app-paths.ts'), 'utf8');
    expect(appPaths).toContain("path.join(resourcesPath, 'sample-content')");
  });

  it('signs macOS with the hardened runtime and only the JIT entitlement', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    const plist = readFileSync(path.join(root, config.mac.entitlements), 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('flips fuses through the afterPack hook only', () => {
    expect(config.afterPack).toBe('./build/after-pack.mjs');
    expect(existsSync(path.join(root, config.afterPack))).toBe(true);
    // Two fuse configurations would race: electron-builder's runs after afterPack.
    expect(config.electronFuses).toBeUndefined();
  });

  it('has `npm run dist` build then package, with the packager a devDependency', () => {
    expect(packageJson.scripts['dist']).toBe('electron-vite build && electron-builder');
    expect(packageJson.devDependencies['electron-builder']).toMatch(/^\^26\./);
    expect(packageJson.devDependencies['@electron/fuses']).toMatch(/^\^1\./);
    // electron-builder refuses electron in `dependencies`, and neither belongs in the package.
    for (const name of ['electron', 'electron-builder', '@electron/fuses']) expect(packageJson.dependencies[name]).toBeUndefined();
  });
});

describe('afterPack fuses (build/after-pack.mjs)', () => {
  it('turns off every way to run code beside the app and turns on asar integrity', async () => {
    const { releaseFuses } = await loadHook();
    expect(releaseFuses).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
    // Left at Electron's default on purpose.
    expect(releaseFuses[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBeUndefined();
    expect(releaseFuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBeUndefined();
  });

  it('uses fuse wire V1 and re-signs ad hoc on macOS only', async () => {
    const { fuseConfigFor } = await loadHook();
    expect(fuseConfigFor('linux')).toMatchObject({ version: FuseVersion.V1, resetAdHocDarwinSignature: false });
    expect(fuseConfigFor('win32')).toMatchObject({ resetAdHocDarwinSignature: false });
    expect(fuseConfigFor('darwin')).toMatchObject({ resetAdHocDarwinSignature: true });
  });

  describe('on a fake Electron binary', () => {
    let dir = '';
    // Electron's shipped defaults for the eight V1 fuses, as ASCII '1'/'0' after the sentinel.
    const shipped = '10110001';

    async function fakeBinary(file: string): Promise<void> {
      const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'ascii');
      const wire = Buffer.concat([Buffer.from([1, shipped.length]), Buffer.from(shipped, 'ascii')]);
      await writeFile(file, Buffer.concat([Buffer.alloc(4096, 0x90), sentinel, wire, Buffer.alloc(4096, 0x90)]));
    }

    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'folio-fuses-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it.each([
      ['linux', 'folio'],
      ['win32', 'Folio.exe'],
    ])('flips the wire of the %s executable electron-builder produced', async (platform, executable) => {
      const appOutDir = path.join(dir, platform);
      const { mkdir } = await import('node:fs/promises');
      await mkdir(appOutDir, { recursive: true });
      await fakeBinary(path.join(appOutDir, executable));
      const hook = await loadHook();
      expect(hook.default).toBe(hook.afterPack);
      await hook.afterPack({ appOutDir, electronPlatformName: platform, packager: { executableName: 'folio', appInfo: { productFilename: 'Folio' } } });
      const wire = (await getCurrentFuseWire(path.join(appOutDir, executable))) as unknown as Record<number, number>;
      expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
      expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
      // Untouched: Electron's own defaults stay.
      expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(FuseState.DISABLE);
      expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.ENABLE);
    });

    it('fails the build when the binary has no fuse wire', async () => {
      const appOutDir = path.join(dir, 'broken');
      const { mkdir } = await import('node:fs/promises');
      await mkdir(appOutDir, { recursive: true });
      await writeFile(path.join(appOutDir, 'folio'), Buffer.alloc(1024));
      const hook = await loadHook();
      await expect(
        hook.afterPack({ appOutDir, electronPlatformName: 'linux', packager: { executableName: 'folio', appInfo: { productFilename: 'Folio' } } }),
      ).rejects.toThrow(/sentinel/);
    });
  });
});

const built = existsSync(path.join(root, 'out/main/index.js')) && existsSync(path.join(root, 'out/renderer/index.html'));

describe.skipIf(!built)('build output (`npm run build` first; skipped when out/ is missing)', () => {
  function filesUnder(dir: string): string[] {
    return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
  }

  it('the renderer carries no source maps and no absolute paths of the build machine', () => {
    const files = filesUnder('out/renderer');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const file of files.filter((f) => /\.(js|html|css)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      expect(text.includes('sourceMappingURL=data:'), file).toBe(false);
      expect(text.includes(root), `${file} contains ${root}`).toBe(false);
    }
  });

  it('main and preload import only production dependencies, Node built-ins and electron', () => {
    const allowed = new Set([...Object.keys(packageJson.dependencies), 'electron']);
    for (const file of [...filesUnder('out/main'), ...filesUnder('out/preload')].filter((f) => /\.(c?js|mjs)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(/(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*)["']([^"'.][^"']*)["']/g)].map((m) => m[1]!);
      for (const specifier of specifiers) {
        if (specifier.startsWith('node:')) continue;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        // A devDependency here would crash the packaged app: only `dependencies` are shipped.
        expect(allowed.has(name), `${path.relative(root, file)} imports ${specifier}`).toBe(true);
      }
    }
  });
});
