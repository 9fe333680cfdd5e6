import { useTranslation } from 'react-i18next';
import {
  ShortcutAction,
  type DeskState,
  type DesktopPreferencesState,
  type ShortcutProblem,
} from '../../../common/contract';
import { useCcp } from '../app/CcpContext';
import { IntentError } from '../shared/IntentError';
import { isSettingLocked, LockedNote } from './LockedNote';
import { useIntent } from '../shared/useIntent';
import { fieldAction, readableAccelerator } from './shortcutKeys';

const MAC = /Mac/.test(navigator.userAgent);

/**
 * The desktop around the CCP (G3, G5): a global shortcut per action, recorded by pressing it
 * and checked by main, whose problems show under the field in plain words; start at login;
 * the mini window always on top. Each change applies at once.
 */
export function DesktopSection({ state }: { state: DeskState }) {
  const { t } = useTranslation();
  const desktop = state.desktop;
  if (!desktop) return <p className="settings__hint">{t('desktopSettings.unavailable')}</p>;
  return (
    <div className="settings__fields" data-testid="settings-desktop">
      <p className="settings__hint" id="settings-shortcut-hint">
        {t('desktopSettings.shortcutHint')}
      </p>
      {ShortcutAction.options.map((action) => (
        <ShortcutField
          key={action}
          action={action}
          desktop={desktop}
          locked={isSettingLocked(state, `desktop.shortcuts.${action}`)}
        />
      ))}
      <Switches
        desktop={desktop}
        startLocked={isSettingLocked(state, 'desktop.startAtLogin')}
        onTopLocked={isSettingLocked(state, 'desktop.widgetAlwaysOnTop')}
      />
    </div>
  );
}

function ShortcutField({
  action,
  desktop,
  locked,
}: {
  action: ShortcutAction;
  desktop: DesktopPreferencesState;
  /** The machine policy fixes this shortcut: the field is read-only and says why. */
  locked: boolean;
}) {
  const { t } = useTranslation();
  const api = useCcp();
  const change = useIntent();
  const id = `settings-shortcut-${action}`;
  const accelerator = desktop.shortcuts[action];
  const problem = desktop.shortcutProblems.find((entry) => entry.action === action);
  return (
    <div className="settings__field">
      <label htmlFor={id} className="field__label">
        {t(`desktopSettings.actions.${action}`)}
      </label>
      <input
        id={id}
        className="field__input settings__shortcut"
        data-testid={id}
        readOnly
        disabled={locked}
        value={accelerator ? readableAccelerator(accelerator, MAC) : t('desktopSettings.off')}
        aria-invalid={problem ? true : undefined}
        aria-describedby={[
          problem ? `${id}-problem` : '',
          locked ? `${id}-locked` : '',
          'settings-shortcut-hint',
        ]
          .filter(Boolean)
          .join(' ')}
        onKeyDown={(event) => {
          const next = fieldAction(event);
          if (next.kind === 'pass') return;
          event.preventDefault();
          const recorded = next.kind === 'clear' ? '' : next.accelerator;
          if (recorded === accelerator) return;
          void change.run(() => api.desktop.setShortcut(action, recorded));
        }}
      />
      {problem ? (
        <p className="settings__problem" id={`${id}-problem`} data-testid={`${id}-problem`}>
          <ProblemText problem={problem} />
        </p>
      ) : null}
      {locked ? <LockedNote id={`${id}-locked`} /> : null}
      <IntentError failure={change.failure} context="settings" />
    </div>
  );
}

function ProblemText({ problem }: { problem: ShortcutProblem }) {
  const { t } = useTranslation();
  const other = problem.other ? t(`desktopSettings.actions.${problem.other}`) : '';
  return <>{t(`desktopSettings.problems.${problem.reason}`, { other })}</>;
}

function Switches({
  desktop,
  startLocked,
  onTopLocked,
}: {
  desktop: DesktopPreferencesState;
  startLocked: boolean;
  onTopLocked: boolean;
}) {
  const { t } = useTranslation();
  const api = useCcp();
  const change = useIntent();
  return (
    <>
      <label className="settings__check">
        <input
          type="checkbox"
          data-testid="settings-start-at-login"
          checked={desktop.startAtLogin}
          disabled={startLocked}
          aria-describedby={startLocked ? 'settings-start-at-login-locked' : undefined}
          onChange={(event) => {
            const enabled = event.target.checked;
            void change.run(() => api.desktop.setStartAtLogin(enabled));
          }}
        />
        {t('desktopSettings.startAtLogin')}
      </label>
      {startLocked ? <LockedNote id="settings-start-at-login-locked" /> : null}
      <label className="settings__check">
        <input
          type="checkbox"
          data-testid="settings-widget-on-top"
          checked={desktop.widgetAlwaysOnTop}
          disabled={onTopLocked}
          aria-describedby={onTopLocked ? 'settings-widget-on-top-locked' : undefined}
          onChange={(event) => {
            const enabled = event.target.checked;
            void change.run(() => api.desktop.setWidgetAlwaysOnTop(enabled));
          }}
        />
        {t('desktopSettings.widgetOnTop')}
      </label>
      {onTopLocked ? <LockedNote id="settings-widget-on-top-locked" /> : null}
      <IntentError failure={change.failure} context="settings" />
    </>
  );
}
