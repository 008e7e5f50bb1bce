import { useQuery } from '@apollo/client/react';
import { type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { MeQuery, PROFILE_PATH } from '../me';
import { SECTIONS } from '../profile/sections';

/**
 * R-ID-2, "the portal keeps asking": while the profile lacks an e-mail, every page shows this
 * banner. The profile page itself is shown once, right after signing in (the api sends the person
 * there, with where they were going), never on later page loads.
 */
export function ProfileReminder() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const { data } = useQuery(MeQuery);
  const missing = data?.me?.missingProfileFields ?? [];
  const onProfile = pathname === PROFILE_PATH;

  if (missing.length === 0) return null;

  // On the profile page itself the link leads to the e-mail field and puts the cursor in it.
  const toEmailField = (event: MouseEvent<HTMLAnchorElement>) => {
    const input = document.querySelector<HTMLInputElement>(`#${SECTIONS.contact} input[name="email"]`);
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.scrollIntoView({ block: 'center' });
  };

  return (
    <div className="profile-reminder" data-testid="profile-incomplete" aria-labelledby="profile-reminder-title" role="region">
      <p className="notice-title" id="profile-reminder-title">
        {t('profileReminder.title')}
      </p>
      <p>{t('profileReminder.text')}</p>
      <p>
        {onProfile ? (
          <a href={`#${SECTIONS.contact}`} onClick={toEmailField}>
            {t('profileReminder.toField')}
          </a>
        ) : (
          <Link to={PROFILE_PATH} state={{ returnTo: pathname + search }} className="button button-primary">
            {t('profileReminder.link')}
          </Link>
        )}
      </p>
    </div>
  );
}
