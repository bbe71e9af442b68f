import path from 'node:path';

/**
 * The bundled sample folder. In a packaged app it sits in `resources/`; from a checkout it is
 * `resources/sample-content` beside package.json.
 */
export function sampleContentDir(appRoot: string, resourcesPath?: string): string {
  return resourcesPath ? path.join(resourcesPath, 'sample-content') : path.join(appRoot, 'resources', 'sample-content');
}

/**
 * The folder named on the command line, if any: the first argument after the app's own
 * that is not a switch (`npm start -- /path`, `folio-app /path`).
 */
export function folderFromArgv(argv: readonly string[]): string | null {
  const args = argv.slice(1).filter((a) => a !== '.' && !a.startsWith('-') && !/[\\/]out[\\/]main[\\/]/.test(a) && !/electron(\.exe)?$/i.test(a));
  return args.at(-1) ?? null;
}
