import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { useFormat } from '../format';
import { MeQuery } from '../me';
import { FormFooter, ProblemSummary, TextField } from '../profile/FormParts';
import { useSubmitForm } from '../profile/useSubmitForm';
import { AskQuestionMutation, MyQuestionsQuery, QuestionCourseQuery } from '../support/questions-documents';

/** The portal's path of this page; the api's answer e-mails link here. */
export const QUESTIONS_PATH = '/jautajumi';

/**
 * "Uzdot jautājumu" (R-SUP-1): anyone asks the school, about a course (`?kurss=<id>`, from its
 * page) or in general; the answer comes by e-mail, and signed-in people also see it here.
 */
export function QuestionsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const courseId = params.get('kurss');
  const { data: meData } = useQuery(MeQuery);
  const me = meData?.me ?? null;
  const { data: courseData } = useQuery(QuestionCourseQuery, { variables: { id: courseId ?? '' }, skip: !courseId });
  const course = courseId ? (courseData?.course ?? null) : null;
  const { data: mine, refetch } = useQuery(MyQuestionsQuery, { skip: !me });
  const [ask] = useMutation(AskQuestionMutation);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [text, setText] = useState('');

  const form = useSubmitForm({
    fields: { name: t('questions.name'), email: t('questions.email'), text: t('questions.text'), courseId: t('questions.course') },
    submit: async () => {
      const input = { text, courseId: course?.id ?? null, name: name.trim() || null, email: email.trim() || null };
      const { data } = await ask({ variables: { input } });
      if (!data) throw new Error('askQuestion answered without data');
      return data.askQuestion;
    },
    savedMessage: () => t('questions.sent'),
    onSaved: () => {
      setText('');
      if (me) void refetch();
    },
  });
  const questions = mine?.myQuestions ?? [];

  return (
    <div className="questions">
      <PageHeading title={t('questions.title')}>{t('questions.title')}</PageHeading>
      <p className="lead">{t('questions.intro')}</p>
      <p>
        <Link to="/palidziba">{t('questions.help')}</Link>
      </p>
      <section className="panel" aria-labelledby="ask-heading">
        <h2 id="ask-heading">{t('questions.ask')}</h2>
        <form noValidate onSubmit={form.onSubmit} aria-labelledby="ask-heading" className="profile-form">
          <ProblemSummary form={form} />
          {course && (
            <p data-testid="question-course">
              {t('questions.about', { course: course.title })}{' '}
              <button type="button" className="button-link" onClick={() => setParams({}, { replace: true })}>
                {t('questions.notAboutCourse')}
              </button>
            </p>
          )}
          {me ? (
            <p>{t('questions.signedIn', { name: me.person.fullName, email: me.person.email ?? t('questions.noEmail') })}</p>
          ) : (
            <>
              <TextField form={form} field="name" required autoComplete="name" maxLength={200} value={name} onChange={setName} />
              <TextField
                form={form}
                field="email"
                type="email"
                inputMode="email"
                autoComplete="email"
                required
                maxLength={254}
                hint={t('questions.emailHint')}
                value={email}
                onChange={setEmail}
              />
            </>
          )}
          {me && !me.person.email && (
            <TextField
              form={form}
              field="email"
              type="email"
              inputMode="email"
              autoComplete="email"
              required
              maxLength={254}
              hint={t('questions.emailHint')}
              value={email}
              onChange={setEmail}
            />
          )}
          <TextField form={form} field="text" required rows={6} maxLength={4000} hint={t('questions.textHint')} value={text} onChange={setText} />
          <FormFooter form={form} label={t('questions.submit')} />
        </form>
      </section>
      {me && questions.length > 0 && (
        <section className="panel" aria-labelledby="mine-heading">
          <h2 id="mine-heading">{t('questions.mine')}</h2>
          <ul className="record-list" data-testid="my-questions">
            {questions.map((q) => (
              <li key={q.id}>
                <p className="field-hint">
                  {t('questions.askedAt', { date: format.dateTime(q.createdAt) })}
                  {q.course ? ` · ${q.course.title}` : ''} · <span className="tag">{t(`questions.status.${q.status}`)}</span>
                </p>
                <p className="question-text">{q.text}</p>
                {q.answer ? (
                  <div className="question-answer">
                    <h3>{t('questions.answer', { date: format.dateTime(q.answeredAt!) })}</h3>
                    <p>{q.answer}</p>
                  </div>
                ) : (
                  <p>{t('questions.noAnswerYet')}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
