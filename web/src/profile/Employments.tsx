import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, type ErrorCode } from '../errors';
import { useFormat } from '../format';
import type { ProfilePersonFieldsFragment } from '../gql/graphql';
import { EndMyEmploymentMutation } from './profile-documents';
import { ConfirmPanel } from './FormParts';
import { SECTIONS, headingIdOf } from './sections';

type Employment = ProfilePersonFieldsFragment['employments'][number];

const byStart = (a: Employment, b: Employment) => b.startedAt.localeCompare(a.startedAt);

/**
 * Where the person works and worked (R-ID-5): ended employments stay, and a current one can be
 * ended by the person, after a confirmation, when they no longer work there.
 */
export function Employments({ employments }: { employments: readonly Employment[] }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [endedName, setEndedName] = useState<string | null>(null);
  const current = employments.filter((e) => !e.endedAt).sort(byStart);
  const ended = employments.filter((e) => e.endedAt).sort((a, b) => b.endedAt!.localeCompare(a.endedAt!));

  const onEnded = (employment: Employment) => {
    setEndedName(employment.institution.name);
    // The item leaves the list it was in: focus goes to the section, the status says what happened.
    heading.current?.focus();
  };

  return (
    <section className="panel" id={SECTIONS.employments} aria-labelledby={headingIdOf('employments')} data-testid="profile-employments">
      <h2 id={headingIdOf('employments')} ref={heading} tabIndex={-1}>
        {t('profile.employment.heading')}
      </h2>
      <p>{t('profile.employment.intro')}</p>
      <p className="field-hint">{t('profile.employment.keep')}</p>
      <p role="status" aria-live="polite" className="form-saved">
        {endedName && t('profile.employment.endedMessage', { institution: endedName })}
      </p>

      <h3>{t('profile.employment.current')}</h3>
      {current.length === 0 ? (
        <p data-testid="no-current-employment">{employments.length === 0 ? t('profile.employment.none') : t('profile.employment.noneCurrent')}</p>
      ) : (
        <ul className="record-list">
          {current.map((employment) => (
            <EmploymentItem key={employment.id} employment={employment} onEnded={onEnded} />
          ))}
        </ul>
      )}

      {ended.length > 0 && (
        <>
          <h3>{t('profile.employment.ended')}</h3>
          <ul className="record-list" data-testid="ended-employments">
            {ended.map((employment) => (
              <EmploymentItem key={employment.id} employment={employment} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function EmploymentItem({ employment, onEnded }: { employment: Employment; onEnded?: (employment: Employment) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = `employment-${employment.id}`;
  return (
    <li className="record" aria-labelledby={`${id}-name`}>
      <h4 className="record-title" id={`${id}-name`}>
        {employment.institution.name}
      </h4>
      <dl className="facts facts-inline">
        <div>
          <dt>{t('profile.employment.position')}</dt>
          <dd>{employment.position ?? t('common.notSpecified')}</dd>
        </div>
        <div>
          <dt>{t('profile.employment.startedAt')}</dt>
          <dd>
            <time dateTime={employment.startedAt}>{format.date(employment.startedAt)}</time>
          </dd>
        </div>
        {employment.endedAt && (
          <div>
            <dt>{t('profile.employment.endedAt')}</dt>
            <dd>
              <time dateTime={employment.endedAt}>{format.date(employment.endedAt)}</time>
            </dd>
          </div>
        )}
        {employment.workEmail && (
          <div>
            <dt>{t('profile.employment.workEmail')}</dt>
            <dd>{employment.workEmail}</dd>
          </div>
        )}
        <div>
          <dt>{t('profile.employment.addedBy')}</dt>
          <dd>{t(`profile.employment.source.${employment.source}`)}</dd>
        </div>
      </dl>
      {onEnded && <EndEmployment employment={employment} onEnded={onEnded} />}
    </li>
  );
}

/** "I no longer work here", asked twice: the first press opens a confirmation next to the button. */
function EndEmployment({ employment, onEnded }: { employment: Employment; onEnded: (employment: Employment) => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [end, { loading }] = useMutation(EndMyEmploymentMutation);
  const opener = useRef<HTMLButtonElement>(null);
  const id = `end-${employment.id}`;
  const institution = employment.institution.name;

  const backToOpener = useRef(false);

  useEffect(() => {
    if (!confirming && backToOpener.current) {
      backToOpener.current = false;
      opener.current?.focus();
    }
  }, [confirming]);

  const cancel = () => {
    backToOpener.current = true;
    setConfirming(false);
    setError(null);
  };

  const confirm = () => {
    if (loading) return;
    setError(null);
    end({ variables: { employmentId: employment.id } })
      .then(() => onEnded(employment))
      .catch((failure: unknown) => setError(errorCodeOf(failure instanceof Error ? failure : undefined)));
  };

  if (!confirming) {
    return (
      <p className="record-actions">
        {/* Described by the institution's heading: several of these buttons may be on the page. */}
        <button
          ref={opener}
          type="button"
          className="button button-secondary"
          aria-describedby={`employment-${employment.id}-name`}
          onClick={() => setConfirming(true)}
        >
          {t('profile.employment.end')}
        </button>
      </p>
    );
  }
  return (
    <ConfirmPanel
      id={id}
      question={t('profile.employment.confirmQuestion', { institution })}
      text={t('profile.employment.confirmText')}
      confirmLabel={t('profile.employment.confirm')}
      cancelLabel={t('profile.employment.cancel')}
      busy={loading}
      problem={
        error && (
          <p className="field-problem" role="alert">
            {t(`errors.${error}`)}
          </p>
        )
      }
      onConfirm={confirm}
      onCancel={cancel}
    />
  );
}
