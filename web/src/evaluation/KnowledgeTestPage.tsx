import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { errorCodeOf } from '../errors';
import { useFormat } from '../format';
import type { AttemptFieldsFragment, MyKnowledgeTestQuery as MyKnowledgeTestData } from '../gql/graphql';
import { MyKnowledgeTestQuery, MyKnowledgeTestsQuery, SaveTestAnswersMutation, StartAttemptMutation, SubmitAttemptMutation } from './knowledge-test-documents';

/** The portal's path of one test invitation; the api's invitation e-mails link here. */
export const knowledgeTestPath = (invitationId: string) => `/testi/${invitationId}`;

type Chosen = Record<string, string[]>;
/** Minutes left at which the live region speaks (and at the end): often enough to plan, rare enough not to interrupt. */
const ANNOUNCE_AT_MINUTES = [10, 5, 1];

const toAnswers = (chosen: Chosen) => Object.entries(chosen).map(([questionId, optionIds]) => ({ questionId, optionIds }));

/**
 * Taking a knowledge test (R-AFT-4): the instructions, then the questions as radio or checkbox
 * groups. Every change is saved at once, so a reload or a lost connection loses nothing; a timed
 * attempt shows its countdown and is submitted when the time is up (the server closes it anyway).
 */
export function KnowledgeTestPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(MyKnowledgeTestQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [start, { loading: starting }] = useMutation(StartAttemptMutation);
  const [failure, setFailure] = useState<string | null>(null);
  const test = data?.myKnowledgeTest;
  const heading = <PageHeading title={test?.title ?? t('knowledgeTest.title')}>{test?.title ?? t('knowledgeTest.title')}</PageHeading>;

  if (loading && !test) return <div className="knowledge-test">{heading}</div>;
  if (error || !test) {
    return (
      <div className="knowledge-test">
        {heading}
        <p role="alert">{t(`errors.${errorCodeOf(error)}`)}</p>
        <Link to="/manas-macibas">{t('knowledgeTest.back')}</Link>
      </div>
    );
  }
  const open = test.attempts.find((a) => !a.submittedAt);
  const last = [...test.attempts].reverse().find((a) => a.submittedAt);
  const used = test.attempts.length;

  const onStart = async () => {
    setFailure(null);
    try {
      await start({ variables: { invitationId: test.id } });
      await refetch();
    } catch (e) {
      setFailure(t(`errors.${errorCodeOf(e as never)}`));
    }
  };

  return (
    <div className="knowledge-test">
      {heading}
      <p className="lead">{t('knowledgeTest.about', { course: test.courseTitle, group: test.groupCode })}</p>
      {test.instructions && <p className="knowledge-test-instructions">{test.instructions}</p>}
      <ul className="knowledge-test-facts">
        <li>{t('knowledgeTest.questions', { count: test.questions.length })}</li>
        <li>{t('knowledgeTest.passMark', { percent: test.passPercent, points: test.maxScore })}</li>
        <li>{t('knowledgeTest.attemptsUsed', { count: test.attemptsAllowed, used })}</li>
        {test.timeLimitMinutes && <li>{t('knowledgeTest.timeLimit', { count: test.timeLimitMinutes })}</li>}
      </ul>
      {failure && (
        <p role="alert" className="notice notice-error">
          {failure}
        </p>
      )}
      {open ? (
        <AttemptForm key={open.id} test={test} attempt={open} onClosed={() => void refetch()} />
      ) : (
        <>
          {last && <AttemptResult attempt={last} best={test.best} />}
          {test.canStart ? (
            <button type="button" className="button button-primary" disabled={starting} onClick={() => void onStart()}>
              {used === 0 ? t('knowledgeTest.start') : t('knowledgeTest.again')}
            </button>
          ) : (
            used >= test.attemptsAllowed && <p data-testid="no-attempts-left">{t('knowledgeTest.noAttemptsLeft')}</p>
          )}
          <p>
            <Link to="/manas-macibas">{t('knowledgeTest.back')}</Link>
          </p>
        </>
      )}
    </div>
  );
}

