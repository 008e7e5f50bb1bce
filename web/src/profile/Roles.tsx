import { useTranslation } from 'react-i18next';
import type { MeFieldsFragment } from '../gql/graphql';
import { SECTIONS, headingIdOf } from './sections';

/** What the person may do in the system, and the institutions they coordinate. */
export function Roles({ me }: { me: MeFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="panel" id={SECTIONS.roles} aria-labelledby={headingIdOf('roles')}>
        <h2 id={headingIdOf('roles')}>{t('profile.roles')}</h2>
        <ul className="tag-list">
          {me.roles.map((role) => (
            <li key={role} className="tag">
              {t(`role.${role}`)}
            </li>
          ))}
        </ul>
      </section>
      {me.coordinatedInstitutions.length > 0 && (
        <section className="panel" aria-labelledby="profile-institutions">
          <h2 id="profile-institutions">{t('profile.institutions')}</h2>
          <ul>
            {me.coordinatedInstitutions.map((institution) => (
              <li key={institution.id}>{institution.name}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
