import { formatAddress, isCompleteAddress } from '../profile/AddressFields';
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../components/ErrorMessage';
import { useFormat } from '../format';
import type { MyRegistrationFieldsFragment, PayerKind, PayerOptionsQuery as PayerOptions } from '../gql/graphql';
import { PROFILE_PATH } from '../me';
import { SECTIONS } from '../profile/sections';
import { fieldProblemsOf } from '../errors';
import { IndicatorQuestions, indicatorInput, NO_ANSWERS, type IndicatorAnswers } from './IndicatorQuestions';
import { AgeKnownQuery, PayerOptionsQuery, RegisterMutation } from './registration-documents';
import { RegistrationError } from './RegistrationError';
import { REGISTRATION_REFETCH, type RegistrableGroup } from './registrations';

type Person = NonNullable<PayerOptions['me']>['person'];

/** The employer's requisites from the profile, chosen instead of an account. */
const PROFILE_REQUISITES = 'profile';

interface Account {
  id: string;
  label: string;
}

/** The active billing accounts of the person's current employers, named with their institution. */
function accountsOf(person: Person): Account[] {
  return person.employments
    .filter((employment) => employment.current)
    .flatMap((employment) =>
      employment.institution.billingAccounts.map((account) => ({
        id: account.id,
        label: `${employment.institution.name} · ${account.name} (${account.number})`,
      })),
    );
}

const hasEmployerRequisites = (person: Person) => !!(person.employer?.name && person.employer.registrationNumber && isCompleteAddress(person.employer.address));

interface Props {
  course: { title: string };
  group: RegistrableGroup;
  onClose(): void;
  onRegistered(registration: MyRegistrationFieldsFragment): void;
}

/**
 * The confirmation step (manual: "Reģistrācijas apstiprināšana"): the group and its price, who
 * pays and with which requisites. What the profile lacks for a choice is said with a link to fix
 * it, before the person presses anything; the api checks it all again.
 */
