import { api } from '../../ipc/api';
import { useFolioStore } from '../../store';

/**
 * Feeds git status and pull/push progress from main into the store, and asks main for a fresh
 * status when the window regains focus (a commit made in a terminal changes nothing the watcher
 * sees). Returns the disconnect.
 */
export function connectGitEvents(): () => void {
  const { gitStatusChanged, gitProgressChanged, refreshGit } = useFolioStore.getState();
  const onFocus = (): void => void refreshGit();
  window.addEventListener('focus', onFocus);
  const offs = [api.on('git:status', (status) => gitStatusChanged(status)), api.on('git:progress', (progress) => gitProgressChanged(progress))];
  void refreshGit();
  return () => {
    window.removeEventListener('focus', onFocus);
    offs.forEach((off) => off());
  };
}
