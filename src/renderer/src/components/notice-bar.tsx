import type { Notice } from '../../../shared/contract';

/** A dismissible message from main (watcher fell back to polling, a folder could not open...). */
export function NoticeBar({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  return (
    <div className={`notice notice-${notice.level}`} role={notice.level === 'error' ? 'alert' : 'status'}>
      <span>{notice.message}</span>
      <button type="button" onClick={onDismiss} aria-label="Dismiss notice">
        ×
      </button>
    </div>
  );
}
