import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ErrorMessage } from '../components/ErrorMessage';
import { useFormat } from '../format';
import { graphql } from '../gql';
import { signInHref } from '../me';

const RequestNextGroupMutation = graphql(`
  mutation RequestNextGroup($courseId: ID!) {
    requestNextGroup(courseId: $courseId) {
      id
      createdAt
    }
  }
`);

const WithdrawInterestMutation = graphql(`
  mutation WithdrawInterestRequest($courseId: ID!) {
    withdrawInterestRequest(courseId: $courseId)
  }
`);

interface Props {
  courseId: string;
  signedIn: boolean;
  /** The viewer's request for this course, if they made one. */
  request: { id: string; createdAt: string } | null | undefined;
}

/**
 * "Pieteikties nākamajai grupai" for a course without an open group (manual: the school lets the
 * person know when the next group is created): one request per person and course, withdrawn at will.
 */
export function NextGroupRequest({ courseId, signedIn, request }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { pathname, search } = useLocation();
  const [justAsked, setJustAsked] = useState(false);
  const options = { refetchQueries: ['CoursePage'], awaitRefetchQueries: true };
  const [ask, asking] = useMutation(RequestNextGroupMutation, options);
  const [withdraw, withdrawing] = useMutation(WithdrawInterestMutation, options);
  const error = asking.error ?? withdrawing.error;

  if (!signedIn) {
    return (
      <div className="registration">
        <a className="button button-primary" href={signInHref(pathname + search)}>
          {t('interest.ask')}
        </a>
        <p className="field-hint">{t('interest.signInFirst')}</p>
      </div>
    );
  }
  return (
    <div className="registration" data-testid="next-group-request">
      {request ? (
        <>
          {justAsked && (
            <div className="notice notice-success" role="status">
              <p className="notice-title">{t('interest.done')}</p>
            </div>
          )}
          <p>{t('interest.asked', { date: format.date(request.createdAt) })}</p>
          <button
            type="button"
            className="button button-secondary"
            aria-disabled={withdrawing.loading || undefined}
            onClick={() => {
              if (withdrawing.loading) return;
              setJustAsked(false);
              void withdraw({ variables: { courseId } }).catch(() => {});
            }}
          >
            {t('interest.withdraw')}
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            className="button button-primary"
            aria-disabled={asking.loading || undefined}
            onClick={() => {
              if (asking.loading) return;
              void ask({ variables: { courseId } })
                .then(() => setJustAsked(true))
                .catch(() => {});
            }}
          >
            {t('interest.ask')}
          </button>
          <p className="field-hint">{t('interest.hint')}</p>
        </>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
