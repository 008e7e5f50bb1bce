import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';

/** R-CAT-5 comes with its own api in a later issue; until then the page says so and shows nothing made up. */
export function MaterialsPage() {
  const { t } = useTranslation();
  return (
    <div className="materials">
      <PageHeading title={t('materials.title')}>{t('materials.title')}</PageHeading>
      <p className="lead">{t('materials.intro')}</p>
      <div className="notice notice-info">
        <p>{t('materials.notYet')}</p>
      </div>
      <p>
        <Link to="/katalogs">{t('materials.toCatalog')}</Link>
      </p>
    </div>
  );
}
