import { useTranslation } from 'react-i18next';
import type { DeskState } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import { useIntent } from '../shared/useIntent';

interface Props {
  contactId: string;
  number: string;
  /** Where the profile opens the lookup; none: the profile has no lookup, nothing is shown. */
  open: DeskState['contactOptions']['customerLookup'];
}

/**
 * The customer-profile lookup (D8): main fills the profile's URL template with the contact's
 * number and opens it in the browser or the lookup window. The UI never sees the template.
 */
export function CustomerLookupButton({ contactId, number, open }: Props) {
  const { t } = useTranslation();
  const ccp = useCcp();
  const lookup = useIntent();
  if (!open) return null;
  return (
    <div className="lookup">
      <button
        type="button"
        className="button button--small button--outline"
        data-testid="customer-lookup"
        aria-label={t('contact.lookupLabel', { number })}
        disabled={lookup.pending}
        onClick={() => void lookup.run(() => ccp.contacts.customerLookup(contactId))}
      >
        {t('contact.lookup')}
      </button>
      <IntentError context="contact" failure={lookup.failure} testId="customer-lookup-error" />
    </div>
  );
}
