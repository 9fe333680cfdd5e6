import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DtmfRequest, type Contact } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { errorMessage } from '../shared/errorMessage';
import { IntentError } from '../shared/IntentError';
import { Keypad } from './Keypad';
import type { IntentFailure } from '../shared/useIntent';

export const DTMF_PAD_ID = 'dtmf-pad';

/**
 * The in-call number pad (D3): every key press is sent at once as a DTMF tone, for IVRs and
 * extensions. Presses are not single-flight like other intents: a fast "1 2 3" must send all
 * three, in order (IPC keeps the order).
 */
export function DtmfPad({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const api = useCcp();
  const [failure, setFailure] = useState<IntentFailure | undefined>(undefined);

  const send = (symbol: string): void => {
    const parsed = DtmfRequest.safeParse({ contactId: contact.id, digits: symbol });
    if (!parsed.success) {
      setFailure({ kind: 'refused', reason: 'dtmf.invalid' });
      return;
    }
    setFailure(undefined);
    api.contacts.sendDtmf(contact.id, parsed.data.digits).then(
      (result) => {
        if (!result.ok) setFailure({ kind: 'refused', reason: result.reason });
      },
      (error: unknown) => setFailure({ kind: 'exception', message: errorMessage(error) }),
    );
  };

  return (
    <div className="dtmf" id={DTMF_PAD_ID} data-testid="dtmf-pad">
      <p className="dtmf__sent">
        <span className="dtmf__label">{t('dtmf.sentLabel')}</span>
        <output className="dtmf__digits" data-testid="dtmf-sent">
          {contact.dtmfSent ?? ''}
        </output>
      </p>
      <Keypad
        testIdFor={(key) => `dtmf-${key.symbol}`}
        label={t('dtmf.keypad')}
        onKey={send}
        typeable
      />
      <IntentError failure={failure} context="contact" testId="dtmf-error" />
    </div>
  );
}
