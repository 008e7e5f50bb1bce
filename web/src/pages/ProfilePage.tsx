import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { PROFILE_PATH, signInHref } from '../me';
import { AddressForm } from '../profile/AddressForm';
import { BillingForm } from '../profile/BillingForm';
import { CalendarFeed } from '../profile/CalendarFeed';
import { Certificates } from '../profile/Certificates';
import { Invoices } from '../profile/Invoices';
import { ContactForm } from '../profile/ContactForm';
import { CourseHistory } from '../profile/CourseHistory';
import { Employments } from '../profile/Employments';
import { LanguageForm } from '../profile/LanguageForm';
import { PersonalData } from '../profile/PersonalData';
import { MyData } from '../profile/MyData';
import { ProfileQuery } from '../profile/profile-documents';
import { Roles } from '../profile/Roles';
import { CoordinatorRequest } from '../profile/CoordinatorRequest';
import { SECTIONS, type SectionName } from '../profile/sections';

const CONTENTS = [
  { section: 'personal', key: 'profile.personal.heading' },
  { section: 'contact', key: 'profile.contact.heading' },
  { section: 'language', key: 'profile.language.heading' },
  { section: 'calendar', key: 'profile.calendar.heading' },
  { section: 'address', key: 'profile.address.heading' },
  { section: 'billing', key: 'profile.billing.heading' },
  { section: 'employments', key: 'profile.employment.heading' },
  { section: 'history', key: 'profile.history.heading' },
  { section: 'certificates', key: 'profile.certificates.heading' },
  { section: 'invoices', key: 'profile.invoices.heading' },
  { section: 'roles', key: 'profile.roles' },
  { section: 'coordinator', key: 'profile.coordinator.heading' },
  { section: 'mydata', key: 'profile.mydata.heading' },
] as const satisfies readonly { section: SectionName; key: string }[];

/** A long page: its sections, beside it on wide screens. */
function Contents() {
  const { t } = useTranslation();
  return (
    <nav className="profile-contents" aria-labelledby="profile-contents-title">
      <p className="profile-contents-title" id="profile-contents-title">
        {t('profile.contents')}
      </p>
      <ul>
        {CONTENTS.map(({ section, key }) => (
          <li key={section}>
            <a href={`#${SECTIONS[section]}`}>{t(key)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Where the person was going: the sign-in's `?returnTo=` (the api asks for the missing e-mail once,
 * right after signing in), or the page whose banner led here.
 */
function useReturnTo(): string | undefined {
  const { state, search } = useLocation();
  const from = new URLSearchParams(search).get('returnTo') ?? (state as { returnTo?: unknown } | null)?.returnTo;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== PROFILE_PATH ? from : undefined;
}

export function ProfilePage() {
  const { t } = useTranslation();
  const location = useLocation();
  const returnTo = useReturnTo();
  const { data, previousData, loading, error, refetch } = useQuery(ProfileQuery);
  // While the language changes every query is fetched again: the forms, and what is typed in them, stay.
  const shown = data ?? previousData;
  const heading = <PageHeading title={t('profile.title')}>{t('profile.title')}</PageHeading>;
  const loaded = !!shown?.me;

  // A link to a section (/profils#kalendars) from another page: the sections exist only once the profile has loaded.
  useEffect(() => {
    if (loaded && location.hash) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [loaded, location.hash]);

  if (error && !shown) {
    return (
      <div className="profile">
        {heading}
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      </div>
    );
  }
  if (!shown && loading) return <Loading label={t('profile.loading')} />;

  const me = shown?.me;
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

  const { person } = me;
  return (
    // Keyed by person: another person signing in in another tab must not inherit typed values.
    <div className="profile" key={person.id}>
      {heading}
      <p className="lead">{t('profile.intro')}</p>
      <div className="profile-layout">
        <Contents />
        <div className="profile-main">
          <PersonalData person={person} />
          <ContactForm person={person} returnTo={returnTo} />
          <LanguageForm preferred={person.preferredLanguage} />
          <CalendarFeed />
          <AddressForm address={person.declaredAddress} />
          <BillingForm employer={person.employer} />
          <Employments employments={person.employments} />
          <CourseHistory />
          <Certificates certificates={person.certificates} />
          <Invoices />
          <Roles me={me} />
          <CoordinatorRequest />
          <MyData />
        </div>
      </div>
    </div>
  );
}