export function RegisterPanel({ course, group, onClose, onRegistered }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const ids = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const options = useQuery(PayerOptionsQuery, { fetchPolicy: 'network-only' });
  const [register, { loading, error }] = useMutation(RegisterMutation, { refetchQueries: REGISTRATION_REFETCH, awaitRefetchQueries: true });
  const [payer, setPayer] = useState<PayerKind | null>(null);
  const [account, setAccount] = useState('');
  const paid = (group.priceCents ?? 0) > 0;
  const project = group.euProject ?? null;
  const ageKnown = useQuery(AgeKnownQuery, { skip: !project });
  const [answers, setAnswers] = useState<IndicatorAnswers>(NO_ANSWERS);
  const [tried, setTried] = useState(false);
  const consentProblem = fieldProblemsOf(error).some((p) => p.field === 'indicatorData.consent' || p.field === 'indicatorData');

  useEffect(() => heading.current?.focus(), []);

  const person = options.data?.me?.person;
  const accounts = useMemo(() => (person ? accountsOf(person) : []), [person]);
  const employerRequisites = !!person && hasEmployerRequisites(person);
  // One account and nothing else to choose: it is chosen.
  useEffect(() => {
    if (payer === 'INSTITUTION' && !account && accounts.length + (employerRequisites ? 1 : 0) === 1) setAccount(accounts[0]?.id ?? PROFILE_REQUISITES);
  }, [payer, account, accounts, employerRequisites]);

  const blocker = (): { text: string; section: string } | null => {
    if (!person) return null;
    if (!person.email) return { text: t('registration.needEmail'), section: SECTIONS.contact };
    if (!paid) return null;
    if (payer === 'PRIVATE' && !isCompleteAddress(person.declaredAddress)) return { text: t('registration.needAddress'), section: SECTIONS.address };
    if (payer === 'INSTITUTION' && accounts.length === 0 && !employerRequisites) return { text: t('registration.needAccount'), section: SECTIONS.billing };
    return null;
  };
  const blocked = blocker();
  const ready = !!person && !blocked && (!paid || payer === 'PRIVATE' || (payer === 'INSTITUTION' && !!account));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!ready || loading) return;
    if (project && !answers.consent) return;
    const input = {
      groupId: group.id,
      payer: paid ? payer : null,
      billingAccountId: paid && payer === 'INSTITUTION' && account !== PROFILE_REQUISITES ? account : null,
      indicatorData: project ? indicatorInput(answers) : null,
    };
    const result = await register({ variables: { input } }).catch(() => null);
    if (result?.data) onRegistered(result.data.register);
  };

  return (
    <form
      className="register-panel"
      aria-labelledby={`${ids}-title`}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <h4 id={`${ids}-title`} ref={heading} tabIndex={-1}>
        {t('registration.confirmTitle')}
      </h4>
      <dl className="facts facts-inline">
        <div>
          <dt>{t('registration.course')}</dt>
          <dd>{course.title}</dd>
        </div>
        <div>
          <dt>{t('course.group', { code: group.code })}</dt>
          <dd>{group.startsAt && group.endsAt ? format.dateRange(group.startsAt, group.endsAt) : t('course.datesUnknown')}</dd>
        </div>
        <div>
          <dt>{t('course.price')}</dt>
          <dd>{format.price(group.priceCents ?? 0)}</dd>
        </div>
      </dl>
      {group.isFull && <p className="notice notice-warning">{t('registration.fullHint')}</p>}

      {options.error && <ErrorMessage error={options.error} onRetry={() => void options.refetch()} />}
      {options.loading && <Loading label={t('registration.loadingOptions')} />}

      {person && paid && (
        <fieldset className="choice-group">
          <legend>{t('registration.payer')}</legend>
          <label className="choice">
            <input type="radio" name={`${ids}-payer`} value="INSTITUTION" checked={payer === 'INSTITUTION'} onChange={() => setPayer('INSTITUTION')} />
            {t('registration.payerInstitution')}
          </label>
          <label className="choice">
            <input type="radio" name={`${ids}-payer`} value="PRIVATE" checked={payer === 'PRIVATE'} onChange={() => setPayer('PRIVATE')} />
            {t('registration.payerPrivate')}
          </label>
        </fieldset>
      )}

      {person && paid && payer === 'INSTITUTION' && (accounts.length > 0 || employerRequisites) && (
        <div className="field">
          <label htmlFor={`${ids}-account`}>{t('registration.account')}</label>
          <select id={`${ids}-account`} value={account} onChange={(event) => setAccount(event.target.value)} required>
            <option value="">{t('registration.chooseAccount')}</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
            {employerRequisites && <option value={PROFILE_REQUISITES}>{t('registration.profileRequisites', { name: person.employer!.name })}</option>}
          </select>
          <p className="field-hint">{t('registration.accountHint')}</p>
        </div>
      )}

      {person && paid && payer === 'PRIVATE' && person.declaredAddress && (
        <dl className="facts">
          <div>
            <dt>{t('registration.invoiceTo')}</dt>
            <dd className="preserve-lines">
              {formatAddress(person.declaredAddress)}
              <br />
              {person.email}
            </dd>
          </div>
        </dl>
      )}

      {person && project && (
        <IndicatorQuestions
          project={project}
          answers={answers}
          onChange={setAnswers}
          askAge={ageKnown.data?.myAgeKnownFromPersonalCode === false}
          consentMissing={!answers.consent && (tried || consentProblem)}
        />
      )}

      {blocked && (
        <div className="notice notice-warning" role="alert">
          <p>{blocked.text}</p>
          <p>
            <Link to={`${PROFILE_PATH}#${blocked.section}`}>{t('registration.toProfile')}</Link>
          </p>
        </div>
      )}

      {error && <RegistrationError error={error} />}

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!ready} aria-disabled={loading || undefined}>
          {loading ? t('registration.sending') : t('registration.confirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('registration.back')}
        </button>
      </div>
    </form>
  );
}
