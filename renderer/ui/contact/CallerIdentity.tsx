import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../common/contract';

interface Props {
  peer: Contact['peer'];
  testId?: string;
}

/**
 * The customer's name and number. Both come from the network and are untrusted: they are
 * rendered as React text children only, never as HTML.
 */
export function CallerIdentity({ peer, testId }: Props) {
  const { t } = useTranslation();
  const name = peer.displayName.trim();
  const number = peer.number.trim();
  const primary = name || number || t('contact.unknownCaller');
  const secondary = name && number && name !== number ? number : undefined;
  return (
    <div className="caller" data-testid={testId}>
      <p className="caller__name" title={primary}>
        {primary}
      </p>
      {secondary ? (
        <p className="caller__number" title={secondary}>
          {secondary}
        </p>
      ) : null}
    </div>
  );
}
