import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../format';
import type { MyRegistrationFieldsFragment } from '../gql/graphql';
import { CancelRegistration } from './GroupRegistration';
import { IndicatorPrompt } from './IndicatorPrompt';
import { MyRegistrationsQuery } from './registration-documents';
import { isActive } from './registrations';

/** Whether the group is still ahead (or running): held groups are history, shown with the sessions. */
const ahead = (registration: MyRegistrationFieldsFragment, now: number) =>
  registration.group.status !== 'COMPLETED' && (!registration.group.endsAt || Date.parse(registration.group.endsAt) >= now);

/** "Mani pieteikumi" on Manas mācības: active registrations of groups still ahead, each with its way to cancel. */
export function MyRegistrations() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, previousData } = useQuery(MyRegistrationsQuery, { fetchPolicy: 'cache-and-network' });
  const now = Date.now();
  const shown = ((data ?? previousData)?.myRegistrations ?? []).filter((r) => isActive(r) && ahead(r, now));
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="my-registrations" data-testid="my-registrations">
      <h2 id="my-registrations">{t('registration.myTitle')}</h2>
      <p>{t('registration.myIntro')}</p>
      <ul className="registration-list">
        {shown.map((registration) => {
          const { group } = registration;
          const deadlinePassed = !!group.registrationDeadline && Date.parse(group.registrationDeadline) <= now;
          return (
            <li key={registration.id} className="registration-item" data-registration-id={registration.id}>
              <h3 className="registration-title">
                {group.course ? <Link to={`/kursi/${group.course.id}`}>{group.course.title}</Link> : t('live.unknownCourse')}
              </h3>
              <p>
                {t('course.group', { code: group.code })}
                {group.startsAt && group.endsAt && <> · {format.dateRange(group.startsAt, group.endsAt)}</>}
              </p>
              <p className={registration.status === 'WAITING' ? 'badge badge-waiting' : 'badge badge-status-confirmed'}>
                {registration.status === 'WAITING'
                  ? t('registration.myStatusWaiting', { position: registration.waitingPosition })
                  : t('registration.myStatusConfirmed')}
              </p>
              {registration.indicatorDataMissing && <IndicatorPrompt registration={registration} />}
              <CancelRegistration registration={registration} deadlinePassed={deadlinePassed} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
