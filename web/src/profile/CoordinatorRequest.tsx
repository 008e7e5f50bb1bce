import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { errorCodeOf } from '../errors';
import { useFormat } from '../format';
import { FormFooter, ProblemSummary, TextField } from './FormParts';
import { SECTIONS, headingIdOf } from './sections';
import { useSubmitForm } from './useSubmitForm';

export const NominationFields = graphql(`
  fragment NominationFields on CoordinatorNomination {
    id
    status
    registrationNumber
    institutionName
    position
    decisionNote
    decidedAt
    createdAt
  }
`);

export const MyNominationsQuery = graphql(`
  query MyCoordinatorNominations {
    myCoordinatorNominations {
      ...NominationFields
    }
  }
`);

const RequestMutation = graphql(`
  mutation RequestCoordinatorNomination($input: NominationInput!) {
    requestCoordinatorNomination(input: $input) {
      ...NominationFields
    }
  }
`);

const WithdrawMutation = graphql(`
  mutation WithdrawCoordinatorNomination($id: ID!) {
    withdrawCoordinatorNomination(id: $id) {
      ...NominationFields
    }
  }
`);

/**
 * "I am my institution's coordinator" (R-ID-7): the person asks, staff decide and the person is told
 * by e-mail; here they see their requests and may take back one that waits.
 */
export function CoordinatorRequest() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, refetch } = useQuery(MyNominationsQuery);
  const [request] = useMutation(RequestMutation);
  const [withdraw, withdrawal] = useMutation(WithdrawMutation);
  const [registrationNumber, setRegistrationNumber] = useState('');
  const [institutionName, setInstitutionName] = useState('');
  const [position, setPosition] = useState('');
  const [note, setNote] = useState('');
  const form = useSubmitForm({
    fields: {
      registrationNumber: t('profile.coordinator.registrationNumber'),
      institutionName: t('profile.coordinator.institutionName'),
      position: t('profile.coordinator.position'),
      note: t('profile.coordinator.note'),
    },
    submit: async () => {
      const { data: answer } = await request({ variables: { input: { registrationNumber, institutionName, position, note: note.trim() || null } } });
      if (!answer) throw new Error('requestCoordinatorNomination answered without data');
      return answer.requestCoordinatorNomination;
    },
    savedMessage: () => t('profile.coordinator.sent'),
    onSaved: () => {
      setRegistrationNumber('');
      setInstitutionName('');
      setPosition('');
      setNote('');
      void refetch();
    },
  });
  const nominations = data?.myCoordinatorNominations ?? [];

  return (
    <section className="panel" id={SECTIONS.coordinator} aria-labelledby={headingIdOf('coordinator')}>
      <h2 id={headingIdOf('coordinator')}>{t('profile.coordinator.heading')}</h2>
      <p>{t('profile.coordinator.intro')}</p>
      {nominations.length > 0 && (
        <>
          <h3>{t('profile.coordinator.mine')}</h3>
          <ul className="record-list" data-testid="my-nominations">
            {nominations.map((n) => (
              <li key={n.id}>
                <p>
                  <strong>{n.institutionName}</strong> ({t('profile.coordinator.regNo', { number: n.registrationNumber })}), {n.position}
                </p>
                <p>
                  <span className="tag">{t(`profile.coordinator.status.${n.status}`)}</span>{' '}
                  {t('profile.coordinator.sentAt', { date: format.dateTime(n.createdAt) })}
                  {n.decidedAt && n.status !== 'PENDING' ? ` · ${t('profile.coordinator.decidedAt', { date: format.dateTime(n.decidedAt) })}` : ''}
                </p>
                {n.decisionNote && (
                  <p>{t(n.status === 'REFUSED' ? 'profile.coordinator.reason' : 'profile.coordinator.decisionNote', { text: n.decisionNote })}</p>
                )}
                {n.status === 'PENDING' && (
                  <button
                    type="button"
                    className="button"
                    aria-disabled={withdrawal.loading || undefined}
                    onClick={() =>
                      !withdrawal.loading &&
                      void withdraw({ variables: { id: n.id } }).then(
                        () => refetch(),
                        () => undefined,
                      )
                    }
                  >
                    {t('profile.coordinator.withdraw')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {withdrawal.error && (
            <p className="notice notice-error" role="alert">
              {t(`errors.${errorCodeOf(withdrawal.error)}`)}
            </p>
          )}
        </>
      )}
      <h3>{t('profile.coordinator.ask')}</h3>
      <form noValidate onSubmit={form.onSubmit} aria-labelledby={headingIdOf('coordinator')} className="profile-form">
        <ProblemSummary form={form} />
        <TextField
          form={form}
          field="registrationNumber"
          inputMode="numeric"
          required
          maxLength={20}
          hint={t('profile.coordinator.registrationNumberHint')}
          value={registrationNumber}
          onChange={setRegistrationNumber}
        />
        <TextField form={form} field="institutionName" required maxLength={300} value={institutionName} onChange={setInstitutionName} />
        <TextField form={form} field="position" required maxLength={200} autoComplete="organization-title" value={position} onChange={setPosition} />
        <TextField form={form} field="note" maxLength={1000} rows={3} hint={t('profile.coordinator.noteHint')} value={note} onChange={setNote} />
        <FormFooter form={form} label={t('profile.coordinator.submit')} />
      </form>
    </section>
  );
}
