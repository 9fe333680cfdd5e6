import { useTranslation } from 'react-i18next';
import { ControlButton } from '../shared/ControlButton';

interface Props {
  muted: boolean;
  onRequest(muted: boolean): void;
  unavailable?: boolean;
}

/** Mute/Unmute the agent's microphone on every leg of the contact. */
export function MuteButton({ muted, onRequest, unavailable = false }: Props) {
  const { t } = useTranslation();
  return (
    <ControlButton
      className={`button call-control${muted ? ' call-control--alert' : ''}`}
      testId="mute"
      aria-pressed={muted}
      unavailable={unavailable}
      onClick={() => onRequest(!muted)}
    >
      {t(muted ? 'call.unmute' : 'call.mute')}
    </ControlButton>
  );
}
