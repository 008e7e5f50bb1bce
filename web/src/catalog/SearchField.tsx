import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

const DEBOUNCE_MS = 300;

/**
 * The catalog's text search: searches while typing (after a short pause) and at once on Enter.
 * `value` is the search in the address; it wins whenever it changes from outside (back button, clear filters).
 */
export function SearchField({ value, onSearch }: { value: string; onSearch: (q: string, whileTyping: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const timer = useRef<number | undefined>(undefined);
  const latestOnSearch = useRef(onSearch);
  useLayoutEffect(() => {
    latestOnSearch.current = onSearch;
  });

  const cancelPending = () => window.clearTimeout(timer.current);
  const search = (q: string, whileTyping: boolean) => {
    cancelPending();
    sent.current = q;
    latestOnSearch.current(q, whileTyping);
  };

  useEffect(() => {
    if (value === sent.current) return;
    cancelPending();
    sent.current = value;
    setText(value);
  }, [value]);

  useEffect(() => cancelPending, []);

  const change = (next: string) => {
    setText(next);
    cancelPending();
    const q = next.trim();
    if (q !== sent.current) timer.current = window.setTimeout(() => search(q, true), DEBOUNCE_MS);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    search(text.trim(), false);
  };

  return (
    <form role="search" className="search-form" onSubmit={submit}>
      <label htmlFor={`${id}-q`}>{t('catalog.searchLabel')}</label>
      <p id={`${id}-hint`} className="field-hint">
        {t('catalog.searchHint')}
      </p>
      <div className="search-row">
        <input
          id={`${id}-q`}
          name="q"
          type="search"
          value={text}
          maxLength={200}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          onChange={(event) => change(event.target.value)}
        />
        <button type="submit" className="button button-primary">
          {t('catalog.searchButton')}
        </button>
      </div>
    </form>
  );
}
