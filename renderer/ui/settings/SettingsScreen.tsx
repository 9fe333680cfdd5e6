import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskState } from '../../../common/contract';
import { SETTINGS_SECTIONS } from './settingsSections';

interface Props {
  state: DeskState;
  onClose: () => void;
}

/**
 * The settings screen, over the CCP (and before sign-in): a list of sections, each applied as
 * soon as it changes (no Save to forget). Escape or Close goes back to where the agent was.
 */
export function SettingsScreen({ state, onClose }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard users land on the screen's heading, not back at the top of the page.
  useEffect(() => heading.current?.focus(), []);

  return (
    <div
      className="settings"
      data-testid="settings-screen"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="settings__bar">
        <h1 className="settings__title" tabIndex={-1} ref={heading}>
          {t('settings.title')}
        </h1>
        <button
          type="button"
          className="button button--quiet button--small"
          data-testid="settings-close"
          onClick={onClose}
        >
          {t('settings.close')}
        </button>
      </header>
      <nav aria-label={t('settings.sections')} className="settings__nav">
        <ul>
          {SETTINGS_SECTIONS.map((section) => (
            <li key={section.id}>
              <a href={`#settings-${section.id}`}>{t(section.title)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="settings__body">
        {SETTINGS_SECTIONS.map(({ id, title, Component }) => (
          <section
            key={id}
            id={`settings-${id}`}
            aria-labelledby={`settings-${id}-title`}
            className="settings__section"
            data-testid={`settings-section-${id}`}
          >
            <h2 id={`settings-${id}-title`} className="settings__section-title">
              {t(title)}
            </h2>
            <Component state={state} />
          </section>
        ))}
      </main>
    </div>
  );
}
