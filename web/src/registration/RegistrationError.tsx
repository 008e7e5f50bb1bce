import type { ErrorLike } from '@apollo/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../components/ErrorMessage';
import { errorCodeOf } from '../errors';
import { PROFILE_PATH } from '../me';
import { SECTIONS } from '../profile/sections';
import { missingProfileFieldsOf } from './registrations';

/** A refused registration or cancellation, by its code, with the way to fix what can be fixed. */
export function RegistrationError({ error }: { error: ErrorLike }) {
  const { t } = useTranslation();
  const code = errorCodeOf(error);
  if (code === 'PROFILE_INCOMPLETE') {
    const missing = missingProfileFieldsOf(error);
    const section = missing.includes('email') ? SECTIONS.contact : missing.includes('declaredAddress') ? SECTIONS.address : SECTIONS.billing;
    return (
      <div className="notice notice-error" role="alert">
        <p className="notice-title">{t('registration.profileIncomplete')}</p>
        <ul>
          {missing.map((field) => (
            <li key={field}>{t(`registration.missing.${field}`, { defaultValue: t('registration.missing.other') })}</li>
          ))}
        </ul>
        <p>
          <Link to={`${PROFILE_PATH}#${section}`}>{t('registration.toProfile')}</Link>
        </p>
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}
