import { useQuery } from '@apollo/client/react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { CourseFactItems, NextDate } from '../components/CourseCard';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { SessionPlace } from '../components/SessionPlace';
import { errorCodeOf } from '../errors';
import { useFormat } from '../format';
import { graphql } from '../gql';
import type { CoursePageQuery, MyRegistrationFieldsFragment } from '../gql/graphql';
import { MaterialList } from '../materials/MaterialList';
import { MeQuery } from '../me';
import { GroupRegistration } from '../registration/GroupRegistration';
import { NextGroupRequest } from '../registration/NextGroupRequest';
import { MyRegistrationsQuery } from '../registration/registration-documents';
import { useLiveSeats } from '../registration/useLiveSeats';
import { ScheduleChangeNotice, useLiveSchedule, type LiveSchedule } from '../schedule/useLiveSchedule';

// course -> openGroups -> sessions -> lecturer -> name: depth 5 of the api's limit of 6.
const CourseQuery = graphql(`
  query CoursePage($id: ID!) {
    course(id: $id) {
      id
      code
      title
      summary
      description
      targetAudience
      format
      language
      hours
      priceCents
      visibility
      myInterestRequest {
        id
        createdAt
      }
      materials {
        ...MaterialFields
      }
      hasDate
      nextSessionStartsAt
      topic {
        id
        name
      }
      openGroups {
        id
        code
        status
        startsAt
        endsAt
        seatsLeft
        isFull
        priceCents
        registrationDeadline
        euProject {
          id
          code
          nameLv
          nameEn
        }
        sessions {
          id
          startsAt
          endsAt
          isOnline
          onlineUrl
          place {
            id
            localName
            localRoom
            address
          }
          lecturer {
            id
            name
          }
        }
      }
    }
  }
`);

type Course = CoursePageQuery['course'];
type Group = Course['openGroups'][number];
type Session = Group['sessions'][number];

/** Where "back to the catalog" leads: the search the person came from, when they came from one. */
function useCatalogReturn(): string {
  const state: unknown = useLocation().state;
  const search = (state as { catalogSearch?: unknown } | null)?.catalogSearch;
  return typeof search === 'string' && search.startsWith('?') ? `/katalogs${search}` : '/katalogs';
}

export function CoursePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const backTo = useCatalogReturn();
  const { data, error, refetch } = useQuery(CourseQuery, { variables: { id } });
  // The groups on the page follow schedule changes live: a moved session, a cancelled group.
  const groupIds = useMemo(() => (data?.course.openGroups.map((g) => g.id) ?? []).sort(), [data]);
  const live = useLiveSchedule({ groupIds, skip: groupIds.length === 0, refetch: () => refetch() });
  useLiveSeats(groupIds);

  const back = (
    <p className="back-link">
      <Link to={backTo}>
        <span aria-hidden="true">← </span>
        {t('course.backToCatalog')}
      </Link>
    </p>
  );

  if (error && errorCodeOf(error) === 'NOT_FOUND') {
    return (
      <div className="course-page">
        <PageHeading title={t('course.notFoundTitle')}>{t('course.notFoundTitle')}</PageHeading>
        <p>{t('course.notFoundText')}</p>
        {back}
      </div>
    );
  }
  if (error) {
    return (
      <div className="course-page">
        {back}
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      </div>
    );
  }
  if (!data) return <Loading label={t('course.loading')} />;

  return <CourseDetails course={data.course} back={back} live={live} />;
}

/** Whether someone is signed in, and then their registrations: what each group's "Pieteikties" depends on. */
function useViewerRegistrations(): { signedIn: boolean; registrations: readonly MyRegistrationFieldsFragment[] | undefined } {
  const me = useQuery(MeQuery);
  const signedIn = !!(me.data ?? me.previousData)?.me;
  const mine = useQuery(MyRegistrationsQuery, { skip: !signedIn, fetchPolicy: 'cache-and-network' });
  return { signedIn, registrations: (mine.data ?? mine.previousData)?.myRegistrations };
}

