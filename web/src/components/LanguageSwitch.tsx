import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, currentLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.switchLabel')}>
      {UI_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={active === language}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {t(`language.${language}`)}
          <span className="visually-hidden"> {t(`language.${language}Name`)}</span>
        </button>
      ))}
    </div>
  );
}
