import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { UI_LANGUAGES, currentLanguage, type UiLanguage } from '../i18n';
import { MeQuery } from '../me';

/** A signed-in person's switch is also their choice for e-mails: the same preference as in the profile. */
const SavePreferredLanguage = graphql(`
  mutation SavePreferredLanguage($language: Language!) {
    updateMyProfile(input: { preferredLanguage: $language }) {
      ...MeFields
    }
  }
`);

const API_LANGUAGE = { lv: 'LV', en: 'EN' } as const;

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage();
  const { data } = useQuery(MeQuery);
  const [savePreference] = useMutation(SavePreferredLanguage);

  const choose = (language: UiLanguage) => {
    void i18n.changeLanguage(language);
    const person = data?.me?.person;
    // The interface has already switched; a preference that fails to save is asked again next time.
    if (person && person.preferredLanguage !== API_LANGUAGE[language]) {
      savePreference({ variables: { language: API_LANGUAGE[language] } }).catch(() => undefined);
    }
  };

  return (
    <div className="language-switch" role="group" aria-label={t('language.switchLabel')}>
      {UI_LANGUAGES.map((language) => (
        <button key={language} type="button" lang={language} aria-pressed={active === language} onClick={() => choose(language)}>
          {t(`language.${language}`)}
          <span className="visually-hidden"> {t(`language.${language}Name`)}</span>
        </button>
      ))}
    </div>
  );
}
