import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContactDetails } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { DetailsAutosave, type SaveSnapshot } from './DetailsAutosave';
import { detailsFromDraft, draftFromDetails, type DetailsDraft } from './detailsDraft';

export interface ContactDetailsHandle {
  draft: DetailsDraft;
  save: SaveSnapshot;
  /** Changes some fields; the whole draft is saved after the typing pause. */
  update(patch: Partial<DetailsDraft>): void;
  /** Sends any waiting draft now; false when main refused it (the draft is kept). */
  flush(): Promise<boolean>;
}

/**
 * The agent's notes, wrap-up code and follow-up task for one contact (D8), saved as they type.
 * Held by the contact's view for the contact's whole life, so a note typed during the call is
 * still there, unsaved words included, when the call ends and the form moves to ACW.
 */
export function useContactDetails(
  contactId: string,
  initial: ContactDetails,
): ContactDetailsHandle {
  const api = useCcp();
  const [draft, setDraft] = useState<DetailsDraft>(() => draftFromDetails(initial));
  const [save, setSave] = useState<SaveSnapshot>({ state: 'idle' });
  const autosave = useRef<DetailsAutosave | null>(null);

  useEffect(() => {
    const current = new DetailsAutosave({
      save: (details) => api.contacts.saveDetails(contactId, details),
      onChange: setSave,
    });
    autosave.current = current;
    return () => {
      // The view is closing (contact cleared or gone): what is still waiting is sent now.
      current.dispose();
      if (autosave.current === current) autosave.current = null;
    };
  }, [api, contactId]);

  const update = useCallback(
    (patch: Partial<DetailsDraft>) => {
      const next = { ...draft, ...patch };
      setDraft(next);
      autosave.current?.edit(detailsFromDraft(next));
    },
    [draft],
  );

  const flush = useCallback(() => autosave.current?.flush() ?? Promise.resolve(true), []);

  return { draft, save, update, flush };
}
