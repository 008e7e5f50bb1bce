import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfilePersonFieldsFragment } from '../gql/graphql';
import { AddressInputs, addressInputOf, addressValuesOf, isAddressEmpty, useAddressLabels } from './AddressFields';
import { FormFooter, ProblemSummary } from './FormParts';
import { SECTIONS, headingIdOf } from './sections';
import { useProfileForm } from './useProfileForm';

/**
 * "Deklarētā dzīvesvietas adrese": with the e-mail, what an invoice to a private person needs (R-ID-3).
 * In parts (street, city, postcode, country), as e-invoices need it; all parts empty clears it.
 */
export function AddressForm({ address }: { address: ProfilePersonFieldsFragment['declaredAddress'] }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => addressValuesOf(address));
  const form = useProfileForm({
    fields: useAddressLabels('declaredAddress'),
    input: () => ({ declaredAddress: addressInputOf(values) }),
    savedMessage: (saved) => (saved.person.declaredAddress ? t('profile.address.saved') : t('profile.address.cleared')),
    onSaved: ({ person }) => setValues(addressValuesOf(person.declaredAddress)),
  });
  const headingId = headingIdOf('address');

  return (
    <section className="panel" id={SECTIONS.address} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('profile.address.heading')}</h2>
      <p>{t('profile.address.intro')}</p>
      <form noValidate onSubmit={form.onSubmit} aria-labelledby={headingId} className="profile-form">
        <ProblemSummary form={form} />
        <AddressInputs form={form} prefix="declaredAddress" legend={t('profile.address.label')} values={values} onChange={setValues} />
        <p className="field-hint">{t('profile.address.hint')}</p>
        <FormFooter form={form} label={address && isAddressEmpty(values) ? t('profile.address.clear') : t('profile.address.save')} />
      </form>
    </section>
  );
}
