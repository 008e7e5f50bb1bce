import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import lv from './lv.json';

export const UI_LANGUAGES = ['lv', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Same name as the api's cookie, so its own pages (sign-in) follow the portal's language. */
const LANGUAGE_KEY = 'mps_lang';
const ONE_YEAR_SECONDS = 365 * 24 * 3600;

const isUiLanguage = (value: unknown): value is UiLanguage => UI_LANGUAGES.includes(value as UiLanguage);

/**
 * The cookie first: signing in sets it to the language stored in the person's profile, and the
 * portal sets it on every change. Local storage keeps the choice where cookies are cleared.
 */
function storedLanguage(): UiLanguage {
  const cookie = new RegExp(`(?:^|;\\s*)${LANGUAGE_KEY}=([^;]*)`).exec(document.cookie)?.[1];
  if (isUiLanguage(cookie)) return cookie;
  try {
    const stored = window.localStorage.getItem(LANGUAGE_KEY);
    if (isUiLanguage(stored)) return stored;
  } catch {
    // Storage may be blocked (private mode, policies).
  }
  return 'lv';
}

function rememberLanguage(language: UiLanguage): void {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // See storedLanguage.
  }
  document.cookie = `${LANGUAGE_KEY}=${language}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
  document.documentElement.lang = language;
}

/** The language of the interface and of every GraphQL request. */
export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : 'lv';
}

/** Intl locale for dates and money in the current language. */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'lv-LV';
}

const initial = storedLanguage();

void i18n.use(initReactI18next).init({
  resources: { lv: { translation: lv }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'lv',
  supportedLngs: UI_LANGUAGES,
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

rememberLanguage(initial);
i18n.on('languageChanged', (language) => {
  if (isUiLanguage(language)) rememberLanguage(language);
});

export default i18n;
