import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfilePersonFieldsFragment } from '../gql/graphql';
import { FormFooter, ProblemSummary, TextField } from './FormParts';
import { SECTIONS, headingIdOf } from './sections';
import { useProfileForm } from './useProfileForm';

type Employer = NonNullable<ProfilePersonFieldsFragment['employer']>;
type Key = keyof Omit<Employer, '__typename'>;

const FIELDS: readonly Key[] = ['name', 'registrationNumber', 'vatNumber', 'address', 'invoiceEmail'];
const empty: Record<Key, string> = { name: '', registrationNumber: '', vatNumber: '', address: '', invoiceEmail: '' };

const valuesOf = (employer: ProfilePersonFieldsFragment['employer']): Record<Key, string> =>
  Object.fromEntries(FIELDS.map((key) => [key, employer?.[key] ?? ''])) as Record<Key, string>;

/**
 * "Rekvizīti": the employer an invoice goes to when the employer pays and no coordinator manages the
 * person (R-ID-4). All fields empty clears them.
 */
export function BillingForm({ employer }: { employer: ProfilePersonFieldsFragment['employer'] }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => valuesOf(employer));
  const set = (key: Key) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  const form = useProfileForm({
    fields: Object.fromEntries(FIELDS.map((key) => [`employer.${key}`, t(`profile.billing.${key}`)])),
    input: () => ({ employer: values }),
    savedMessage: (saved) => (saved.person.employer ? t('profile.billing.saved') : t('profile.billing.cleared')),
    onSaved: ({ person }) => setValues(valuesOf(person.employer)),
  });
  const headingId = headingIdOf('billing');
  const filled = FIELDS.some((key) => values[key].trim());
  // The button goes away with the text: focus goes on to the first field rather than getting lost.
  const clearFields = () => {
    setValues(empty);
    document.getElementById(form.idFor('employer.name'))?.focus();
  };

  return (
    <section className="panel" id={SECTIONS.billing} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('profile.billing.heading')}</h2>
      <p>{t('profile.billing.intro')}</p>
      <div className="notice notice-info">
        <p>{t('profile.billing.coordinatorNote')}</p>
      </div>
      <form noValidate onSubmit={form.onSubmit} aria-labelledby={headingId} className="profile-form">
        <ProblemSummary form={form} />
        <p className="field-hint">{t('profile.billing.rules')}</p>
        <TextField form={form} field="employer.name" autoComplete="organization" maxLength={200} value={values.name} onChange={set('name')} />
        <div className="field-row">
          <TextField
            form={form}
            field="employer.registrationNumber"
            hint={t('profile.billing.registrationNumberHint')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={20}
            value={values.registrationNumber}
            onChange={set('registrationNumber')}
          />
          <TextField
            form={form}
            field="employer.vatNumber"
            hint={t('profile.billing.vatNumberHint')}
            autoComplete="off"
            maxLength={20}
            value={values.vatNumber}
            onChange={set('vatNumber')}
          />
        </div>
        <TextField form={form} field="employer.address" maxLength={300} rows={2} value={values.address} onChange={set('address')} />
        <TextField
          form={form}
          field="employer.invoiceEmail"
          type="email"
          inputMode="email"
          autoComplete="off"
          maxLength={254}
          hint={t('profile.billing.invoiceEmailHint')}
          value={values.invoiceEmail}
          onChange={set('invoiceEmail')}
        />
        <FormFooter form={form} label={filled || !employer ? t('profile.billing.save') : t('profile.billing.clear')}>
          {filled && (
            <button type="button" className="button button-secondary" onClick={clearFields}>
              {t('profile.billing.emptyFields')}
            </button>
          )}
        </FormFooter>
      </form>
    </section>
  );
}
