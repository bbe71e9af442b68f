// electron-builder `afterPack` hook: flips Folio's Electron fuses in the packaged binary.
// Plain JavaScript because electron-builder imports it as is (no TypeScript loader);
// scripts/release-config.test.ts imports it, checks the fuse map and runs it on a fake binary.
import path from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses } from '@electron/fuses';

/**
 * The fuses of every release build. Each one closes a way to run code in Folio's process
 * without going through the app:
 * - RunAsNode off: `ELECTRON_RUN_AS_NODE=1 Folio script.js` would be a signed Node interpreter.
 * - EnableNodeOptionsEnvironmentVariable off: `NODE_OPTIONS=--require evil.js` is refused.
 * - EnableNodeCliInspectArguments off: `--inspect` / `--inspect-brk` cannot attach a debugger.
 * - EnableEmbeddedAsarIntegrityValidation on: a modified app.asar is refused (macOS, Windows).
 * - OnlyLoadAppFromAsar on: an `app/` folder or loose files next to the binary are ignored.
 * - EnableCookieEncryption on: cookies at rest are encrypted with the OS key store.
 * - LoadBrowserProcessSpecificV8Snapshot: left at Electron's default (Folio ships no snapshot).
 * GrantFileProtocolExtraPrivileges is left at its default because the renderer is loaded from
 * file:// (see SECURITY.md, "Known limits").
 * @type {Readonly<Record<number, boolean>>}
 */
export const releaseFuses = Object.freeze({
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
});

/**
 * The full @electron/fuses configuration for one platform. Flipping fuses changes the binary,
 * which breaks the ad-hoc signature of an unsigned macOS arm64 build, so macOS re-signs ad hoc
 * (a real signature, when configured, is applied by electron-builder after this hook).
 * @param {string} platform electron-builder's `electronPlatformName` (darwin, mas, win32, linux)
 */
export function fuseConfigFor(platform) {
  return {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas',
    ...releaseFuses,
  };
}

/**
 * Where electron-builder put the Electron executable inside `appOutDir`, mirroring its own
 * `addElectronFuses`: Linux uses `executableName`, macOS the `.app` bundle, Windows the `.exe`.
 * @param {{ appOutDir: string, electronPlatformName: string, packager: { executableName?: string, appInfo: { productFilename: string } } }} context
 */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'linux') return path.join(appOutDir, packager.executableName ?? packager.appInfo.productFilename);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
}

/**
 * The hook itself: flips the release fuses and fails the build if the binary has no fuse wire,
 * so a release can never ship with RunAsNode still on.
 * @param {{ appOutDir: string, electronPlatformName: string, packager: { executableName?: string, appInfo: { productFilename: string } } }} context
 */
export async function afterPack(context) {
  const binary = electronBinaryPath(context);
  await flipFuses(binary, fuseConfigFor(context.electronPlatformName));
}

export default afterPack;
