import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProfilePersonFieldsFragment } from '../gql/graphql';
import { FormFooter, ProblemSummary, TextField } from './FormParts';
import { SECTIONS, headingIdOf } from './sections';
import { useProfileForm } from './useProfileForm';

/** E-mail (required: without it nothing can be sent, R-ID-2) and phone. */
export function ContactForm({ person, returnTo }: { person: ProfilePersonFieldsFragment; returnTo?: string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(person.email ?? '');
  const [phone, setPhone] = useState(person.phone ?? '');
  const form = useProfileForm({
    fields: { email: t('profile.contact.email'), phone: t('profile.contact.phone') },
    input: () => ({ email, phone }),
    savedMessage: () => t('profile.contact.saved'),
    onSaved: ({ person: saved }) => {
      setEmail(saved.email ?? '');
      setPhone(saved.phone ?? '');
    },
  });

  return (
    <section className="panel" id={SECTIONS.contact} aria-labelledby={headingIdOf('contact')}>
      <h2 id={headingIdOf('contact')}>{t('profile.contact.heading')}</h2>
      <p>{t('profile.contact.intro')}</p>
      <form noValidate onSubmit={form.onSubmit} aria-labelledby={headingIdOf('contact')} className="profile-form">
        <ProblemSummary form={form} />
        <TextField
          form={form}
          field="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          maxLength={254}
          hint={t('profile.contact.emailHint')}
          value={email}
          onChange={setEmail}
        />
        <TextField
          form={form}
          field="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={30}
          hint={t('profile.contact.phoneHint')}
          value={phone}
          onChange={setPhone}
        />
        <FormFooter form={form} label={t('profile.contact.save')} />
      </form>
      {/* Sent here from another page right after signing in: the way back, once the e-mail is in. */}
      {form.savedMessage && person.email && returnTo && (
        <p>
          <Link to={returnTo}>
            {t('profile.contact.continue')}
            <span aria-hidden="true"> →</span>
          </Link>
        </p>
      )}
    </section>
  );
}
