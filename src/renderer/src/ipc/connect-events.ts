import { api } from './api';
import { useFolioStore } from '../store';

/**
 * Routes main-process events into store actions, outside React, so components only ever read
 * the store. Returns a function that disconnects every listener.
 */
export function connectEvents(): () => void {
  const { workspaceOpened, workspaceChanged, showNotice, progressChanged } = useFolioStore.getState();
  const offs = [
    api.on('workspace:opened', (info) => void workspaceOpened(info)),
    api.on('workspace:changed', (event) => void workspaceChanged(event)),
    api.on('app:notice', (notice) => showNotice(notice)),
    api.on('index:progress', (progress) => progressChanged(progress)),
    api.on('validation:changed', (event) => void useFolioStore.getState().validationChanged(event)),
  ];
  return () => offs.forEach((off) => off());
}
