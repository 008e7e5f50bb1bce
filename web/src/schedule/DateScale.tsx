import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { SessionPlace } from '../components/SessionPlace';
import { questionnairePath } from '../evaluation/QuestionnairePage';
import { MyQuestionnairesQuery } from '../evaluation/evaluation-documents';
import { schoolDayOf, useFormat } from '../format';
import type { MyTrainingQuery as MyTrainingResult } from '../gql/graphql';
import { MyCertificatesQuery, MyTrainingQuery } from './schedule-documents';
import { useLiveSchedule } from './useLiveSchedule';

type MySession = MyTrainingResult['mySessions'][number];

/** Dates shown at once; the buttons move by as many. */
export const SCALE_PAGE = 7;

interface ScaleDay {
  /** YYYY-MM-DD in Riga. */
  key: string;
  sessions: MySession[];
}

/** Every Riga day with a session of the person's, in date order, each with its sessions in time order. */
function daysOf(items: readonly MySession[]): ScaleDay[] {
  const byKey = new Map<string, MySession[]>();
  for (const item of [...items].sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt))) {
    const key = schoolDayOf(item.session.startsAt);
    byKey.set(key, [...(byKey.get(key) ?? []), item]);
  }
  return [...byKey.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, sessions]) => ({ key, sessions }));
}

/** The nearest day with a session from today on (Riga); without one, the latest past day. */
export function defaultDayIndex(days: readonly { key: string }[], today: string): number {
  const next = days.findIndex((day) => day.key >= today);
  return next >= 0 ? next : days.length - 1;
}

/**
 * "Manas mācības" on the home page (R-SCH-3): a scale of the dates on which the person attended or
 * will attend a session, moved back and forward a page at a time, the nearest upcoming date chosen
 * at first; choosing a date shows that day's sessions below. The dates are toggle buttons
 * (aria-pressed) whose names go on from the visible day to the full date and the number of
 * sessions, so a screen reader user hears what each one holds; the day's sessions are a polite live region. Times are Riga's.
 */