type Test = MyKnowledgeTestData['myKnowledgeTest'];

function AttemptResult({ attempt, best }: { attempt: AttemptFieldsFragment; best: AttemptFieldsFragment | null }) {
  const { t } = useTranslation();
  return (
    <div className={`notice ${attempt.passed ? 'notice-success' : 'notice-warning'}`} role="status" data-testid="test-result">
      <p className="notice-title">{attempt.passed ? t('knowledgeTest.passed') : t('knowledgeTest.failed')}</p>
      <p>{t('knowledgeTest.score', { number: attempt.number, score: attempt.score, max: attempt.maxScore })}</p>
      {attempt.closedBy === 'DEADLINE' && <p>{t('knowledgeTest.closedByDeadline')}</p>}
      {best && best.id !== attempt.id && <p>{t('knowledgeTest.best', { score: best.score, max: best.maxScore })}</p>}
    </div>
  );
}

function AttemptForm({ test, attempt, onClosed }: { test: Test; attempt: AttemptFieldsFragment; onClosed: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const en = i18n.language === 'en';
  const text = (item: { textLv: string; textEn: string }) => (en && item.textEn ? item.textEn : item.textLv);
  const [chosen, setChosen] = useState<Chosen>(() => Object.fromEntries(attempt.answers.map((a) => [a.questionId, a.optionIds])));
  const [save] = useMutation(SaveTestAnswersMutation);
  const [submit, { loading: sending }] = useMutation(SubmitAttemptMutation, { refetchQueries: [MyKnowledgeTestsQuery] });
  const [saved, setSaved] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // Saves go one at a time, the newest answers last: a slow save never overwrites a later one.
  const pending = useRef<Chosen | null>(null);
  const saving = useRef(false);

  const flush = async () => {
    if (saving.current) return;
    saving.current = true;
    while (pending.current) {
      const answers = toAnswers(pending.current);
      pending.current = null;
      setSaved('saving');
      try {
        await save({ variables: { attemptId: attempt.id, answers } });
        setSaved('saved');
      } catch (e) {
        const code = errorCodeOf(e as never);
        setSaved('failed');
        if (code === 'ATTEMPT_CLOSED') {
          saving.current = false;
          return onClosed();
        }
      }
    }
    saving.current = false;
  };

  const change = (questionId: string, optionIds: string[]) => {
    const next = { ...chosen, [questionId]: optionIds };
    setChosen(next);
    pending.current = next;
    void flush();
  };

  const onSubmit = async (withAnswers: boolean) => {
    setFailure(null);
    try {
      await submit({ variables: { attemptId: attempt.id, answers: withAnswers ? toAnswers(chosen) : null } });
    } catch (e) {
      if (errorCodeOf(e as never) !== 'ATTEMPT_CLOSED') return setFailure(t(`errors.${errorCodeOf(e as never)}`));
    }
    onClosed();
  };

  const unanswered = test.questions.filter((q) => !(chosen[q.id]?.length > 0)).length;

  return (
    <form
      noValidate
      className="profile-form"
      aria-labelledby="attempt-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setConfirming(true);
      }}
    >
      <h2 id="attempt-heading">{t('knowledgeTest.attempt', { number: attempt.number })}</h2>
      {attempt.deadlineAt && <Countdown deadline={attempt.deadlineAt} onOver={() => void onSubmit(false)} />}
      {attempt.deadlineAt && <p>{t('knowledgeTest.deadline', { time: format.dateTime(attempt.deadlineAt) })}</p>}
      {test.questions.map((q, index) => (
        <fieldset key={q.id} id={`question-${q.id}`} className="field choice-group">
          <legend>
            {index + 1}. {text(q)} <span className="knowledge-test-points">({t('knowledgeTest.points', { count: q.points })})</span>
            {q.kind === 'MULTIPLE' && <span className="field-hint"> {t('knowledgeTest.chooseAll')}</span>}
          </legend>
          {q.options.map((o) => {
            const on = (chosen[q.id] ?? []).includes(o.id);
            return (
              <label key={o.id} className="choice">
                <input
                  type={q.kind === 'MULTIPLE' ? 'checkbox' : 'radio'}
                  name={`question-${q.id}`}
                  value={o.id}
                  checked={on}
                  onChange={(event) =>
                    change(
                      q.id,
                      q.kind === 'MULTIPLE'
                        ? event.target.checked
                          ? [...(chosen[q.id] ?? []), o.id]
                          : (chosen[q.id] ?? []).filter((x) => x !== o.id)
                        : [o.id],
                    )
                  }
                />{' '}
                {text(o)}
              </label>
            );
          })}
        </fieldset>
      ))}
      <p className="knowledge-test-saved" data-testid="save-state">
        {saved === 'saving'
          ? t('knowledgeTest.saving')
          : saved === 'saved'
            ? t('knowledgeTest.saved')
            : saved === 'failed'
              ? t('knowledgeTest.saveFailed')
              : ''}
      </p>
      {failure && (
        <p role="alert" className="notice notice-error">
          {failure}
        </p>
      )}
      {confirming ? (
        <div role="alertdialog" aria-labelledby="confirm-submit" className="notice notice-warning">
          <p id="confirm-submit" className="notice-title">
            {t('knowledgeTest.confirm')} {unanswered > 0 && t('knowledgeTest.unanswered', { count: unanswered })}
          </p>
          <button type="button" className="button button-primary" disabled={sending} onClick={() => void onSubmit(true)} autoFocus>
            {t('knowledgeTest.confirmYes')}
          </button>{' '}
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
            {t('knowledgeTest.confirmNo')}
          </button>
        </div>
      ) : (
        <button type="submit" className="button button-primary">
          {t('knowledgeTest.submit')}
        </button>
      )}
    </form>
  );
}

