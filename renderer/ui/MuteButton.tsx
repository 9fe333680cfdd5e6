import { useTranslation } from 'react-i18next';

interface Props {
  muted: boolean;
  onRequest(muted: boolean): void;
  disabled?: boolean;
}

/** Mute/Unmute the agent's microphone on every leg of the contact. */
export function MuteButton({ muted, onRequest, disabled = false }: Props) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`button call-control${muted ? ' call-control--alert' : ''}`}
      data-testid="mute"
      aria-pressed={muted}
      disabled={disabled}
      onClick={() => onRequest(!muted)}
    >
      {t(muted ? 'call.unmute' : 'call.mute')}
    </button>
  );
}
