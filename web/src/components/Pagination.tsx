import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Page numbers to show: the first, the last, and two either side of the current one; null is a gap. */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= pages));
  const sorted = [...shown].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) result.push(null);
    result.push(p);
  });
  return result;
}

export function Pagination({ page, pages, hrefFor, onNavigate }: { page: number; pages: number; hrefFor: (page: number) => string; onNavigate?: () => void }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('catalog.pagination')}>
      <p className="visually-hidden">{t('catalog.pageStatus', { page, pages })}</p>
      <ul>
        <li>
          {page > 1 ? (
            <Link preventScrollReset to={hrefFor(page - 1)} onClick={onNavigate} aria-label={t('catalog.previousLabel')} rel="prev">
              <span aria-hidden="true">‹ </span>
              {t('catalog.previous')}
            </Link>
          ) : (
            <span className="pagination-disabled" aria-hidden="true">
              <span aria-hidden="true">‹ </span>
              {t('catalog.previous')}
            </span>
          )}
        </li>
        {pageWindow(page, pages).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="pagination-gap">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                preventScrollReset
                to={hrefFor(p)}
                onClick={onNavigate}
                aria-label={t('catalog.pageLabel', { page: p })}
                aria-current={p === page ? 'page' : undefined}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < pages ? (
            <Link preventScrollReset to={hrefFor(page + 1)} onClick={onNavigate} aria-label={t('catalog.nextLabel')} rel="next">
              {t('catalog.next')}
              <span aria-hidden="true"> ›</span>
            </Link>
          ) : (
            <span className="pagination-disabled" aria-hidden="true">
              {t('catalog.next')}
              <span aria-hidden="true"> ›</span>
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
