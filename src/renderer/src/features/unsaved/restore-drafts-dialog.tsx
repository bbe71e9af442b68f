import { ModalDialog } from '../merge';
import { useFolioStore } from '../../store';
import './unsaved.css';

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * Offers back edits left unsaved by a crash or a kill (threats row 24): each can be restored
 * (opened as the buffer, exactly as it was) or discarded; "Later" keeps them for next start.
 */
export function RestoreDraftsDialog() {
  const offers = useFolioStore((s) => s.draftOffers);
  if (offers.length === 0) return null;
  const { restoreDraftOffer, discardDraftOffers, dismissDraftOffers } = useFolioStore.getState();
  return (
    <ModalDialog
      title="Restore unsaved edits"
      onCancel={dismissDraftOffers}
      actions={
        <>
          <button type="button" onClick={() => void discardDraftOffers(offers.map((d) => d.path))}>
            Discard all
          </button>
          <button type="button" onClick={dismissDraftOffers}>
            Later
          </button>
        </>
      }
    >
      <p>Folio closed before these edits were saved. Restore one to open it with your edits, then save it.</p>
      <ul className="draft-list" aria-label="Unsaved edits">
        {offers.map((draft) => (
          <li key={draft.path} className="draft-row">
            <span className="draft-path">{draft.path}</span>
            <time className="draft-time" dateTime={new Date(draft.savedAt).toISOString()}>
              {timeFormat.format(draft.savedAt)}
            </time>
            <button type="button" onClick={() => void restoreDraftOffer(draft)} aria-label={`Restore ${draft.path}`}>
              Restore
            </button>
            <button type="button" onClick={() => void discardDraftOffers([draft.path])} aria-label={`Discard ${draft.path}`}>
              Discard
            </button>
          </li>
        ))}
      </ul>
    </ModalDialog>
  );
}
