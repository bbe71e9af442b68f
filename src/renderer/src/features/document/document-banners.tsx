import { useFolioStore } from '../../store';
import { ConflictBanner } from '../merge';

/** Props of the document banners. */
export interface DocumentBannersProps {
  /** False while the form is shown: it reports refused edits beside its fields itself. */
  readonly showEditError: boolean;
}

/**
 * What the curator must know or decide about the open file: it changed on disk while edited
 * (the merge feature's banner), it vanished, or the engine refused an edit. The question asked
 * when leaving an item with unsaved edits lives in the unsaved feature.
 */
export function DocumentBanners({ showEditError }: DocumentBannersProps) {
  const error = useFolioStore((s) => s.documentError);
  const editError = useFolioStore((s) => s.editError);
  const deleted = useFolioStore((s) => s.deletedOnDisk);

  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ConflictBanner />
      {deleted && (
        <p className="document-banner notice notice-warning" role="status">
          This file was deleted or renamed on disk. Its last content stays here; nothing is recreated.
        </p>
      )}
      {showEditError && editError && (
        <p className="document-banner error" role="alert">
          {editError}
        </p>
      )}
    </>
  );
}
