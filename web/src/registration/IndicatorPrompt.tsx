import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { fieldProblemsOf } from '../errors';
import { IndicatorQuestions, indicatorInput, NO_ANSWERS, type IndicatorAnswers } from './IndicatorQuestions';
import { AgeKnownQuery, SubmitIndicatorDataMutation } from './registration-documents';
import { REGISTRATION_REFETCH } from './registrations';

interface Props {
  registration: { id: string; group: { code: string; euProject?: { code: string; nameLv: string; nameEn: string } | null } };
}

/**
 * A coordinator registered the person into a project group: the ESF+ answers are still missing.
 * "Manas mācības" asks for them here, once.
 */
export function IndicatorPrompt({ registration }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState<IndicatorAnswers>(NO_ANSWERS);
  const [tried, setTried] = useState(false);
  const project = registration.group.euProject;
  const ageKnown = useQuery(AgeKnownQuery, { skip: !open });
  const [submit, { loading, error }] = useMutation(SubmitIndicatorDataMutation, { refetchQueries: REGISTRATION_REFETCH, awaitRefetchQueries: true });
  if (!project) return null;
  const consentProblem = fieldProblemsOf(error).some((p) => p.field === 'indicatorData.consent');

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!answers.consent || loading) return;
    await submit({ variables: { registrationId: registration.id, input: indicatorInput(answers) } }).catch(() => null);
  };

  return (
    <div className="notice notice-info" aria-labelledby={`${ids}-title`} role="region">
      <p id={`${ids}-title`} className="notice-title">
        {t('indicators.missingTitle')}
      </p>
      <p>{t('indicators.missingText', { code: registration.group.code })}</p>
      {!open ? (
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {t('indicators.answer')}
        </button>
      ) : (
        <form onSubmit={(event) => void send(event)}>
          <IndicatorQuestions
            project={project}
            answers={answers}
            onChange={setAnswers}
            askAge={ageKnown.data?.myAgeKnownFromPersonalCode === false}
            consentMissing={!answers.consent && (tried || consentProblem)}
          />
          {error && !consentProblem && <ErrorMessage error={error} />}
          <div className="form-actions">
            <button type="submit" className="button button-primary" aria-disabled={loading || undefined}>
              {t('indicators.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
