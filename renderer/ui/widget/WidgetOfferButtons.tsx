/**
 * Accept and Reject for an offer in the compact widget, a call's or a chat's: the same two
 * intents on the desk, labelled and test-named by the channel.
 */
import { useCcp } from '../app/CcpContext';

export function WidgetOfferButtons({
  contactId,
  testIdPrefix,
  acceptLabel,
  rejectLabel,
}: {
  contactId: string;
  /** `widget` for a call, `widget-chat` for a chat: `<prefix>-accept`, `<prefix>-reject`. */
  testIdPrefix: string;
  acceptLabel: string;
  rejectLabel: string;
}) {
  const api = useCcp();
  return (
    <div className="widget__controls">
      <button
        type="button"
        className="button button--accept"
        data-testid={`${testIdPrefix}-accept`}
        onClick={() => void api.contacts.accept(contactId)}
      >
        {acceptLabel}
      </button>
      <button
        type="button"
        className="button"
        data-testid={`${testIdPrefix}-reject`}
        onClick={() => void api.contacts.reject(contactId)}
      >
        {rejectLabel}
      </button>
    </div>
  );
}
