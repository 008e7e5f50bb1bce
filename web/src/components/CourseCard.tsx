import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useFormat } from '../format';
import { graphql } from '../gql';
import type { CourseCardFieldsFragment } from '../gql/graphql';

export const CourseCardFields = graphql(`
  fragment CourseCardFields on Course {
    id
    title
    summary
    format
    language
    hours
    priceCents
    hasDate
    nextSessionStartsAt
    topic {
      id
      name
    }
  }
`);

/** A course in a list: what it is, what it costs and when it next runs. */
export function CourseCard({ course, headingLevel = 3 }: { course: CourseCardFieldsFragment; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const location = useLocation();
  // The course page's "back" link returns to this very search.
  const state = location.pathname === '/katalogs' ? { catalogSearch: location.search } : undefined;

  return (
    <article className="course-card">
      <p className="course-topic">{course.topic.name}</p>
      <Heading className="course-card-title">
        <Link to={`/kursi/${course.id}`} state={state}>
          {course.title}
        </Link>
      </Heading>
      <p className="course-summary">{course.summary}</p>
      <dl className="facts facts-inline">
        <CourseFactItems course={course} />
      </dl>
      <NextDate course={course} />
    </article>
  );
}

export function NextDate({ course }: { course: Pick<CourseCardFieldsFragment, 'hasDate' | 'nextSessionStartsAt'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!course.hasDate || !course.nextSessionStartsAt) {
    return <p className="badge badge-no-date">{t('course.noDate')}</p>;
  }
  return (
    <p className="next-date">
      <span className="next-date-label">{t('course.nextDate')}: </span>
      <time dateTime={course.nextSessionStartsAt}>{format.dateTime(course.nextSessionStartsAt)}</time>
    </p>
  );
}

/** What a course is, in any facts list: format, language of instruction, hours, price. */
export function CourseFactItems({ course }: { course: Pick<CourseCardFieldsFragment, 'format' | 'language' | 'hours' | 'priceCents'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <div>
        <dt>{t('course.format')}</dt>
        <dd>{t(`format.${course.format}`)}</dd>
      </div>
      <div>
        <dt>{t('course.language')}</dt>
        <dd>{t(`instructionLanguage.${course.language}`)}</dd>
      </div>
      <div>
        <dt>{t('course.hours')}</dt>
        <dd>{format.hours(course.hours)}</dd>
      </div>
      <div>
        <dt>{t('course.price')}</dt>
        <dd>{format.price(course.priceCents)}</dd>
      </div>
    </>
  );
}
