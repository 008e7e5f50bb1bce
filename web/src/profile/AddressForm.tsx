import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormFooter, TextField } from './FormParts';
import { SECTIONS, headingIdOf } from './sections';
import { useProfileForm } from './useProfileForm';

/** "Deklarētā dzīvesvietas adrese": with the e-mail, what an invoice to a private person needs (R-ID-3). */
export function AddressForm({ address }: { address: string | null }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(address ?? '');
  const form = useProfileForm({
    fields: { declaredAddress: t('profile.address.label') },
    input: () => ({ declaredAddress: value }),
    savedMessage: (saved) => (saved.person.declaredAddress ? t('profile.address.saved') : t('profile.address.cleared')),
    onSaved: ({ person }) => setValue(person.declaredAddress ?? ''),
  });
  const headingId = headingIdOf('address');

  return (
    <section className="panel" id={SECTIONS.address} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('profile.address.heading')}</h2>
      <p>{t('profile.address.intro')}</p>
      <form noValidate onSubmit={form.onSubmit} aria-labelledby={headingId} className="profile-form">
        <TextField
          form={form}
          field="declaredAddress"
          hint={t('profile.address.hint')}
          autoComplete="street-address"
          maxLength={300}
          rows={2}
          value={value}
          onChange={setValue}
        />
        <FormFooter form={form} label={t('profile.address.save')} />
      </form>
    </section>
  );
}
