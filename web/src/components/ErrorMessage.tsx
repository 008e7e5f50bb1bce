import type { ErrorLike } from '@apollo/client';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, validationCodesOf } from '../errors';

/** A failed query, in the reader's language, with a way to try again. */
export function ErrorMessage({ error, onRetry, children }: { error: ErrorLike | undefined; onRetry?: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const problems = validationCodesOf(error);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{t('errors.title')}</p>
      <p>{t(`errors.${errorCodeOf(error)}`)}</p>
      {problems.length > 0 && (
        <>
          <p>{t('validation.intro')}</p>
          <ul>
            {problems.map((code) => (
              <li key={code}>{t(`validation.${code}`)}</li>
            ))}
          </ul>
        </>
      )}
      {children}
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
