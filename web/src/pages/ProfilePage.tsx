import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { MeQuery, signInHref } from '../me';

export function ProfilePage() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data, loading, error, refetch } = useQuery(MeQuery);
  const heading = <PageHeading title={t('profile.title')}>{t('profile.title')}</PageHeading>;

  if (error) {
    return (
      <div className="profile">
        {heading}
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      </div>
    );
  }
  if (!data && loading) return <Loading label={t('common.loading')} />;

  const me = data?.me;
  if (!me) {
    return (
      <div className="profile">
        {heading}
        <div className="notice notice-info">
          <p className="notice-title">{t('profile.anonymous')}</p>
          <p>{t('profile.anonymousText')}</p>
          <p>
            <a className="button button-primary" href={signInHref(location.pathname)}>
              {t('profile.signIn')}
            </a>
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="profile">
      {heading}
      <section className="panel" aria-labelledby="profile-contact">
        <h2 id="profile-contact">{t('profile.contact')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('profile.name')}</dt>
            <dd data-testid="profile-name">{me.person.fullName}</dd>
          </div>
          <div>
            <dt>{t('profile.email')}</dt>
            <dd>{me.person.email ?? t('common.notSpecified')}</dd>
          </div>
          <div>
            <dt>{t('profile.preferredLanguage')}</dt>
            <dd>{t(`language.name.${me.person.preferredLanguage}`)}</dd>
          </div>
        </dl>
        {!me.person.email && (
          <p className="notice notice-warning" role="note">
            {t('profile.emailMissing')}
          </p>
        )}
      </section>
      <section className="panel" aria-labelledby="profile-roles">
        <h2 id="profile-roles">{t('profile.roles')}</h2>
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
    </div>
  );
}
