import { useTranslation } from 'react-i18next';
import type { UpdateOffer } from '../../../common/contract';
import { UpdateOfferView } from './UpdateOfferView';

/**
 * A quiet line at the top of the CCP while a downloaded update waits for the agent (G5). Only
 * a ready update shows here; "IT updates this app" is a settings row, not news.
 */
export function UpdateBanner({ offer }: { offer: UpdateOffer | undefined }) {
  const { t } = useTranslation();
  if (offer?.kind !== 'ready') return null;
  return (
    <section className="update-banner" aria-label={t('updates.region')} data-testid="update-banner">
      <UpdateOfferView offer={offer} place="banner" />
    </section>
  );
}
