import type { AppInfo } from '../../shared/contract';
import { checkExternalUrl } from '../security/check-external-url';
import { fail, ok } from '../../shared/lib/result';
import type { FolioServices } from '../services/boot-services';
import type { HandlerTable } from './handler-table';

/**
 * The one table mapping each contract channel to a service method. Both shells (Electron IPC
 * and the web host's socket) serve exactly this table through `dispatch`.
 */
export function createHandlers(services: FolioServices, appInfo: AppInfo): HandlerTable {
  const { workspace, settings, list, host } = services;
  return {
    'app:info': () => Promise.resolve(ok(appInfo)),
    'workspace:current': () => Promise.resolve(ok(workspace.info)),
    'workspace:open': async ({ path }) => {
      // The renderer may only reopen a folder the user chose before; new folders come from a
      // dialog shown by main, so an untrusted page cannot point Folio at an arbitrary path.
      let folder = path ?? null;
      if (folder !== null && !settings.recentFolders.includes(folder)) {
        return fail('path-refused', 'Only folders from the recent list can be opened by path. Use Open Folder to choose another.');
      }
      folder ??= await host.pickFolder();
      if (folder === null) {
        return host.kind === 'web'
          ? fail('unsupported', 'The browser host has no folder dialog: restart it with `npm run web -- /path/to/folder`.')
          : fail('cancelled', 'No folder chosen.');
      }
      return workspace.open(folder);
    },
    'workspace:recent': () => Promise.resolve(ok(settings.recentFolders)),
    'list:query': (request) => Promise.resolve(workspace.info ? ok(list.query(request)) : fail('no-workspace', 'No folder is open.')),
    'list:rows': ({ paths, columns }) => Promise.resolve(ok(list.rows(paths, columns))),
    'list:quickOpen': (query) => Promise.resolve(ok(list.quickOpen(query))),
    'document:read': (relPath) => workspace.read(relPath),
    'document:save': (request) => workspace.save(request.path, request.text, request.baseHash),
    'shell:openExternal': async (url) => {
      const checked = checkExternalUrl(url);
      if (checked === null) return fail('path-refused', 'Only https: and mailto: links can be opened.');
      await host.openExternal(checked);
      return ok(null);
    },
  };
}
