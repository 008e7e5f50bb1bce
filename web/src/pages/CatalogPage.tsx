import { useQuery } from '@apollo/client/react';
import { useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Filters } from '../catalog/Filters';
import { SearchField } from '../catalog/SearchField';
import {
  PAGE_SIZE,
  SORTS,
  catalogSearch,
  catalogVariables,
  hasFilters,
  readCatalogParams,
  type CatalogParams,
  type FilterName,
  type SortChoice,
} from '../catalog/catalog-params';
import { CourseCard } from '../components/CourseCard';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { graphql } from '../gql';

const CatalogQuery = graphql(`
  query Catalog($filter: CourseFilter, $sort: CourseSort, $page: Int!, $perPage: Int!) {
    courses(filter: $filter, sort: $sort, page: $page, perPage: $perPage) {
      total
      items {
        ...CourseCardFields
      }
    }
  }
`);

const SORT_LABELS = { title: 'catalog.sortTitle', date: 'catalog.sortDate', price: 'catalog.sortPrice' } as const;

export function CatalogPage() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const search = searchParams.toString();
  const params = useMemo(() => readCatalogParams(new URLSearchParams(search)), [search]);
  const variables = useMemo(() => catalogVariables(params), [params]);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  // The debounced search may fire after other changes: it must start from the address as it is then.
  const latest = useRef(params);
  latest.current = params;

  const { data, previousData, loading, error, refetch } = useQuery(CatalogQuery, { variables });
  const courses = (data ?? previousData)?.courses;
  const pages = courses ? Math.max(1, Math.ceil(courses.total / PAGE_SIZE)) : 1;

  const go = (next: CatalogParams, replace = false) => {
    // The router's promise only tells when the navigation is done; its errors go to the routes' error element.
    void navigate({ search: catalogSearch(next) }, { replace, preventScrollReset: true });
  };
  const changeFilter = (name: FilterName, value: string) => go({ ...latest.current, [name]: value, page: 1 });
  const changeSort = (sort: SortChoice) => go({ ...latest.current, sort, page: 1 });
  const clearFilters = () => go({ ...readCatalogParams(new URLSearchParams()), sort: latest.current.sort });
  const hrefFor = (page: number) => `/katalogs${catalogSearch({ ...params, page })}`;

  return (
    <div className="catalog">
      <PageHeading title={t('catalog.title')}>{t('catalog.title')}</PageHeading>
      <p className="lead">{t('catalog.intro')}</p>

      <section className="catalog-search" aria-labelledby={`${id}-search`}>
        <h2 id={`${id}-search`} className="visually-hidden">
          {t('catalog.searchHeading')}
        </h2>
        <SearchField value={params.q} onSearch={(q, whileTyping) => q !== latest.current.q && go({ ...latest.current, q, page: 1 }, whileTyping)} />
        <Filters params={params} onChange={changeFilter} onClear={hasFilters(params) ? clearFilters : undefined} />
      </section>

      <section className="results" aria-labelledby={`${id}-results`} aria-busy={loading}>
        <div className="results-header">
          <div>
            <h2 id={`${id}-results`} ref={resultsHeading} tabIndex={-1}>
              {t('catalog.results')}
            </h2>
            <p className="results-count" role="status" data-testid="results-count">
              {courses ? t('catalog.count', { count: courses.total }) : ''}
            </p>
          </div>
          <div className="field field-inline">
            <label htmlFor={`${id}-sort`}>{t('catalog.sort')}</label>
            <select id={`${id}-sort`} value={params.sort} onChange={(e) => changeSort(e.target.value as SortChoice)}>
              {SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(SORT_LABELS[sort])}
                </option>
              ))}
            </select>
          </div>
        </div>

        {error && (
          <ErrorMessage error={error} onRetry={() => void refetch()}>
            {hasFilters(params) && (
              <p>
                <button type="button" className="button button-link" onClick={clearFilters}>
                  {t('catalog.clearFilters')}
                </button>
              </p>
            )}
          </ErrorMessage>
        )}
        {!courses && loading && <Loading label={t('catalog.loading')} />}

        {courses && courses.total === 0 && !error && (
          <div className="empty-state">
            <p className="notice-title">{t('catalog.noResults')}</p>
            <p>{t('catalog.noResultsHint')}</p>
            {hasFilters(params) && (
              <button type="button" className="button button-primary" onClick={clearFilters}>
                {t('catalog.clearFilters')}
              </button>
            )}
          </div>
        )}

        {courses && courses.total > 0 && courses.items.length === 0 && !loading && (
          <div className="empty-state">
            <p className="notice-title">{t('catalog.pageOutOfRange')}</p>
            <Link to={hrefFor(1)} className="button button-primary">
              {t('catalog.firstPage')}
            </Link>
          </div>
        )}

        {courses && courses.items.length > 0 && (
          <ul className={`course-list${loading ? ' is-loading' : ''}`}>
            {courses.items.map((course) => (
              <li key={course.id}>
                <CourseCard course={course} />
              </li>
            ))}
          </ul>
        )}

        <Pagination page={params.page} pages={pages} hrefFor={hrefFor} onNavigate={() => resultsHeading.current?.focus()} />
      </section>
    </div>
  );
}
