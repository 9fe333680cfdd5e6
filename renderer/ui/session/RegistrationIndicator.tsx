import { useTranslation } from 'react-i18next';
import type { RegistrationState } from '../../../common/contract';

/** The phone line's state as a coloured dot, with the words for screen readers and tooltips. */
export function RegistrationIndicator({ registration }: { registration: RegistrationState }) {
  const { t } = useTranslation();
  const text = t(`registration.${registration}`);
  return (
    <span
      className={`registration registration--${registration}`}
      data-testid="registration-state"
      data-state={registration}
      title={text}
    >
      <span className="registration__dot" aria-hidden="true" />
      <span className="sr-only">{text}</span>
    </span>
  );
}
