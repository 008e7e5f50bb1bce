import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

// The path whose heading last took focus; null until the first page has rendered.
let focusedPath: string | null = null;

/**
 * The h1 of a page. After a navigation inside the portal it takes focus, so keyboard and screen
 * reader users start on the new page's title instead of somewhere in the old one. The first page
 * load leaves focus where the browser puts it. Also sets the document title.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  const { t } = useTranslation();

  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);

  useEffect(() => {
    if (focusedPath === null) {
      focusedPath = pathname;
      return;
    }
    if (focusedPath === pathname) return;
    focusedPath = pathname;
    ref.current?.focus();
  }, [pathname]);

  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
