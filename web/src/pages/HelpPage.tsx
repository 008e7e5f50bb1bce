import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { HelpSettingsQuery } from '../help/help-documents';
import { PROFILE_PATH } from '../me';
import { SECTIONS } from '../profile/sections';

/** The page's sections, in order: element ids for the links at the top. */
const TOPICS = [
  { id: 'pieslegsanas', key: 'signIn' },
  { id: 'pieteiksanas', key: 'applying' },
  { id: 'apmaksa', key: 'payment' },
  { id: 'sertifikati', key: 'certificates' },
  { id: 'jautajumi', key: 'questions' },
] as const;

type Topic = (typeof TOPICS)[number]['key'];

function HelpSection({ topic, children }: { topic: Topic; children: ReactNode }) {
  const { t } = useTranslation();
  const { id } = TOPICS.find((item) => item.key === topic)!;
  return (
    <section className="panel help-section" id={id} aria-labelledby={`${id}-virsraksts`}>
      <h2 id={`${id}-virsraksts`}>{t(`help.${topic}.heading`)}</h2>
      {children}
    </section>
  );
}

/** The school's video guide, when staff have set one; nothing otherwise (and nothing while it loads). */
function VideoGuide() {
  const { t } = useTranslation();
  const { data } = useQuery(HelpSettingsQuery);
  const videoUrl = data?.helpSettings.videoUrl;
  if (!videoUrl) return null;
  return (
    <section className="notice notice-info help-video" aria-labelledby="video-virsraksts" data-testid="help-video">
      <h2 id="video-virsraksts" className="notice-title">
        {t('help.video.heading')}
      </h2>
      <p>{t('help.video.text')}</p>
      <p>
        <a href={videoUrl} rel="noopener noreferrer">
          {t('help.video.link')}
        </a>
      </p>
    </section>
  );
}

/** "Palīdzība" (R-SUP-2): how to sign in, apply, pay, find certificates and ask, with the school's video guide. */
export function HelpPage() {
  const { t } = useTranslation();
  return (
    <div className="help">
      <PageHeading title={t('help.title')}>{t('help.title')}</PageHeading>
      <p className="lead">{t('help.intro')}</p>
      <nav className="help-contents" aria-labelledby="help-contents-title">
        <p id="help-contents-title" className="help-contents-title">
          {t('help.contents')}
        </p>
        <ul>
          {TOPICS.map(({ id, key }) => (
            <li key={id}>
              <a href={`#${id}`}>{t(`help.${key}.heading`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <VideoGuide />
      <HelpSection topic="signIn">
        <p>{t('help.signIn.p1')}</p>
        <p>{t('help.signIn.p2')}</p>
        <p>
          <Link to={PROFILE_PATH}>{t('help.signIn.link')}</Link>
        </p>
      </HelpSection>
      <HelpSection topic="applying">
        <p>{t('help.applying.p1')}</p>
        <p>{t('help.applying.p2')}</p>
        <p>{t('help.applying.p3')}</p>
        <p>
          <Link to="/katalogs">{t('help.applying.link')}</Link>
        </p>
      </HelpSection>
      <HelpSection topic="payment">
        <p>{t('help.payment.p1')}</p>
        <ul>
          <li>{t('help.payment.employer')}</li>
          <li>{t('help.payment.private')}</li>
        </ul>
        <p>{t('help.payment.p2')}</p>
      </HelpSection>
      <HelpSection topic="certificates">
        <p>{t('help.certificates.p1')}</p>
        <p>{t('help.certificates.p2')}</p>
        <p>
          <Link to={{ pathname: PROFILE_PATH, hash: SECTIONS.certificates }}>{t('help.certificates.link')}</Link>
        </p>
      </HelpSection>
      <HelpSection topic="questions">
        <p>{t('help.questions.p1')}</p>
        <p>{t('help.questions.p2')}</p>
        <p>
          <Link to="/jautajumi">{t('help.questions.ask')}</Link>
        </p>
        <p>
          <Link to={{ pathname: PROFILE_PATH, hash: SECTIONS.contact }}>{t('help.questions.link')}</Link>
        </p>
      </HelpSection>
    </div>
  );
}