function CourseDetails({ course, back, live }: { course: Course; back: ReactNode; live: LiveSchedule }) {
  const { t } = useTranslation();
  const viewer = useViewerRegistrations();
  const paragraphs = course.description.split(/\n\s*\n/).filter((p) => p.trim());

  return (
    <article className="course-page">
      {back}
      <p className="course-topic">{course.topic.name}</p>
      <PageHeading title={course.title}>{course.title}</PageHeading>
      <p className="lead">{course.summary}</p>

      <div className="course-layout">
        <div className="course-main">
          <section aria-labelledby="course-description">
            <h2 id="course-description">{t('course.description')}</h2>
            {paragraphs.map((paragraph, i) => (
              <p key={i} className="preserve-lines">
                {paragraph.trim()}
              </p>
            ))}
          </section>
          {course.targetAudience.trim() && (
            <section aria-labelledby="course-audience">
              <h2 id="course-audience">{t('course.targetAudience')}</h2>
              <p className="preserve-lines">{course.targetAudience}</p>
            </section>
          )}
          {course.materials.length > 0 && (
            <section aria-labelledby="course-materials" data-testid="course-materials">
              <h2 id="course-materials">{t('course.materials')}</h2>
              <MaterialList materials={course.materials} />
            </section>
          )}
        </div>

        <aside className="course-facts" aria-labelledby="course-facts">
          <h2 id="course-facts">{t('course.details')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('course.topic')}</dt>
              <dd>{course.topic.name}</dd>
            </div>
            <CourseFactItems course={course} />
            <div>
              <dt>{t('course.code')}</dt>
              <dd>{course.code}</dd>
            </div>
          </dl>
          <NextDate course={course} />
          <p className="course-question">
            <Link to={`/jautajumi?kurss=${encodeURIComponent(course.id)}`}>{t('course.askQuestion')}</Link>
          </p>
        </aside>
      </div>

      <section className="course-groups" aria-labelledby="course-groups">
        <h2 id="course-groups">{t('course.groups')}</h2>
        <ScheduleChangeNotice change={live.lastChange} />
        {!course.hasDate && (
          <div className="notice notice-info" data-testid="no-date">
            <p className="notice-title">{t('course.noDate')}</p>
            <p>{t('course.noDateText')}</p>
          </div>
        )}
        {course.openGroups.length === 0 && course.visibility === 'PUBLIC' && (
          <NextGroupRequest courseId={course.id} signedIn={viewer.signedIn} request={course.myInterestRequest} />
        )}
        {course.openGroups.length > 0 && <p>{t('course.groupsIntro', { count: course.openGroups.length })}</p>}
        {course.openGroups.map((group) => (
          <GroupCard key={group.id} group={group} changed={live.changedSessionIds}>
            <GroupRegistration course={course} group={group} signedIn={viewer.signedIn} registrations={viewer.registrations} />
          </GroupCard>
        ))}
      </section>
    </article>
  );
}

function GroupCard({ group, changed, children }: { group: Group; changed: ReadonlySet<string>; children: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `group-${group.id}`;
  return (
    <section className="group-card" aria-labelledby={headingId}>
      <div className="group-header">
        <h3 id={headingId}>{t('course.group', { code: group.code })}</h3>
        <p className={`badge badge-status-${group.status.toLowerCase()}`}>{t(`groupStatus.${group.status}`)}</p>
        {group.isFull && <p className="badge badge-full">{t('course.noSeats')}</p>}
      </div>
      <dl className="facts facts-inline">
        <div>
          <dt>{t('course.dates')}</dt>
          <dd>{group.startsAt && group.endsAt ? format.dateRange(group.startsAt, group.endsAt) : t('course.datesUnknown')}</dd>
        </div>
        <div>
          <dt>{t('course.seats')}</dt>
          <dd>{group.isFull ? t('course.noSeats') : t('course.seatsLeft', { count: group.seatsLeft })}</dd>
        </div>
        {group.priceCents !== null && (
          <div>
            <dt>{t('course.price')}</dt>
            <dd>{format.price(group.priceCents)}</dd>
          </div>
        )}
        {group.registrationDeadline && (
          <div>
            <dt>{t('course.deadline')}</dt>
            <dd>
              <time dateTime={group.registrationDeadline}>{format.dateTime(group.registrationDeadline)}</time>
            </dd>
          </div>
        )}
      </dl>
      {children}
      <h4>{t('course.sessions')}</h4>
      {group.sessions.length === 0 ? (
        <p>{t('course.noSessions')}</p>
      ) : (
        <ol className="sessions">
          {group.sessions.map((session) => (
            <SessionRow key={session.id} session={session} changed={changed.has(session.id)} />
          ))}
        </ol>
      )}
    </section>
  );
}

function SessionRow({ session, changed }: { session: Session; changed: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <li className={changed ? 'session is-changed' : 'session'} data-session-id={session.id}>
      <div className="session-when">
        <time className="session-date" dateTime={session.startsAt}>
          {format.dayOf(session.startsAt)}
        </time>
        <span className="session-time">
          <span className="visually-hidden">{t('course.sessionTime')}: </span>
          {format.timeRange(session.startsAt, session.endsAt)}
        </span>
        {changed && <span className="badge badge-changed">{t('live.changedBadge')}</span>}
      </div>
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
    </li>
  );
}
