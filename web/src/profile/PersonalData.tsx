import { useTranslation } from 'react-i18next';
import type { ProfilePersonFieldsFragment } from '../gql/graphql';
import { SECTIONS, headingIdOf } from './sections';

/** Name and personal code as the identity provider gave them: shown, never edited here. */
export function PersonalData({ person }: { person: ProfilePersonFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <section className="panel" id={SECTIONS.personal} aria-labelledby={headingIdOf('personal')}>
      <h2 id={headingIdOf('personal')}>{t('profile.personal.heading')}</h2>
      <dl className="facts facts-inline">
        <div>
          <dt>{t('profile.personal.givenName')}</dt>
          <dd data-testid="profile-given-name">{person.givenName}</dd>
        </div>
        <div>
          <dt>{t('profile.personal.familyName')}</dt>
          <dd data-testid="profile-family-name">{person.familyName}</dd>
        </div>
        <div>
          <dt>{t('profile.personal.personalCode')}</dt>
          <dd data-testid="profile-personal-code" className="tabular">
            {person.personalCode ?? t('common.notSpecified')}
          </dd>
        </div>
      </dl>
      <p className="field-hint">{t('profile.personal.source')}</p>
    </section>
  );
}
