import { useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { MaterialsQuery } from '../materials/materials-documents';
import { MaterialsByCourse } from '../materials/MaterialList';
import { MeQuery, signInHref } from '../me';

const PUBLIC_PAGE_SIZE = 20;

/**
 * "Mācību materiāli" (R-CAT-5): the materials of the courses the person took part in, then every
 * public material, searchable. The search and page are in the address (?q=...&page=2).
 */
export function MaterialsPage() {
  const { t } = useTranslation();
  const me = useQuery(MeQuery);
  const signedIn = !!(me.data ?? me.previousData)?.me;
  return (
    <div className="materials">
      <PageHeading title={t('materials.title')}>{t('materials.title')}</PageHeading>
      <p className="lead">{t('materials.intro')}</p>
      {me.loading && !me.data ? null : signedIn ? <MyMaterials /> : <SignInHint />}
      <PublicMaterials />
    </div>
  );
}

function SignInHint() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <div className="notice notice-info" data-testid="materials-sign-in">
      <p>{t('materials.signInHint')}</p>
      <p>
        <a className="button button-secondary" href={signInHref(location.pathname + location.search)}>
          {t('materials.signIn')}
        </a>
      </p>
    </div>
  );
}

function MyMaterials() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(MaterialsQuery, { variables: { filter: { mine: true }, page: 1, perPage: 100 } });
  const items = data?.courseMaterials.items ?? [];
  return (
    <section aria-labelledby="my-materials" data-testid="my-materials">
      <h2 id="my-materials">{t('materials.mine')}</h2>
      {loading && !data && <Loading label={t('materials.loading')} />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {data && items.length === 0 && (
        <div className="empty-state empty-state-left">
          <p className="notice-title">{t('materials.mineEmpty')}</p>
          <p>
            {t('materials.mineEmptyHint')} <Link to="/katalogs">{t('materials.toCatalog')}</Link>
          </p>
        </div>
      )}
      {items.length > 0 && <MaterialsByCourse materials={items} headingLevel="h3" />}
      {data && data.courseMaterials.total > items.length && <p>{t('materials.moreThanShown', { count: data.courseMaterials.total })}</p>}
    </section>
  );
}

function PublicMaterials() {
  const { t } = useTranslation();
  const id = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = (searchParams.get('q') ?? '').slice(0, 200);
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '', 10) || 1);
  const [text, setText] = useState(q);
  const { data, previousData, loading, error, refetch } = useQuery(MaterialsQuery, {
    variables: { filter: { mine: false, q: q || null }, page, perPage: PUBLIC_PAGE_SIZE },
  });
  const result = (data ?? previousData)?.courseMaterials;
  const pages = result ? Math.max(1, Math.ceil(result.total / PUBLIC_PAGE_SIZE)) : 1;
  const hrefFor = (n: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), ...(n > 1 ? { page: String(n) } : {}) }).toString()}`;
  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = text.trim();
    setSearchParams(next ? { q: next } : {});
  };
  return (
    <section aria-labelledby="public-materials" data-testid="public-materials">
      <h2 id="public-materials">{t('materials.public')}</h2>
      <form role="search" className="search-form" onSubmit={search} aria-labelledby="public-materials">
        <label htmlFor={`${id}-q`}>{t('materials.searchLabel')}</label>
        <div className="search-row">
          <input id={`${id}-q`} type="search" value={text} maxLength={200} onChange={(event) => setText(event.target.value)} />
          <button type="submit" className="button">
            {t('materials.search')}
          </button>
        </div>
      </form>
      <div aria-live="polite" aria-atomic="true">
        {result && <p data-testid="public-materials-count">{t('materials.found', { count: result.total })}</p>}
      </div>
      {loading && !result && <Loading label={t('materials.loading')} />}
      {error && <ErrorMessage error={error} onRetry={() => void refetch()} />}
      {result && result.items.length > 0 && <MaterialsByCourse materials={result.items} headingLevel="h3" />}
      <Pagination page={page} pages={pages} hrefFor={hrefFor} />
    </section>
  );
}
