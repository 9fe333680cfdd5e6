/**
 * i18next set up with every bundled language; the OS language (navigator.languages) picks one,
 * English is the fallback for anything missing.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import it from '../locales/it.json';
import ja from '../locales/ja.json';
import zhCN from '../locales/zh-CN.json';

export const SUPPORTED_LANGUAGES = ['en', 'zh-CN', 'ja', 'it'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** First of the user's preferred languages we have, by primary subtag (all Chinese -> zh-CN). */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'ja') return 'ja';
    if (primary === 'it') return 'it';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

function preferredLanguages(): string[] {
  if (typeof navigator === 'undefined') return [];
  if (navigator.languages && navigator.languages.length > 0) return [...navigator.languages];
  return navigator.language ? [navigator.language] : [];
}

const language = pickLanguage(preferredLanguages());

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: en },
    'zh-CN': { translation: zhCN },
    ja: { translation: ja },
    it: { translation: it },
  },
  lng: language,
  fallbackLng: 'en',
  // Resources are bundled: initialise synchronously so the first render is already translated.
  initAsync: false,
  // React escapes text itself; values (caller names) are never inserted as HTML.
  interpolation: { escapeValue: false },
  returnNull: false,
});

if (typeof document !== 'undefined') document.documentElement.lang = language;

export default i18n;
