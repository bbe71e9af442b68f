import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleContentDir, folderFromArgv } from './app-paths';
import { createHandlers } from './ipc/create-handlers';
import { electronEventSink, registerElectronIpc } from './ipc/register-electron-ipc';
import { installMenu } from './menu';
import { bootServices } from './services/boot-services';
import type { HostCapabilities } from './services/host/host-capabilities';
import { createMainWindow, isAppFrame, lockDownWebContents, type RendererLocation } from './window/create-main-window';

/*
 * Composition root of the Electron shell. Everything here is wiring: services are plain Node
 * (src/main/services) and the same ones back the web host and the CLI.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const location: RendererLocation = {
  ...(process.env['ELECTRON_RENDERER_URL'] ? { devServerUrl: process.env['ELECTRON_RENDERER_URL'] } : {}),
  indexHtml: path.join(here, '../renderer/index.html'),
};
const preloadPath = path.join(here, '../preload/index.cjs');

let mainWindow: BrowserWindow | null = null;
const target = () => mainWindow?.webContents ?? null;

const host: HostCapabilities = {
  kind: 'electron',
  async pickFolder() {
    const options: Electron.OpenDialogOptions = { title: 'Open a content folder', properties: ['openDirectory'] };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  openExternal: (url) => shell.openExternal(url),
  trashItem: (absPath) => shell.trashItem(absPath),
};

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock({})) {
    // A second instance on the same data folder would race settings and drafts.
    app.quit();
    return;
  }
  await app.whenReady();
  lockDownWebContents(app, location, (url) => void host.openExternal(url));

  const { services, shutdown } = await bootServices({ dataDir: app.getPath('userData'), host, events: electronEventSink(target) });
  const handlers = createHandlers(services, { name: 'Folio', version: app.getVersion(), host: 'electron', platform: process.platform });
  const unregister = registerElectronIpc(ipcMain, handlers, (event) => isAppFrame(event, location, target));

  const initial = folderFromArgv(process.argv) ?? services.settings.recentFolders[0] ?? sampleContentDir(app.getAppPath(), app.isPackaged ? process.resourcesPath : undefined);
  const opened = await services.workspace.open(path.resolve(initial));
  if (!opened.ok) console.error(`[folio] ${opened.error.message}`);

  installMenu({
    openFolder: () => {
      void host.pickFolder().then((folder) => (folder ? services.workspace.open(folder) : null));
    },
  });
  mainWindow = createMainWindow(location, preloadPath);
  mainWindow.on('closed', () => (mainWindow = null));

  app.on('window-all-closed', () => app.quit());
  let stopping = false;
  app.on('before-quit', (event) => {
    // Quit closes the window first: its page asks about unsaved edits (and may keep the window
    // open); only once it has closed do the services stop ('window-all-closed' quits again).
    if (mainWindow) {
      event.preventDefault();
      mainWindow.close();
      return;
    }
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    unregister();
    void shutdown().finally(() => app.exit(0));
  });
}

void start();
