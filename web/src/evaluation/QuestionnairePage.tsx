import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { errorCodeOf } from '../errors';
import { MyQuestionnaireQuery, MyQuestionnairesQuery, SubmitQuestionnaireMutation } from './evaluation-documents';

/** The portal's path of one group's questionnaire; the api's invitation e-mails link here. */
export const questionnairePath = (groupId: string) => `/vertejums/${groupId}`;

const PROBLEMS = ['REQUIRED', 'OUT_OF_RANGE', 'UNKNOWN_OPTION', 'ONE_OPTION', 'LENGTH'] as const;
type Problem = (typeof PROBLEMS)[number] | 'UNKNOWN';
interface Draft {
  scale?: number;
  optionIds?: string[];
  text?: string;
}

/**
 * Filling the evaluation questionnaire (R-AFT-1): every question kind, required ones marked;
 * problems are shown next to their question in the user's language, and nothing typed is lost.
 */
export function QuestionnairePage() {
  const { t, i18n } = useTranslation();
  const { groupId = '' } = useParams();
  const { data, loading, error } = useQuery(MyQuestionnaireQuery, { variables: { groupId } });
  const [submit, { loading: sending }] = useMutation(SubmitQuestionnaireMutation, { refetchQueries: [MyQuestionnairesQuery] });
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [problems, setProblems] = useState<Record<string, Problem>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const heading = <PageHeading title={t('evaluation.title')}>{t('evaluation.title')}</PageHeading>;
  const questionnaire = data?.myQuestionnaire;
  const en = i18n.language === 'en';
  const text = (item: { textLv: string; textEn: string }) => (en && item.textEn ? item.textEn : item.textLv);

  if (loading && !questionnaire) return <div className="questionnaire">{heading}</div>;
  if (error || !questionnaire) {
    return (
      <div className="questionnaire">
        {heading}
        <p role="alert">{t(`errors.${errorCodeOf(error)}`)}</p>
        <Link to="/manas-macibas">{t('evaluation.back')}</Link>
      </div>
    );
  }
  if (done || questionnaire.completed) {
    return (
      <div className="questionnaire">
        {heading}
        <div className="notice notice-success" role="status" data-testid="questionnaire-thanks">
          <p className="notice-title">{t('evaluation.thanks')}</p>
          <p>{t('evaluation.thanksHint')}</p>
        </div>
        <Link to="/manas-macibas">{t('evaluation.back')}</Link>
      </div>
    );
  }

  const change = (questionId: string, draft: Draft) => setDrafts((all) => ({ ...all, [questionId]: { ...all[questionId], ...draft } }));
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const answers = questionnaire.questions.map((q) => ({
      questionId: q.id,
      scale: drafts[q.id]?.scale ?? null,
      optionIds: drafts[q.id]?.optionIds ?? null,
      text: drafts[q.id]?.text ?? null,
    }));
    try {
      await submit({ variables: { groupId, answers } });
      setProblems({});
      setDone(true);
    } catch (e) {
      const fields =
        CombinedGraphQLErrors.is(e) && Array.isArray(e.errors[0]?.extensions?.fields)
          ? (e.errors[0].extensions.fields as { field: string; code: string }[])
          : [];
      const found: Record<string, Problem> = Object.fromEntries(
        fields.map((f) => [f.field.replace(/^answers\./, ''), PROBLEMS.includes(f.code as never) ? (f.code as Problem) : 'UNKNOWN']),
      );
      setProblems(found);
      if (fields.length === 0) setFailure(t(`errors.${errorCodeOf(CombinedGraphQLErrors.is(e) ? e : undefined)}`));
      const first = questionnaire.questions.find((q) => found[q.id]);
      if (first) document.getElementById(`question-${first.id}`)?.focus();
    }
  };

  return (
    <div className="questionnaire">
      {heading}
      <p className="lead">{t('evaluation.about', { course: questionnaire.courseTitle, group: questionnaire.groupCode })}</p>
      <p>{t('evaluation.anonymous')}</p>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="profile-form">
        {Object.keys(problems).length > 0 && (
          <p role="alert" className="notice notice-error">
            {t('evaluation.fix')}
          </p>
        )}
        {failure && (
          <p role="alert" className="notice notice-error">
            {failure}
          </p>
        )}
        {questionnaire.questions.map((q) => {
          const problemId = `question-${q.id}-problem`;
          const problem = problems[q.id];
          const label = (
            <>
              {text(q)}
              {q.required && <span aria-hidden="true"> *</span>}
              {q.required && <span className="visually-hidden"> ({t('evaluation.required')})</span>}
            </>
          );
          const describedBy = problem ? problemId : undefined;
          const problemText = problem && (
            <p id={problemId} className="field-problem" data-testid={`problem-${q.id}`}>
              {t(`evaluation.problems.${problem}`)}
            </p>
          );
          if (q.kind === 'TEXT') {
            return (
              <div key={q.id} className="field">
                <label htmlFor={`question-${q.id}`}>{label}</label>
                <textarea
                  id={`question-${q.id}`}
                  rows={4}
                  maxLength={4000}
                  value={drafts[q.id]?.text ?? ''}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={describedBy}
                  aria-required={q.required || undefined}
                  onChange={(event) => change(q.id, { text: event.target.value })}
                />
                {problemText}
              </div>
            );
          }
          const choices =
            q.kind === 'SCALE'
              ? [1, 2, 3, 4, 5].map((n) => ({ id: String(n), label: n === 1 ? t('evaluation.scaleLow') : n === 5 ? t('evaluation.scaleHigh') : String(n) }))
              : q.options.map((o) => ({ id: o.id, label: text(o) }));
          const multiple = q.kind === 'MULTIPLE_CHOICE';
          const checked = (id: string) => (q.kind === 'SCALE' ? drafts[q.id]?.scale === Number(id) : (drafts[q.id]?.optionIds ?? []).includes(id));
          const toggle = (id: string, on: boolean) => {
            if (q.kind === 'SCALE') return change(q.id, { scale: Number(id) });
            const now = drafts[q.id]?.optionIds ?? [];
            change(q.id, { optionIds: multiple ? (on ? [...now, id] : now.filter((x) => x !== id)) : [id] });
          };
          return (
            <fieldset key={q.id} id={`question-${q.id}`} tabIndex={-1} className="field" aria-describedby={describedBy}>
              <legend>{label}</legend>
              {choices.map((choice) => (
                <label key={choice.id} className="choice">
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={`question-${q.id}`}
                    value={choice.id}
                    checked={checked(choice.id)}
                    onChange={(event) => toggle(choice.id, event.target.checked)}
                  />{' '}
                  {choice.label}
                </label>
              ))}
              {problemText}
            </fieldset>
          );
        })}
        <button type="submit" className="button" disabled={sending}>
          {t('evaluation.submit')}
        </button>
      </form>
    </div>
  );
}

/** "Manas mācības": questionnaires waiting to be filled. */
export function MyQuestionnaires() {
  const { t } = useTranslation();
  const { data } = useQuery(MyQuestionnairesQuery, { fetchPolicy: 'cache-and-network' });
  const open = (data?.myQuestionnaires ?? []).filter((q) => !q.completed);
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="my-questionnaires" data-testid="my-questionnaires" className="panel">
      <h2 id="my-questionnaires">{t('evaluation.toFill')}</h2>
      <ul>
        {open.map((q) => (
          <li key={q.groupId}>
            <Link to={questionnairePath(q.groupId)}>{t('evaluation.fill', { course: q.courseTitle, group: q.groupCode })}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
