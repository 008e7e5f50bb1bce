import { useTranslation } from 'react-i18next';
import { SECTIONS, headingIdOf } from './sections';

/** Everything the system holds about the signed-in person, as one JSON file (R-NF-3); the download is audited. */
export function MyData() {
  const { t } = useTranslation();
  return (
    <section className="panel" id={SECTIONS.mydata} aria-labelledby={headingIdOf('mydata')}>
      <h2 id={headingIdOf('mydata')}>{t('profile.mydata.heading')}</h2>
      <p>{t('profile.mydata.intro')}</p>
      <p>
        <a className="button button-secondary" href="/api/me/data.json" download data-testid="my-data-download">
          {t('profile.mydata.download')}
        </a>
      </p>
      <p className="field-hint">{t('profile.mydata.erasure')}</p>
    </section>
  );
}
