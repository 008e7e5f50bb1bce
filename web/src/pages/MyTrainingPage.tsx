import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { MyQuestionnaires } from '../evaluation/QuestionnairePage';
import { MyKnowledgeTests } from '../evaluation/KnowledgeTestPage';
import { SessionPlace } from '../components/SessionPlace';
import { errorCodeOf } from '../errors';
import { schoolDayOf, useFormat } from '../format';
import type { MyTrainingQuery as MyTrainingResult } from '../gql/graphql';
import { MeQuery, PROFILE_PATH, signInHref } from '../me';
import { SECTIONS } from '../profile/sections';
import { MyRegistrations } from '../registration/MyRegistrations';
import { MyTrainingQuery } from '../schedule/schedule-documents';
import { ScheduleChangeNotice, useLiveSchedule } from '../schedule/useLiveSchedule';

type MySession = MyTrainingResult['mySessions'][number];

interface Day {
  /** YYYY-MM-DD in Riga. */
  key: string;
  items: MySession[];
}

/** Consecutive sessions of the same Riga day together, in the order given. */
function byDay(items: readonly MySession[]): Day[] {
  const days: Day[] = [];
  for (const item of items) {
    const key = schoolDayOf(item.session.startsAt);
    const last = days[days.length - 1];
    if (last?.key === key) last.items.push(item);
    else days.push({ key, items: [item] });
  }
  return days;
}

/** Upcoming (and ongoing) sessions nearest first; past ones most recent first. */
function splitByNow(items: readonly MySession[], now: number): { upcoming: MySession[]; past: MySession[] } {
  const byStart = (a: MySession, b: MySession) => a.session.startsAt.localeCompare(b.session.startsAt);
  const upcoming = items.filter((i) => Date.parse(i.session.endsAt) >= now).sort(byStart);
  const past = items.filter((i) => Date.parse(i.session.endsAt) < now).sort((a, b) => byStart(b, a));
  return { upcoming, past };
}

/**
 * "Manas mācības": every session the person takes part in or teaches, by day, in Riga time. It
 * follows schedule changes live. The e-mails about changes link here, so a visitor who is not
 * signed in is sent to sign in and comes back to this page.
 */
export function MyTrainingPage() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const me = useQuery(MeQuery);
  const signedIn = !!(me.data ?? me.previousData)?.me;
  const signedOut = !me.loading && !me.error && me.data?.me === null;
  const { data, previousData, error, refetch } = useQuery(MyTrainingQuery, { skip: !signedIn, fetchPolicy: 'cache-and-network' });
  const live = useLiveSchedule({ groupIds: null, skip: !signedIn, refetch: () => refetch() });
  const heading = <PageHeading title={t('myTraining.title')}>{t('myTraining.title')}</PageHeading>;

  useEffect(() => {
    if (signedOut) window.location.replace(signInHref(pathname + search));
  }, [signedOut, pathname, search]);

  if (signedOut) {
    // Shown for the moment until the sign-in page opens (or for good if it cannot).
    return (
      <div className="my-training">
        {heading}
        <div className="notice notice-info">
          <p className="notice-title">{t('myTraining.signInTitle')}</p>
          <p>{t('myTraining.signInText')}</p>
          <p>
            <a className="button button-primary" href={signInHref(pathname + search)}>
              {t('myTraining.signIn')}
            </a>
          </p>
        </div>
      </div>
    );
  }

  // While the language changes every query is fetched again: the list stays meanwhile.
  const shown = data ?? previousData;
  if (me.error || (error && !shown)) {
    const failure = me.error ?? error;
    return (
      <div className="my-training">
        {heading}
        <ErrorMessage error={failure} onRetry={() => void (me.error ? me.refetch() : refetch())}>
          {errorCodeOf(failure) === 'UNAUTHENTICATED' && (
            <p>
              <a href={signInHref(pathname + search)}>{t('myTraining.signIn')}</a>
            </p>
          )}
        </ErrorMessage>
      </div>
    );
  }
  if (!shown) return <Loading label={t('myTraining.loading')} />;

  const { upcoming, past } = splitByNow(shown.mySessions, Date.now());
  return (
    <div className="my-training">
      {heading}
      <p className="lead">{t('myTraining.intro')}</p>
      <p>
        {t('myTraining.calendarHint')} <Link to={`${PROFILE_PATH}#${SECTIONS.calendar}`}>{t('myTraining.calendarLink')}</Link>
      </p>
      <ScheduleChangeNotice change={live.lastChange} />
      <MyQuestionnaires />
      <MyKnowledgeTests />
      <MyRegistrations />

      {shown.mySessions.length === 0 ? (
        <div className="empty-state" data-testid="my-training-empty">
          <p className="notice-title">{t('myTraining.empty')}</p>
          <p>{t('myTraining.emptyHint')}</p>
          <p>
            <Link to="/katalogs">{t('myTraining.toCatalog')}</Link>
          </p>
        </div>
      ) : (
        <>
          <section aria-labelledby="my-training-upcoming" data-testid="my-training-upcoming">
            <h2 id="my-training-upcoming">{t('myTraining.upcoming')}</h2>
            {upcoming.length === 0 ? <p>{t('myTraining.noUpcoming')}</p> : <DayList days={byDay(upcoming)} changed={live.changedSessionIds} />}
          </section>
          {past.length > 0 && (
            <section aria-labelledby="my-training-past" data-testid="my-training-past">
              <h2 id="my-training-past">{t('myTraining.past')}</h2>
              <DayList days={byDay(past)} changed={live.changedSessionIds} />
            </section>
          )}
        </>
      )}
    </div>
  );
}

