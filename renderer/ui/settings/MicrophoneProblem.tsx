import { useTranslation } from 'react-i18next';
import type { DeskState } from '../../../common/contract';
import type { MessageKey } from '../shared/messageKey';

/** Which OS's settings the fix is in; Linux (and anything else): the audio server. */
export function fixKey(userAgent: string): MessageKey {
  if (/Windows/i.test(userAgent)) return 'microphone.fixWindows';
  if (/Mac OS X|Macintosh/i.test(userAgent)) return 'microphone.fixMac';
  return 'microphone.fixLinux';
}

/**
 * B4: no microphone, or the OS denies it, is said before the agent goes Available (which is
 * refused), with where to fix it on this OS.
 */
export function MicrophoneProblem({ audio }: { audio: DeskState['audio'] }) {
  const { t } = useTranslation();
  const access = audio?.microphoneAccess;
  if (access !== 'none' && access !== 'denied') return null;
  return (
    <div className="microphone-problem" role="alert" data-testid="microphone-problem">
      <p className="microphone-problem__what">
        {t(access === 'none' ? 'microphone.none' : 'microphone.denied')}
      </p>
      {/* The fix folds away: open, it would push Call below a 620 px high window. */}
      <details className="microphone-problem__fix" data-testid="microphone-fix">
        <summary>{t('microphone.howToFix')}</summary>
        <p>{t(fixKey(navigator.userAgent))}</p>
      </details>
    </div>
  );
}
