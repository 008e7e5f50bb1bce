import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../gql/graphql';
import { currentLanguage } from '../i18n';
import { FormFooter } from './FormParts';
import { SECTIONS, headingIdOf } from './sections';
import { useProfileForm } from './useProfileForm';

const LANGUAGES: readonly Language[] = ['LV', 'EN'];

/** The language of e-mails and of the portal; saving it also switches the interface. */
export function LanguageForm({ preferred }: { preferred: Language }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<Language>(preferred);
  const form = useProfileForm({
    // Two radio buttons of a known list: whatever the api might refuse is said in the form's own message.
    fields: {},
    input: () => ({ preferredLanguage: language }),
    savedMessage: () => t('profile.language.saved'),
    onSaved: ({ person }) => {
      setLanguage(person.preferredLanguage);
      // As the header's switch does: remembered in this browser, and every text follows.
      const ui = person.preferredLanguage === 'EN' ? 'en' : 'lv';
      if (currentLanguage() !== ui) void i18n.changeLanguage(ui);
    },
  });
  const headingId = headingIdOf('language');

  return (
    <section className="panel" id={SECTIONS.language} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('profile.language.heading')}</h2>
      <form noValidate onSubmit={form.onSubmit} aria-labelledby={headingId} className="profile-form">
        <fieldset className="choice-group" aria-describedby={`${form.id}-intro`}>
          <legend>{t('profile.language.legend')}</legend>
          <p className="field-hint" id={`${form.id}-intro`}>
            {t('profile.language.intro')}
          </p>
          {LANGUAGES.map((option) => (
            <div className="choice" key={option}>
              <input
                type="radio"
                id={`${form.id}-${option}`}
                name="preferredLanguage"
                value={option}
                checked={language === option}
                onChange={() => setLanguage(option)}
              />
              <label htmlFor={`${form.id}-${option}`}>{t(`profile.language.option.${option}`)}</label>
            </div>
          ))}
        </fieldset>
        <FormFooter form={form} label={t('profile.language.save')} />
      </form>
    </section>
  );
}
