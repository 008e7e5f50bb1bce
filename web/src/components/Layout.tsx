import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { HELP_PATH, MY_TRAINING_PATH, MeQuery, PROFILE_PATH } from '../me';
import { Account } from './Account';
import { LanguageSwitch } from './LanguageSwitch';
import { ProfileReminder } from './ProfileReminder';

const MENU = [
  { to: '/', key: 'nav.home', end: true, signedInOnly: false },
  { to: MY_TRAINING_PATH, key: 'nav.myTraining', end: false, signedInOnly: true },
  { to: PROFILE_PATH, key: 'nav.profile', end: false, signedInOnly: false },
  { to: '/katalogs', key: 'nav.catalog', end: false, signedInOnly: false },
  { to: '/materiali', key: 'nav.materials', end: false, signedInOnly: false },
  { to: HELP_PATH, key: 'nav.help', end: false, signedInOnly: false },
] as const;

export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data, previousData } = useQuery(MeQuery);
  const signedIn = !!(data ?? previousData)?.me;
  // A course page belongs to the catalog section of the menu.
  const inCatalog = pathname.startsWith('/kursi/');

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container header-bar">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              {t('app.systemName')}
            </span>
            <span className="brand-text">
              <span className="brand-school">{t('app.schoolName')}</span>
              <span className="brand-system">{t('app.systemFullName')}</span>
            </span>
          </Link>
          <div className="header-tools">
            <LanguageSwitch />
            <Account />
          </div>
        </div>
        <nav className="main-nav" aria-label={t('nav.label')}>
          <ul className="container">
            {MENU.filter((item) => signedIn || !item.signedInOnly).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} className={({ isActive }) => (isActive || (inCatalog && item.to === '/katalogs') ? 'active' : undefined)}>
                  {t(item.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="container site-main">
        <ProfileReminder />
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p className="footer-about">{t('app.footerAbout')}</p>
          <p>{t('app.footerNote')}</p>
          <nav aria-label={t('app.footerLinks')}>
            <Link to={HELP_PATH}>{t('app.footerHelp')}</Link> · <Link to="/jautajumi">{t('nav.questions')}</Link>
          </nav>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
}
