import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../format';
import type { ProfilePersonFieldsFragment } from '../gql/graphql';
import { SECTIONS, headingIdOf } from './sections';

type Certificate = ProfilePersonFieldsFragment['certificates'][number];

/** "Mani sertifikāti": every certificate the person received (R-AFT-3), newest first. */
export function Certificates({ certificates }: { certificates: readonly Certificate[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const sorted = [...certificates].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  return (
    <section className="panel" id={SECTIONS.certificates} aria-labelledby={headingIdOf('certificates')} data-testid="profile-certificates">
      <h2 id={headingIdOf('certificates')}>{t('profile.certificates.heading')}</h2>
      {sorted.length === 0 ? (
        <div className="empty-state empty-state-left">
          <p className="notice-title">{t('profile.certificates.empty')}</p>
          <p>{t('profile.certificates.emptyHint')}</p>
        </div>
      ) : (
        <ul className="record-list">
          {sorted.map((certificate) => (
            <li key={certificate.id} className="record">
              <h3 className="record-title">{certificate.course?.title ?? t('profile.certificates.unknownCourse')}</h3>
              <dl className="facts facts-inline">
                <div>
                  <dt>{t('profile.certificates.number')}</dt>
                  <dd className="tabular">{certificate.number}</dd>
                </div>
                {certificate.hours !== null && certificate.hours !== undefined && (
                  <div>
                    <dt>{t('profile.certificates.hours')}</dt>
                    <dd>{format.hours(certificate.hours)}</dd>
                  </div>
                )}
                <div>
                  <dt>{t('profile.certificates.issued')}</dt>
                  <dd>
                    <time dateTime={certificate.issuedAt}>{format.date(certificate.issuedAt)}</time>
                  </dd>
                </div>
              </dl>
              {certificate.revokedAt && <p className="badge badge-full">{t('profile.certificates.revoked', { date: format.date(certificate.revokedAt) })}</p>}
              <p className="record-actions">
                {certificate.pdfUrl && (
                  <a
                    className="button button-secondary"
                    href={`${certificate.pdfUrl}?lang=${i18n.language === 'en' ? 'en' : 'lv'}`}
                    data-testid="certificate-pdf"
                  >
                    {t('profile.certificates.download', { number: certificate.number })}
                  </a>
                )}{' '}
                {certificate.verificationPath && (
                  <Link to={certificate.verificationPath} data-testid="certificate-verify">
                    {t('profile.certificates.verify')}
                  </Link>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
