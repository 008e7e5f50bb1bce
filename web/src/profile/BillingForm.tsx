import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfilePersonFieldsFragment } from '../gql/graphql';
import { AddressInputs, EMPTY_ADDRESS, addressInputOf, addressValuesOf, isAddressEmpty, useAddressLabels } from './AddressFields';
import { FormFooter, ProblemSummary, TextField } from './FormParts';
import { SECTIONS, headingIdOf } from './sections';
import { useProfileForm } from './useProfileForm';

type Key = 'name' | 'registrationNumber' | 'vatNumber' | 'invoiceEmail';

const FIELDS: readonly Key[] = ['name', 'registrationNumber', 'vatNumber', 'invoiceEmail'];
const empty: Record<Key, string> = { name: '', registrationNumber: '', vatNumber: '', invoiceEmail: '' };

const valuesOf = (employer: ProfilePersonFieldsFragment['employer']): Record<Key, string> =>
  Object.fromEntries(FIELDS.map((key) => [key, employer?.[key] ?? ''])) as Record<Key, string>;

/**
 * "Rekvizīti": the employer an invoice goes to when the employer pays and no coordinator manages the
 * person (R-ID-4). All fields empty clears them.
 */
export function BillingForm({ employer }: { employer: ProfilePersonFieldsFragment['employer'] }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => valuesOf(employer));
  const [address, setAddress] = useState(() => addressValuesOf(employer?.address));
  const set = (key: Key) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  const addressLabels = useAddressLabels('employer.address');
  const form = useProfileForm({
    fields: {
      'employer.name': t('profile.billing.name'),
      'employer.registrationNumber': t('profile.billing.registrationNumber'),
      'employer.vatNumber': t('profile.billing.vatNumber'),
      'employer.address': t('profile.billing.address'),
      ...addressLabels,
      'employer.invoiceEmail': t('profile.billing.invoiceEmail'),
    },
    input: () => ({ employer: { ...values, address: addressInputOf(address) } }),
    savedMessage: (saved) => (saved.person.employer ? t('profile.billing.saved') : t('profile.billing.cleared')),
    onSaved: ({ person }) => {
      setValues(valuesOf(person.employer));
      setAddress(addressValuesOf(person.employer?.address));
    },
  });
  const headingId = headingIdOf('billing');
  const filled = FIELDS.some((key) => values[key].trim()) || !isAddressEmpty(address);
  // The button goes away with the text: focus goes on to the first field rather than getting lost.
  const clearFields = () => {
    setValues(empty);
    setAddress(EMPTY_ADDRESS);
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
        <AddressInputs form={form} prefix="employer.address" legend={t('profile.billing.address')} values={address} onChange={setAddress} />
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