/** The time left, shown every second; a screen reader hears it only at a few marks. */
function Countdown({ deadline, onOver }: { deadline: string; onOver: () => void }) {
  const { t } = useTranslation();
  const end = new Date(deadline).getTime();
  const [now, setNow] = useState(() => Date.now());
  const [announced, setAnnounced] = useState('');
  const over = useRef(false);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = Math.max(0, end - now);
  const minutesLeft = Math.ceil(left / 60_000);
  useEffect(() => {
    if (left === 0) {
      setAnnounced(t('knowledgeTest.timeUp'));
      if (!over.current) {
        over.current = true;
        onOver();
      }
    } else if (ANNOUNCE_AT_MINUTES.includes(minutesLeft)) setAnnounced(t('knowledgeTest.minutesLeft', { count: minutesLeft }));
  }, [left, minutesLeft, onOver, t]);
  const seconds = Math.floor(left / 1000);
  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <div className="knowledge-test-timer">
      <p aria-hidden="true" data-testid="countdown">
        {t('knowledgeTest.timeLeft')} <strong>{clock}</strong>
      </p>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announced}
      </p>
    </div>
  );
}

/** "Manas mācības": the tests the person is invited to take. */
export function MyKnowledgeTests() {
  const { t } = useTranslation();
  const { data } = useQuery(MyKnowledgeTestsQuery, { fetchPolicy: 'cache-and-network' });
  const tests = data?.myKnowledgeTests ?? [];
  if (tests.length === 0) return null;
  return (
    <section aria-labelledby="my-tests" data-testid="my-tests" className="panel">
      <h2 id="my-tests">{t('knowledgeTest.mine')}</h2>
      <ul>
        {tests.map((test) => (
          <li key={test.id}>
            <Link to={knowledgeTestPath(test.id)}>{t('knowledgeTest.item', { title: test.title, course: test.courseTitle, group: test.groupCode })}</Link>{' '}
            {test.best ? (
              <span>
                {test.best.passed ? t('knowledgeTest.passed') : t('knowledgeTest.failed')} ({test.best.score}/{test.best.maxScore})
              </span>
            ) : (
              test.canStart && <span>{t('knowledgeTest.toTake')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
