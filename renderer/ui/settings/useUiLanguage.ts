import { useEffect } from 'react';
import type { UiLanguage } from '../../../common/contract';
import i18n, { pickLanguage } from '../app/i18n';

/** The language the agent chose (or the OS's), applied at once to every text on screen. */
export function languageFor(choice: UiLanguage, preferred: readonly string[]): string {
  return choice === 'system' ? pickLanguage(preferred) : choice;
}

export function useUiLanguage(choice: UiLanguage | undefined): void {
  useEffect(() => {
    if (!choice) return;
    const language = languageFor(choice, navigator.languages ?? [navigator.language]);
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [choice]);
}
