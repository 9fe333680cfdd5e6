import { useTranslation } from 'react-i18next';
import { DTMF_PAD_ID } from './DtmfPad';

/** "Number pad" in the call controls: shows or hides the DTMF pad, as the CCP does. */
export function DtmfPadToggle({ open, onToggle }: { open: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button call-control"
      data-testid="dtmf-toggle"
      aria-expanded={open}
      aria-controls={open ? DTMF_PAD_ID : undefined}
      onClick={onToggle}
    >
      {t('dtmf.toggle')}
    </button>
  );
}
