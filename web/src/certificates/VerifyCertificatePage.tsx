import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { useFormat } from '../format';
import { VerifyCertificateQuery } from './certificate-documents';

/**
 * The public verification of a certificate (R-AFT-3): anyone with the code printed on it (an
 * employer, another school) sees whether it is genuine and still valid, and what it states;
 * nothing else about the person.
 */
export function VerifyCertificatePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { code = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(VerifyCertificateQuery, { variables: { code } });
  const heading = <PageHeading title={t('verify.title')}>{t('verify.title')}</PageHeading>;
  if (error)
    return (
      <>
        {heading}
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      </>
    );
  if (!data && loading)
    return (
      <>
        {heading}
        <Loading label={t('common.loading')} />
      </>
    );
  const found = data?.verifyCertificate;
  return (
    <div className="verify-certificate">
      {heading}
      {!found && (
        <div className="notice notice-error" role="status" data-testid="certificate-unknown">
          <p className="notice-title">{t('verify.unknown')}</p>
          <p>{t('verify.unknownHint')}</p>
        </div>
      )}
      {found && (
        <div className={`notice ${found.revokedAt ? 'notice-error' : 'notice-success'}`} role="status" data-testid="certificate-status">
          <p className="notice-title">{found.revokedAt ? t('verify.revoked', { date: format.date(found.revokedAt) }) : t('verify.valid')}</p>
        </div>
      )}
      {found && (
        <dl className="facts" data-testid="certificate-facts">
          <div>
            <dt>{t('verify.name')}</dt>
            <dd>{found.name}</dd>
          </div>
          <div>
            <dt>{t('verify.course')}</dt>
            <dd>{found.courseTitle}</dd>
          </div>
          {found.hours !== null && found.hours !== undefined && (
            <div>
              <dt>{t('verify.hours')}</dt>
              <dd>{format.hours(found.hours)}</dd>
            </div>
          )}
          {found.completedOn && (
            <div>
              <dt>{t('verify.completedOn')}</dt>
              <dd>{format.date(found.completedOn)}</dd>
            </div>
          )}
          <div>
            <dt>{t('verify.number')}</dt>
            <dd className="tabular">{found.number}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}
