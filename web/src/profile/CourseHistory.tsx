import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../components/ErrorMessage';
import { useFormat } from '../format';
import type { CourseHistoryQuery as CourseHistoryData, Participation } from '../gql/graphql';
import { CourseHistoryQuery } from './profile-documents';
import { SECTIONS, headingIdOf } from './sections';

type Entry = CourseHistoryData['myRegistrations'][number];

const BADGE: Record<Participation, string> = {
  WAITING: 'badge badge-waiting',
  CONFIRMED: 'badge badge-status-open',
  COMPLETED: 'badge badge-status-confirmed',
  CANCELLED: 'badge badge-cancelled',
};

/** When the course took (or takes) place; a group without sessions yet counts from the registration. */
const whenOf = (entry: Entry) => entry.group.startsAt ?? entry.createdAt;

/**
 * "Mani mācību pasākumi" (R-HIS-1): every course the person took part in or registered for, newest
 * first, with where they stand and the certificate once there is one. Registrations belong to the
 * person, not to an employer, so the list stays whole after a change of workplace.
 */
export function CourseHistory() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, previousData, error, refetch } = useQuery(CourseHistoryQuery, { fetchPolicy: 'cache-and-network' });
  const shown = (data ?? previousData)?.myRegistrations;
  const entries = [...(shown ?? [])].sort((a, b) => whenOf(b).localeCompare(whenOf(a)));

  return (
    <section className="panel" id={SECTIONS.history} aria-labelledby={headingIdOf('history')} data-testid="profile-history">
      <h2 id={headingIdOf('history')}>{t('profile.history.heading')}</h2>
      {error && !shown && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {shown && entries.length === 0 && (
        <div className="empty-state empty-state-left">
          <p className="notice-title">{t('profile.history.empty')}</p>
          <p>
            <Link to="/katalogs">{t('profile.history.toCatalog')}</Link>
          </p>
        </div>
      )}
      {entries.length > 0 && (
        <ul className="record-list">
          {entries.map((entry) => {
            const { group, certificate, attendance } = entry;
            return (
              <li key={entry.id} className="record" data-registration-id={entry.id}>
                <h3 className="record-title">
                  {group.course ? <Link to={`/kursi/${group.course.id}`}>{group.course.title}</Link> : t('profile.history.unknownCourse')}
                </h3>
                <dl className="facts facts-inline">
                  <div>
                    <dt>{t('profile.history.group')}</dt>
                    <dd className="tabular">{group.code}</dd>
                  </div>
                  <div>
                    <dt>{t('profile.history.when')}</dt>
                    <dd>{group.startsAt && group.endsAt ? format.dateRange(group.startsAt, group.endsAt) : t('profile.history.noDates')}</dd>
                  </div>
                  {attendance && attendance.markedSessions > 0 && (
                    <div data-testid="history-attendance">
                      <dt>{t('profile.history.attendance')}</dt>
                      <dd>
                        {t('profile.history.attendanceValue', {
                          attended: format.number(attendance.attendedHours),
                          planned: format.number(attendance.plannedHours),
                          percent: format.number(attendance.percent ?? 0),
                        })}
                        {attendance.met !== null &&
                          ` · ${t(attendance.met ? 'profile.history.attendanceMet' : 'profile.history.attendanceNotMet', { required: attendance.requiredPercent })}`}
                      </dd>
                    </div>
                  )}
                  {certificate && (
                    <div>
                      <dt>{t('profile.history.certificate')}</dt>
                      <dd className="tabular">
                        {certificate.revokedAt ? t('profile.history.certificateRevoked', { number: certificate.number }) : certificate.number}
                      </dd>
                    </div>
                  )}
                </dl>
                <p className={BADGE[entry.participation]}>
                  {entry.participation === 'WAITING'
                    ? t('profile.history.status.WAITING', { position: entry.waitingPosition })
                    : t(`profile.history.status.${entry.participation}`)}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
