import { useSubscription } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleChangedSubscription as ScheduleChangedResult } from '../gql/graphql';
import { onLiveReconnected } from '../live';
import { ScheduleChangedSubscription } from './schedule-documents';

export type ScheduleChange = ScheduleChangedResult['scheduleChanged'];

/** Long enough to notice the change after hearing or reading the notice. */
const HIGHLIGHT_MS = 10_000;

export interface LiveSchedule {
  /** The last change, announced once the page shows it. */
  lastChange: ScheduleChange | null;
  /** Sessions added or changed by it, highlighted for a while. */
  changedSessionIds: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Keeps a page's schedule current: on every schedule change the api pushes (R-SCH-3) the page's
 * query is fetched again, then the change is announced and its sessions highlighted. After the
 * socket was away the query is fetched again too, as changes may have been missed meanwhile.
 *
 * `groupIds` null: the signed-in person's own groups; otherwise those groups (a course page).
 */
export function useLiveSchedule({
  groupIds,
  skip,
  refetch,
}: {
  groupIds: readonly string[] | null;
  skip: boolean;
  refetch: () => Promise<unknown>;
}): LiveSchedule {
  const [lastChange, setLastChange] = useState<ScheduleChange | null>(null);
  const [changedSessionIds, setChangedSessionIds] = useState<ReadonlySet<string>>(NONE);
  // The latest refetch, without resubscribing when the page hands a new function.
  const refetchRef = useRef(refetch);
  refetchRef.current = refetch;

  useSubscription(ScheduleChangedSubscription, {
    variables: groupIds ? { groupIds: [...groupIds] } : {},
    skip,
    ignoreResults: true,
    onData: ({ data }) => {
      const change = data.data?.scheduleChanged;
      if (!change) return;
      // Announced once the page shows it; a failed refetch leaves the page as it was, so it still is news.
      void refetchRef
        .current()
        .catch(() => undefined)
        .then(() => {
          setLastChange(change);
          setChangedSessionIds(new Set(change.sessionIds));
        });
    },
  });

  useEffect(() => (skip ? undefined : onLiveReconnected(() => void refetchRef.current().catch(() => undefined))), [skip]);

  useEffect(() => {
    if (changedSessionIds.size === 0) return;
    const timer = setTimeout(() => setChangedSessionIds(NONE), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [changedSessionIds]);

  return { lastChange, changedSessionIds };
}

/**
 * The polite announcement of a schedule change. The region is always in the page, so screen
 * readers announce what appears in it; each change replaces the text node, so a second change
 * worded like the first is announced too.
 */
export function ScheduleChangeNotice({ change }: { change: ScheduleChange | null }) {
  const { t } = useTranslation();
  const text = change ? changeText(t, change) : null;
  return (
    <div className="live-notice" role="status" aria-live="polite" data-testid="schedule-change-notice">
      {text && (
        <p key={change!.id} className="notice notice-info">
          {text}
        </p>
      )}
    </div>
  );
}

function changeText(t: ReturnType<typeof useTranslation>['t'], change: ScheduleChange): string {
  const course = change.group.course?.title ?? t('live.unknownCourse');
  const group = change.group.code;
  switch (change.kind) {
    case 'GROUP_CANCELLED':
      return t('live.groupCancelled', { course, group });
    case 'GROUP_CONFIRMED':
      return t('live.groupConfirmed', { course, group });
    case 'SESSIONS_CHANGED':
      return t('live.sessionsChanged', { course, group, count: change.sessionIds.length + change.removedSessionIds.length });
  }
}
