import { useQuery } from '@apollo/client/react';
import { useEffect, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { MeQuery, PROFILE_PATH } from '../me';
import { SECTIONS } from '../profile/sections';

// Once per page load: signing in is a full page load, so this is "right after signing in", and a
// person who then goes elsewhere is not sent back again (the banner keeps asking instead).
let sentToProfile = false;

/**
 * R-ID-2, "the portal keeps asking": while the profile lacks an e-mail, every page shows this
 * banner, and the first page after signing in gives way to the profile page.
 */
export function ProfileReminder() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const { data } = useQuery(MeQuery);
  const me = data?.me;
  const missing = me?.missingProfileFields ?? [];
  const onProfile = pathname === PROFILE_PATH;

  useEffect(() => {
    if (!me || sentToProfile) return;
    sentToProfile = true;
    if (me.missingProfileFields.length > 0 && !onProfile) {
      navigate(PROFILE_PATH, { state: { returnTo: pathname + search } });
    }
  }, [me, onProfile, pathname, search, navigate]);

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
          <Link to={PROFILE_PATH} className="button button-primary">
            {t('profileReminder.link')}
          </Link>
        )}
      </p>
    </div>
  );
}
