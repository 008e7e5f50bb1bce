import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { errorCodeOf, type ErrorCode } from '../errors';
import { useFormat } from '../format';
import { graphql } from '../gql';
import { ConfirmPanel } from './FormParts';
import { SECTIONS, headingIdOf } from './sections';

const MyCalendarFeedQuery = graphql(`
  query MyCalendarFeed {
    myCalendarFeed {
      createdAt
      lastUsedAt
    }
  }
`);

const CreateMyCalendarFeedMutation = graphql(`
  mutation CreateMyCalendarFeed {
    createMyCalendarFeed {
      url
      createdAt
    }
  }
`);

const RevokeMyCalendarFeedMutation = graphql(`
  mutation RevokeMyCalendarFeed {
    revokeMyCalendarFeed
  }
`);

type Confirming = 'replace' | 'revoke' | null;

/**
 * "Kalendārs" (R-SCH-4): a private link calendar programs subscribe to. The api keeps only a hash
 * of it, so the link is shown once, right after it is made; making a new one or turning it off
 * stops the old one, and both are asked first.
 */
export function CalendarFeed() {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = headingIdOf('calendar');
  const heading = useRef<HTMLHeadingElement>(null);
  const urlField = useRef<HTMLInputElement>(null);
  const { data, error, loading, refetch } = useQuery(MyCalendarFeedQuery);
  const [create, creating] = useMutation(CreateMyCalendarFeedMutation);
  const [revoke, revoking] = useMutation(RevokeMyCalendarFeedMutation);
  const [createdUrl, setCreatedUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const busy = creating.loading || revoking.loading;
  const feed = data?.myCalendarFeed ?? null;
  const replaceOpener = useRef<HTMLButtonElement>(null);
  const revokeOpener = useRef<HTMLButtonElement>(null);
  // Set when a question is dismissed: focus goes back to the button that asked it.
  const returnFocusTo = useRef<Confirming>(null);

  useEffect(() => {
    if (confirming || !returnFocusTo.current) return;
    (returnFocusTo.current === 'replace' ? replaceOpener : revokeOpener).current?.focus();
    returnFocusTo.current = null;
  }, [confirming]);

  const cancelConfirm = () => {
    returnFocusTo.current = confirming;
    setConfirming(null);
    setFailure(null);
  };

  // A new link is shown once: focus goes to it, so it can be copied at once (and is read out with its label).
  useEffect(() => {
    if (createdUrl) urlField.current?.focus();
  }, [createdUrl]);

  const makeLink = (replacing: boolean) => {
    if (busy) return;
    setFailure(null);
    setMessage(null);
    create({
      update: (cache, { data: created }) => {
        if (!created) return;
        const { createdAt } = created.createMyCalendarFeed;
        cache.writeQuery({ query: MyCalendarFeedQuery, data: { myCalendarFeed: { __typename: 'CalendarFeedInfo', createdAt, lastUsedAt: null } } });
      },
    })
      .then(({ data: created }) => {
        if (!created) throw new Error('createMyCalendarFeed answered without data');
        setConfirming(null);
        setCreatedUrl(created.createMyCalendarFeed.url);
        setMessage(replacing ? t('profile.calendar.replaced') : t('profile.calendar.created'));
      })
      .catch((e: unknown) => setFailure(errorCodeOf(e instanceof Error ? e : undefined)));
  };

  const turnOff = () => {
    if (busy) return;
    setFailure(null);
    setMessage(null);
    revoke({
      update: (cache) => cache.writeQuery({ query: MyCalendarFeedQuery, data: { myCalendarFeed: null } }),
    })
      .then(() => {
        setConfirming(null);
        setCreatedUrl(null);
        setMessage(t('profile.calendar.revoked'));
        // The buttons that were pressed are gone: the section's heading takes focus, the status says what happened.
        heading.current?.focus();
      })
      .catch((e: unknown) => setFailure(errorCodeOf(e instanceof Error ? e : undefined)));
  };

  const copy = () => {
    if (!createdUrl) return;
    urlField.current?.select();
    navigator.clipboard
      .writeText(createdUrl)
      .then(() => setMessage(t('profile.calendar.copied')))
      // Without clipboard access (an older browser, a policy) the link is selected: the person copies it themselves.
      .catch(() => setMessage(t('profile.calendar.copyByHand')));
  };

  return (
    <section className="panel" id={SECTIONS.calendar} aria-labelledby={headingId} data-testid="profile-calendar">
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {t('profile.calendar.heading')}
      </h2>
      <p>{t('profile.calendar.intro')}</p>
      <p className="field-hint">{t('profile.calendar.howTo')}</p>

      {error && !data ? (
        <ErrorMessage error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <p className="loading">{t('common.loading')}</p>
      ) : feed ? (
        <dl className="facts facts-inline" data-testid="calendar-feed-state">
          <div>
            <dt>{t('profile.calendar.createdAt')}</dt>
            <dd>
              <time dateTime={feed.createdAt}>{format.dateTime(feed.createdAt)}</time>
            </dd>
          </div>
          <div>
            <dt>{t('profile.calendar.lastUsedAt')}</dt>
            <dd>{feed.lastUsedAt ? <time dateTime={feed.lastUsedAt}>{format.dateTime(feed.lastUsedAt)}</time> : t('profile.calendar.neverUsed')}</dd>
          </div>
        </dl>
      ) : (
        <p data-testid="calendar-feed-state">{t('profile.calendar.none')}</p>
      )}

      {createdUrl && (
        <div className="notice notice-warning calendar-link">
          <p className="notice-title">{t('profile.calendar.shownOnce')}</p>
          <p id="calendar-link-warning">{t('profile.calendar.secret')}</p>
          <div className="field">
            <label htmlFor="calendar-link-url">{t('profile.calendar.urlLabel')}</label>
            <div className="copy-row">
              <input
                ref={urlField}
                id="calendar-link-url"
                type="text"
                readOnly
                value={createdUrl}
                spellCheck={false}
                aria-describedby="calendar-link-warning"
                data-testid="calendar-feed-url"
                onFocus={(event) => event.target.select()}
              />
              <button type="button" className="button button-secondary" onClick={copy}>
                {t('profile.calendar.copy')}
              </button>
            </div>
          </div>
        </div>
      )}

      {failure && (
        <p className="field-problem" role="alert">
          {t(`errors.${failure}`)}
        </p>
      )}

      {data &&
        (confirming ? (
          <ConfirmPanel
            id={`calendar-confirm-${confirming}`}
            question={t(`profile.calendar.${confirming}Question`)}
            text={t(`profile.calendar.${confirming}Text`)}
            confirmLabel={t(`profile.calendar.${confirming}Confirm`)}
            cancelLabel={t('profile.calendar.cancel')}
            busy={busy}
            onConfirm={() => (confirming === 'replace' ? makeLink(true) : turnOff())}
            onCancel={cancelConfirm}
          />
        ) : (
          <div className="form-actions">
            {feed ? (
              <>
                <button ref={replaceOpener} type="button" className="button button-secondary" onClick={() => setConfirming('replace')}>
                  {t('profile.calendar.replace')}
                </button>
                <button ref={revokeOpener} type="button" className="button button-secondary" onClick={() => setConfirming('revoke')}>
                  {t('profile.calendar.revoke')}
                </button>
              </>
            ) : (
              <button type="button" className="button button-primary" aria-disabled={busy || undefined} onClick={() => makeLink(false)}>
                {creating.loading ? t('profile.calendar.creating') : t('profile.calendar.create')}
              </button>
            )}
          </div>
        ))}

      {/* Always in the page, so that what happened is announced when it appears. */}
      <p className="form-saved" role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
