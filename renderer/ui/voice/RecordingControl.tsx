import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { ControlButton } from '../shared/ControlButton';
import { IntentError } from '../shared/IntentError';
import { useIntent } from '../shared/useIntent';

interface Props {
  contact: Contact;
  /** The profile lets the agent record (DeskState.contactOptions.recording). */
  allowed: boolean;
}

/**
 * The agent's own recording of the call (D9): a red "Recording" badge while it runs (in a live
 * region, so a screen reader hears it start and stop), the file once saved, and Record / Stop
 * recording when the profile allows. Nothing at all when recording is off and none was made.
 */
export function RecordingControl({ contact, allowed }: Props) {
  const { t } = useTranslation();
  const api = useCcp();
  const intent = useIntent();
  if (contact.channel !== 'voice') return null;
  const recording = contact.recording;
  const running = recording?.state === 'recording';
  const connected = contact.state === 'connected';
  if (!allowed && !recording) return null;
  const file = recording?.file ?? '';
  return (
    <div className="recording" data-testid="recording" data-state={recording?.state ?? 'none'}>
      <div className="recording__status" role="status">
        {running ? (
          <span className="badge badge--recording" data-testid="recording-indicator">
            <span className="recording__dot" aria-hidden="true" />
            {t('recording.indicator')}
          </span>
        ) : null}
        {recording?.state === 'stopping' ? (
          <span className="hint">{t('recording.stopping')}</span>
        ) : null}
        {recording?.state === 'saved' ? (
          <span className="hint recording__file" data-testid="recording-file">
            {t('recording.saved', { file })}
          </span>
        ) : null}
        {recording?.state === 'failed' ? (
          <span className="hint recording__file">{t('recording.failed', { file })}</span>
        ) : null}
      </div>
      {allowed && connected && recording?.state !== 'stopping' ? (
        <ControlButton
          className={`button call-control${running ? ' call-control--alert' : ''}`}
          testId="record"
          aria-pressed={running}
          onClick={() => void intent.run(() => api.recording.set(contact.id, !running))}
        >
          {t(running ? 'recording.stop' : 'recording.start')}
        </ControlButton>
      ) : null}
      <IntentError failure={intent.failure} context="contact" testId="recording-error" />
    </div>
  );
}
