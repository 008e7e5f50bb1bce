import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { MY_TRAINING_PATH, MeQuery, signInHref } from '../me';

/** Sign-in link for visitors; the person's name and a sign-out button once signed in. */
export function Account() {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  // "Manas mācības" sends visitors to sign in: after signing out there, the home page instead.
  const afterSignOut = location.pathname === MY_TRAINING_PATH ? '/' : here;
  const { data, loading } = useQuery(MeQuery);

  if (loading && !data) return <div className="account" aria-hidden="true" />;

  const me = data?.me;
  if (!me) {
    return (
      <div className="account">
        {/* A full page load: sign-in happens on the api's own pages. */}
        <a className="button button-primary" href={signInHref(here)}>
          {t('auth.signIn')}
        </a>
      </div>
    );
  }
  return (
    <div className="account">
      <p className="account-name">
        <span className="visually-hidden">{t('auth.signedInAs')}: </span>
        <span data-testid="signed-in-name">{me.person.fullName}</span>
      </p>
      <form method="post" action="/auth/sign-out">
        <input type="hidden" name="returnTo" value={afterSignOut} />
        <button type="submit" className="button button-secondary">
          {t('auth.signOut')}
        </button>
      </form>
    </div>
  );
}