export function DateScale() {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const { data, previousData, error, refetch } = useQuery(MyTrainingQuery, { fetchPolicy: 'cache-and-network' });
  const questionnaires = useQuery(MyQuestionnairesQuery);
  const certificates = useQuery(MyCertificatesQuery);
  useLiveSchedule({ groupIds: null, skip: false, refetch: () => refetch() });
  const shown = data ?? previousData;
  const days = useMemo(() => daysOf(shown?.mySessions ?? []), [shown]);
  const today = schoolDayOf(new Date().toISOString());
  const [chosen, setChosen] = useState<string | null>(null);
  const [pageStart, setPageStart] = useState<number | null>(null);

  const selectedIndex = Math.max(0, chosen ? days.findIndex((day) => day.key === chosen) : defaultDayIndex(days, today));
  // The page holding the selected date until the person moves it.
  const start = pageStart ?? Math.max(0, Math.min(selectedIndex - Math.floor(SCALE_PAGE / 2), days.length - SCALE_PAGE));
  const visible = days.slice(start, start + SCALE_PAGE);
  const selected = days[selectedIndex];
  const questionnaireOf = new Map((questionnaires.data?.myQuestionnaires ?? []).map((q) => [q.groupId, q]));
  const certificateOf = new Map((certificates.data?.me?.person.certificates ?? []).map((c) => [c.groupId, c]));

  const move = (by: number) => setPageStart(Math.max(0, Math.min(start + by, Math.max(0, days.length - SCALE_PAGE))));

  // Arrow keys, Home and End move the choice along every date (the page follows), and focus with it.
  const dayButtons = useRef(new Map<string, HTMLButtonElement>());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  useEffect(() => {
    if (!focusKey) return;
    dayButtons.current.get(focusKey)?.focus();
    setFocusKey(null);
  }, [focusKey]);
  const choose = (index: number) => {
    const day = days[Math.max(0, Math.min(index, days.length - 1))];
    if (!day) return;
    const at = days.indexOf(day);
    setChosen(day.key);
    if (at < start || at >= start + SCALE_PAGE) setPageStart(Math.max(0, Math.min(at, days.length - SCALE_PAGE)));
    setFocusKey(day.key);
  };
  const onDayKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const target = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: days.length - 1 }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    choose(target);
  };

  return (
    <section className="date-scale panel" aria-labelledby={headingId} data-testid="date-scale">
      <h2 id={headingId}>{t('dateScale.heading')}</h2>
      {error && !shown && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {!shown && !error && <Loading label={t('myTraining.loading')} />}
      {shown && days.length === 0 && (
        <p>
          {t('dateScale.empty')} <Link to="/katalogs">{t('myTraining.toCatalog')}</Link>
        </p>
      )}
      {days.length > 0 && (
        <>
          <div className="date-scale-bar">
            <button type="button" className="button button-secondary date-scale-move" onClick={() => move(-SCALE_PAGE)} disabled={start === 0}>
              <span aria-hidden="true">‹</span> <span className="visually-hidden">{t('dateScale.earlier')}</span>
            </button>
            <ul className="date-scale-days" aria-label={t('dateScale.dates')} aria-describedby={`${headingId}-keys`}>
              {visible.map((day, i) => {
                const first = day.sessions[0].session.startsAt;
                const pressed = day.key === selected?.key;
                return (
                  <li key={day.key}>
                    <button
                      type="button"
                      className={['date-scale-day', day.key < today && 'is-past', day.key === today && 'is-today'].filter(Boolean).join(' ')}
                      aria-pressed={pressed}
                      aria-current={day.key === today ? 'date' : undefined}
                      // One stop in the tab order: the chosen date; the arrows reach the others.
                      tabIndex={pressed ? 0 : -1}
                      ref={(button) => {
                        if (button) dayButtons.current.set(day.key, button);
                        else dayButtons.current.delete(day.key);
                      }}
                      onKeyDown={(event) => onDayKey(event, start + i)}
                      onClick={() => setChosen(day.key)}
                    >
                      <span className="date-scale-weekday">{format.weekdayShort(first)}</span>
                      <span className="date-scale-date">{format.dayMonth(first)}</span>
                      {/* The name starts with what is seen (WCAG 2.5.3) and goes on with the full date and the count. */}
                      <span className="visually-hidden">, {t('dateScale.dayLabel', { date: format.dayOf(first), count: day.sessions.length })}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
            <button
              type="button"
              className="button button-secondary date-scale-move"
              onClick={() => move(SCALE_PAGE)}
              disabled={start + SCALE_PAGE >= days.length}
            >
              <span className="visually-hidden">{t('dateScale.later')}</span> <span aria-hidden="true">›</span>
            </button>
          </div>
          <p id={`${headingId}-keys`} className="visually-hidden">
            {t('dateScale.keys')}
          </p>
          <div className="date-scale-details" aria-live="polite" data-testid="date-scale-details">
            {selected && (
              <>
                <h3>
                  <time dateTime={selected.key}>{format.dayOf(selected.sessions[0].session.startsAt)}</time>
                </h3>
                <ul className="schedule-sessions">
                  {selected.sessions.map(({ session, role, registrationStatus }) => {
                    const cancelled = session.group.status === 'CANCELLED';
                    const over = Date.parse(session.endsAt) < Date.now();
                    return (
                      <li key={`${session.id} ${role}`} className={['schedule-session', cancelled && 'is-cancelled'].filter(Boolean).join(' ')}>
                        <p className="schedule-session-time">
                          <time dateTime={session.startsAt}>{format.timeRange(session.startsAt, session.endsAt)}</time>
                        </p>
                        <div className="schedule-session-body">
                          <p className="schedule-session-title">
                            {session.group.course ? (
                              <Link to={`/kursi/${session.group.course.id}`}>{session.group.course.title}</Link>
                            ) : (
                              t('live.unknownCourse')
                            )}
                          </p>
                          <p className="schedule-session-group">{t('course.group', { code: session.group.code })}</p>
                          <ul className="badge-list">
                            {role === 'LECTURER' && <li className="badge badge-role">{t('myTraining.lecturerBadge')}</li>}
                            {registrationStatus === 'WAITING' && <li className="badge badge-waiting">{t('myTraining.waitingBadge')}</li>}
                            {cancelled && <li className="badge badge-full">{t('myTraining.cancelledBadge')}</li>}
                          </ul>
                          <p className="session-where">
                            <SessionPlace session={session} />
                          </p>
                          {over && role === 'PARTICIPANT' && (
                            <PastGroupStatus
                              questionnaire={questionnaireOf.get(session.group.id)}
                              certificate={certificateOf.get(session.group.id)}
                              groupId={session.group.id}
                            />
                          )}
                        </div>
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
          </div>
          <p>
            <Link to="/manas-macibas">{t('dateScale.all')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

interface Questionnaire {
  completed: boolean;
}
interface CertificateLink {
  number: string;
  revokedAt?: string | null;
  pdfUrl?: string | null;
}

/** After a group's sessions: where its questionnaire and certificate stand (R-SCH-3). */
function PastGroupStatus({ questionnaire, certificate, groupId }: { questionnaire?: Questionnaire; certificate?: CertificateLink; groupId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="date-scale-status" data-testid="date-scale-status">
      {questionnaire && !questionnaire.completed && (
        <li>
          <Link to={questionnairePath(groupId)}>{t('dateScale.fillQuestionnaire')}</Link>
        </li>
      )}
      {questionnaire?.completed && <li>{t('dateScale.questionnaireDone')}</li>}
      {certificate && (
        <li>
          {certificate.revokedAt ? (
            t('dateScale.certificateRevoked', { number: certificate.number })
          ) : certificate.pdfUrl ? (
            <a href={`${certificate.pdfUrl}?lang=${i18n.language === 'en' ? 'en' : 'lv'}`}>{t('dateScale.certificate', { number: certificate.number })}</a>
          ) : (
            t('dateScale.certificate', { number: certificate.number })
          )}
        </li>
      )}
    </ul>
  );
}
