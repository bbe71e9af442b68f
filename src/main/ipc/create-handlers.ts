import type { AppInfo } from '../../shared/contract';
import { checkExternalUrl } from '../security/check-external-url';
import { fail, ok } from '../../shared/lib/result';
import type { FolioServices } from '../services/boot-services';
import type { HandlerTable } from './handler-table';
import { readImageAsset } from '../services/asset';

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
    'list:query': async (request) => (workspace.info ? ok(await list.query(request)) : fail('no-workspace', 'No folder is open.')),
    'list:slice': async (request) => ok(await list.slice(request)),
    'list:folders': async () => ok(await list.folders()),
    'list:facets': async (request) => ok(await list.facets(request)),
    'list:rows': async ({ paths, columns }) => ok(await list.rows(paths, columns)),
    'list:quickOpen': async (query) => ok(await list.quickOpen(query)),
    'document:read': (relPath) => workspace.read(relPath),
    'document:save': (request) => workspace.save(request.path, request.text, request.baseHash, request.columns),
    'shell:openExternal': async (url) => {
      const checked = checkExternalUrl(url);
      if (checked === null) return fail('path-refused', 'Only https: and mailto: links can be opened.');
      await host.openExternal(checked);
      return ok(null);
    },
    'drafts:put': (draft) => services.drafts.put(draft),
    'drafts:list': () => services.drafts.list(),
    'drafts:discard': (relPath) => services.drafts.discard(relPath),
    'schema:forItem': (relPath) => services.schema.forItem(relPath),
    'list:values': async ({ key, prefix }) => ok(await list.values(key, prefix)),
    'document:asset': (relPath) => (workspace.info ? readImageAsset(workspace.info.root, relPath) : Promise.resolve(fail('no-workspace', 'No folder is open.'))),
    'items:templates': () => services.items.templates(),
    'items:create': (request) => services.items.create(request),
    'items:rename': ({ from, to }) => services.items.rename(from, to),
    'items:delete': (relPath) => services.items.delete(relPath),
    'items:restore': (trashId) => services.items.restore(trashId),
    'bulk:preview': ({ paths, edit }) => services.items.previewBulk(paths, edit),
    'bulk:apply': (request) => services.items.applyBulk(request),
    'git:status': () => services.git.status(),
    'git:refresh': async () => ok(await services.git.refresh()),
    'git:changes': () => services.git.changes(),
    'git:diff': (relPath) => services.git.diff(relPath),
    'git:stage': (paths) => services.git.stage(paths),
    'git:unstage': (paths) => services.git.unstage(paths),
    'git:discard': (paths) => services.git.discard(paths),
    'git:identity': () => services.git.identity(),
    'git:setIdentity': (identity) => services.git.setIdentity(identity),
    'git:commit': (request) => services.git.commit(request),
    'git:history': (relPath) => services.git.history(relPath),
    'git:showAt': ({ rev, path }) => services.git.showAt(rev, path),
    'git:pull': () => services.git.pull(),
    'git:push': (request) => services.git.push(request?.publish === true),
    'git:abortPull': () => services.git.abortPull(),
    'git:init': (request) => services.git.init(request?.identity),
    'git:conflict': (relPath) => services.git.conflict(relPath),
    'git:resolve': ({ path, text }) => services.git.resolve(path, text),
    'git:setTrusted': (trusted) => services.git.setTrusted(trusted),
    'validation:problems': (query) => Promise.resolve(services.validation.problems(query)),
    'validation:applyFix': (fix) => services.validation.applyFix(fix),
    'schema:infer': () => services.validation.inferSchemaJson(),
    'schema:save': (json) => services.validation.saveSchema(json),
  };
}
