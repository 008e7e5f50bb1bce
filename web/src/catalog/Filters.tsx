import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { DATE_CHOICES, FORMATS, INSTRUCTION_LANGUAGES, PRICES, type CatalogParams, type FilterName } from './catalog-params';

const TopicsQuery = graphql(`
  query CatalogTopics {
    topics(perPage: 100) {
      items {
        id
        name
      }
    }
  }
`);

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

interface FiltersProps {
  params: CatalogParams;
  onChange: (name: FilterName, value: string) => void;
  onClear?: () => void;
}

/** The filters in use (the search text aside, which has its own field): the count on the phone's button. */
const activeFilterCount = (params: CatalogParams) =>
  [params.topic, params.month, params.format, params.language, params.price, params.date].filter(Boolean).length;

export function Filters({ params, onChange, onClear }: FiltersProps) {
  const { t } = useTranslation();
  const id = useId();
  const topics = useQuery(TopicsQuery);
  // On a small screen the filters fold away behind a button, so the results start near the top.
  const [open, setOpen] = useState(false);
  const active = activeFilterCount(params);

  return (
    <>
      <button
        type="button"
        className="button filters-toggle"
        aria-expanded={open}
        aria-controls={`${id}-filters`}
        onClick={() => setOpen(!open)}
        data-testid="filters-toggle"
      >
        {active > 0 ? t('catalog.filtersToggleActive', { count: active }) : t('catalog.filtersToggle')}
      </button>
      <fieldset className={open ? 'filters is-open' : 'filters'} id={`${id}-filters`}>
        <legend>{t('catalog.filters')}</legend>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor={`${id}-topic`}>{t('catalog.topic')}</label>
            <select id={`${id}-topic`} value={params.topic} onChange={(e) => onChange('topic', e.target.value)}>
              <option value="">{t('catalog.anyTopic')}</option>
              {topics.data?.topics.items.map((topic) => (
                <option key={topic.id} value={topic.id}>
                  {topic.name}
                </option>
              ))}
            </select>
          </div>
          <MonthField id={`${id}-month`} value={params.month} onChange={(month) => onChange('month', month)} />
          <div className="field">
            <label htmlFor={`${id}-format`}>{t('catalog.format')}</label>
            <select id={`${id}-format`} value={params.format} onChange={(e) => onChange('format', e.target.value)}>
              <option value="">{t('catalog.anyFormat')}</option>
              {FORMATS.map((format) => (
                <option key={format} value={format}>
                  {t(`format.${format}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-language`}>{t('catalog.language')}</label>
            <select id={`${id}-language`} value={params.language} onChange={(e) => onChange('language', e.target.value)}>
              <option value="">{t('catalog.anyLanguage')}</option>
              {INSTRUCTION_LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {t(`instructionLanguage.${language}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-price`}>{t('catalog.price')}</label>
            <select id={`${id}-price`} value={params.price} onChange={(e) => onChange('price', e.target.value)}>
              <option value="">{t('catalog.anyPrice')}</option>
              {PRICES.map((price) => (
                <option key={price} value={price}>
                  {t(price === 'FREE' ? 'catalog.free' : 'catalog.paid')}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('catalog.hasDate')}</label>
            <select id={`${id}-date`} value={params.date} onChange={(e) => onChange('date', e.target.value)}>
              <option value="">{t('catalog.hasDateAny')}</option>
              {DATE_CHOICES.map((choice) => (
                <option key={choice} value={choice}>
                  {t(choice === 'yes' ? 'catalog.hasDateYes' : 'catalog.hasDateNo')}
                </option>
              ))}
            </select>
          </div>
        </div>
        {onClear && (
          <button type="button" className="button button-link" onClick={onClear}>
            {t('catalog.clearFilters')}
          </button>
        )}
      </fieldset>
    </>
  );
}

/**
 * `<input type="month">`; where a browser shows it as plain text, a half-typed month is kept here
 * until it reads YYYY-MM.
 */
function MonthField({ id, value, onChange }: { id: string; value: string; onChange: (month: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <div className="field">
      <label htmlFor={id}>{t('catalog.month')}</label>
      <input
        id={id}
        type="month"
        value={text}
        placeholder={t('catalog.monthPlaceholder')}
        pattern="\d{4}-\d{2}"
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const month = event.target.value.trim();
          setText(month);
          if (month === '' || MONTH.test(month)) onChange(month);
        }}
      />
      <p id={`${id}-hint`} className="visually-hidden">
        {t('catalog.monthHint')}
      </p>
    </div>
  );
}
