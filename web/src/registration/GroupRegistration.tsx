import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useFormat } from '../format';
import type { MyRegistrationFieldsFragment } from '../gql/graphql';
import { MY_TRAINING_PATH, signInHref } from '../me';
import { ConfirmPanel } from '../profile/FormParts';
import { RegisterPanel } from './RegisterPanel';
import { CancelMyRegistrationMutation } from './registration-documents';
import { RegistrationError } from './RegistrationError';
import { isActive, REGISTRATION_REFETCH, type RegistrableGroup } from './registrations';

interface Props {
  course: { id: string; title: string; visibility: string };
  group: RegistrableGroup;
  signedIn: boolean;
  /** The viewer's registrations (all groups); undefined while loading. */
  registrations: readonly MyRegistrationFieldsFragment[] | undefined;
}

/**
 * "Pieteikties" for one group of the course page: the button, the confirmation step behind it, or,
 * for someone already registered (by themself or their coordinator), why it is inactive and the way
 * to cancel before the deadline.
 */
export function GroupRegistration({ course, group, signedIn, registrations }: Props) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const [open, setOpen] = useState(false);
  const [justRegistered, setJustRegistered] = useState<MyRegistrationFieldsFragment | null>(null);
  const reasonId = useId();
  const deadlinePassed = !!group.registrationDeadline && Date.parse(group.registrationDeadline) <= Date.now();
  const mine = registrations?.find((r) => r.group.id === group.id && isActive(r));
  const buttonLabel = group.isFull ? t('registration.applyWaiting') : t('registration.apply');

  if (!signedIn) {
    return (
      <div className="registration">
        <a className="button button-primary" href={signInHref(pathname + search)}>
          {buttonLabel}
        </a>
        <p className="field-hint">{t('registration.signInFirst')}</p>
      </div>
    );
  }
  if (registrations === undefined) return null;

  if (mine) {
    return (
      <div className="registration" data-testid={`registration-${group.id}`}>
        {justRegistered?.id === mine.id && <Registered registration={mine} />}
        <button type="button" className="button button-primary" disabled aria-describedby={reasonId}>
          {buttonLabel}
        </button>
        <RegistrationState id={reasonId} registration={mine} />
        <CancelRegistration registration={mine} deadlinePassed={deadlinePassed} />
      </div>
    );
  }

  const inactiveReason = course.visibility === 'RESTRICTED' ? t('registration.restricted') : deadlinePassed ? t('registration.deadlinePassed') : null;
  if (inactiveReason) {
    return (
      <div className="registration">
        <button type="button" className="button button-primary" disabled aria-describedby={reasonId}>
          {buttonLabel}
        </button>
        <p className="field-hint" id={reasonId}>
          {inactiveReason}
        </p>
      </div>
    );
  }

  return (
    <div className="registration">
      {open ? (
        <RegisterPanel
          course={course}
          group={group}
          onClose={() => setOpen(false)}
          onRegistered={(registration) => {
            setJustRegistered(registration);
            setOpen(false);
          }}
        />
      ) : (
        <>
          <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
            {buttonLabel}
          </button>
          {group.isFull && <p className="field-hint">{t('registration.fullHint')}</p>}
        </>
      )}
    </div>
  );
}

/** Why the button is inactive: the person's place, and who made the registration. */
function RegistrationState({ id, registration }: { id: string; registration: MyRegistrationFieldsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const status =
    registration.status === 'WAITING' ? t('registration.stateWaiting', { position: registration.waitingPosition }) : t('registration.stateConfirmed');
  const by =
    registration.source === 'SELF'
      ? t('registration.bySelf', { date: format.date(registration.createdAt) })
      : t(`registration.by${registration.source}`, { date: format.date(registration.createdAt) });
  return (
    <div className="registration-state" id={id}>
      <p className="notice-title">{status}</p>
      <p>{by}</p>
    </div>
  );
}

/** Shown once, right after registering: what happened and what comes next. */
function Registered({ registration }: { registration: MyRegistrationFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-success" role="status">
      <p className="notice-title">
        {registration.status === 'WAITING' ? t('registration.doneWaiting', { position: registration.waitingPosition }) : t('registration.doneConfirmed')}
      </p>
      <p>{t('registration.doneEmail')}</p>
      <p>
        <Link to={MY_TRAINING_PATH}>{t('registration.toMyTraining')}</Link>
      </p>
    </div>
  );
}

/** Cancelling one's own registration: before the group's deadline, after a question. */
export function CancelRegistration({ registration, deadlinePassed }: { registration: MyRegistrationFieldsFragment; deadlinePassed: boolean }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [cancel, { loading, error, reset }] = useMutation(CancelMyRegistrationMutation, { refetchQueries: REGISTRATION_REFETCH, awaitRefetchQueries: true });
  const id = `cancel-${registration.id}`;

  if (deadlinePassed) return <p className="field-hint">{t('registration.cancelAfterDeadline')}</p>;
  if (!asking) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
        {t('registration.cancel')}
      </button>
    );
  }
  return (
    <ConfirmPanel
      id={id}
      question={t('registration.cancelQuestion', { code: registration.group.code })}
      text={registration.status === 'WAITING' ? t('registration.cancelTextWaiting') : t('registration.cancelText')}
      confirmLabel={t('registration.cancelConfirm')}
      cancelLabel={t('registration.cancelKeep')}
      busy={loading}
      problem={error ? <RegistrationError error={error} /> : undefined}
      onConfirm={() => {
        if (loading) return;
        void cancel({ variables: { input: { id: registration.id } } }).catch(() => {});
      }}
      onCancel={() => {
        reset();
        setAsking(false);
      }}
    />
  );
}