function DayList({ days, changed }: { days: readonly Day[]; changed: ReadonlySet<string> }) {
  const format = useFormat();
  return (
    <ol className="schedule-days">
      {days.map((day) => (
        <li key={day.key} className="schedule-day" aria-labelledby={`day-${day.key}`}>
          <h3 id={`day-${day.key}`} className="schedule-day-heading">
            <time dateTime={day.key}>{format.dayOf(day.items[0].session.startsAt)}</time>
          </h3>
          <ul className="schedule-sessions">
            {day.items.map((item) => (
              <SessionItem key={`${item.session.id} ${item.role}`} item={item} changed={changed.has(item.session.id)} />
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function SessionItem({ item, changed }: { item: MySession; changed: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { session, role, registrationStatus } = item;
  const { group } = session;
  const cancelled = group.status === 'CANCELLED';
  const titleId = `session-${session.id}-${role}`;
  const title = group.course ? <Link to={`/kursi/${group.course.id}`}>{group.course.title}</Link> : t('live.unknownCourse');
  const time = <time dateTime={session.startsAt}>{format.timeRange(session.startsAt, session.endsAt)}</time>;

  const classes = ['schedule-session', cancelled && 'is-cancelled', changed && 'is-changed'].filter(Boolean).join(' ');
  return (
    <li className={classes} aria-labelledby={titleId} data-session-id={session.id}>
      <p className="schedule-session-time">
        <span className="visually-hidden">{t('course.sessionTime')}: </span>
        {cancelled ? <s>{time}</s> : time}
      </p>
      <div className="schedule-session-body">
        <h4 className="schedule-session-title" id={titleId}>
          {cancelled ? <s>{title}</s> : title}
        </h4>
        <p className="schedule-session-group">{t('course.group', { code: group.code })}</p>
        <ul className="badge-list">
          {role === 'LECTURER' && (
            <li className="badge badge-role">
              <span className="visually-hidden">{t('myTraining.yourRole')}: </span>
              {t('myTraining.lecturerBadge')}
            </li>
          )}
          {registrationStatus === 'WAITING' && <li className="badge badge-waiting">{t('myTraining.waitingBadge')}</li>}
          {cancelled && <li className="badge badge-full">{t('myTraining.cancelledBadge')}</li>}
          {changed && <li className="badge badge-changed">{t('live.changedBadge')}</li>}
        </ul>
        {cancelled && (
          <p className="schedule-session-reason">
            {group.cancellationReason ? t('myTraining.cancelledReason', { reason: group.cancellationReason }) : t('myTraining.cancelledNoReason')}
          </p>
        )}
        {registrationStatus === 'WAITING' && !cancelled && <p className="field-hint">{t('myTraining.waitingHint')}</p>}
        <dl className="session-details">
          <div>
            <dt>{t('course.sessionPlace')}</dt>
            <dd>
              <SessionPlace session={session} />
            </dd>
          </div>
          <div>
            <dt>{t('course.lecturer')}</dt>
            <dd className="session-lecturer">{session.lecturer?.name ?? t('course.noLecturer')}</dd>
          </div>
        </dl>
      </div>
    </li>
  );
}
