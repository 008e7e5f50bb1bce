import { useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { catalogSearch, readCatalogParams } from '../catalog/catalog-params';
import { CourseCard } from '../components/CourseCard';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { graphql } from '../gql';
import { MeQuery } from '../me';
import { DateScale } from '../schedule/DateScale';

const UpcomingQuery = graphql(`
  query UpcomingCourses {
    courses(filter: { hasDate: true }, sort: { field: NEXT_DATE, order: ASC }, perPage: 6) {
      items {
        ...CourseCardFields
      }
    }
  }
`);

export function HomePage() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const upcoming = useQuery(UpcomingQuery);
  const me = useQuery(MeQuery);
  const signedIn = !!(me.data ?? me.previousData)?.me;

  const search = (event: FormEvent) => {
    event.preventDefault();
    // The router's promise only tells when the navigation is done; its errors go to the routes' error element.
    void navigate(`/katalogs${catalogSearch({ ...readCatalogParams(new URLSearchParams()), q: text })}`);
  };

  return (
    <div className="home">
      <section className="hero">
        <PageHeading title={t('home.title')}>{t('home.heading')}</PageHeading>
        <p className="lead">{t('home.intro')}</p>
        <p>{t('home.introMore')}</p>
        <form role="search" className="search-form hero-search" onSubmit={search} aria-labelledby={`${id}-search`}>
          <h2 id={`${id}-search`} className="h3">
            {t('home.searchHeading')}
          </h2>
          <label htmlFor={`${id}-q`}>{t('home.searchLabel')}</label>
          <div className="search-row">
            <input id={`${id}-q`} type="search" name="q" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
            <button type="submit" className="button button-primary">
              {t('common.search')}
            </button>
          </div>
        </form>
      </section>

      {signedIn && <DateScale />}

      <section className="upcoming" aria-labelledby={`${id}-upcoming`}>
        <h2 id={`${id}-upcoming`}>{t('home.upcoming')}</h2>
        {upcoming.error && <ErrorMessage error={upcoming.error} onRetry={() => void upcoming.refetch()} />}
        {!upcoming.data && upcoming.loading && <Loading label={t('common.loading')} />}
        {upcoming.data && upcoming.data.courses.items.length === 0 && <p>{t('home.upcomingEmpty')}</p>}
        {upcoming.data && upcoming.data.courses.items.length > 0 && (
          <ul className="course-list course-grid">
            {upcoming.data.courses.items.map((course) => (
              <li key={course.id}>
                <CourseCard course={course} />
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/katalogs" className="button button-secondary">
            {t('home.allCourses')}
          </Link>
        </p>
      </section>
    </div>
  );
}
