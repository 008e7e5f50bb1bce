import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations, type I18nProvider, type TranslationMessages } from 'react-admin';
import { en } from './en';
import { lv } from './lv';
import raLatvian from './ra-lv';

export type Locale = 'lv' | 'en';

export const DEFAULT_LOCALE: Locale = 'lv';

const messages: Record<Locale, TranslationMessages> = {
  lv: mergeTranslations(raLatvian, lv),
  en: mergeTranslations(englishMessages, en),
};

const isLocale = (value: string): value is Locale => value === 'lv' || value === 'en';

/**
 * Polyglot over react-admin's and our messages, Latvian first. `onLocaleChange` lets the data
 * layer refetch: the API localizes fields (titles, topic names) by the request language.
 */
export function createI18nProvider(onLocaleChange: (locale: Locale) => void = () => {}): I18nProvider {
  const polyglot = polyglotI18nProvider((locale) => messages[isLocale(locale) ? locale : DEFAULT_LOCALE], DEFAULT_LOCALE, [
    { locale: 'lv', name: 'Latviešu' },
    { locale: 'en', name: 'English' },
  ]);
  return {
    ...polyglot,
    changeLocale: async (locale, options) => {
      await polyglot.changeLocale(isLocale(locale) ? locale : DEFAULT_LOCALE, options);
      document.documentElement.lang = polyglot.getLocale();
      onLocaleChange(polyglot.getLocale() as Locale);
    },
  };
}
