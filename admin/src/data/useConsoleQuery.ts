import { useCallback, useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { ConsoleDataProvider } from './dataProvider';
import type { Values } from './resourceApi';

interface Options<T> {
  /** false: do not read (yet), e.g. until the user has chosen what to read about. */
  enabled?: boolean;
  /** Milliseconds until the next read after an answer (given that answer); false: read no more. */
  refetchInterval?: (data: T | undefined) => number | false;
}

export interface ConsoleQueryResult<T> {
  /** The answer for the current variables; undefined until it arrives. */
  data: T | undefined;
  /** Already translated by the dataProvider. */
  error: Error | null;
  isPending: boolean;
  refetch(): void;
}

interface Answer<T> {
  key: string;
  data?: T;
  error: Error | null;
}

/**
 * One of a resource's `queries` (reads that are not records, e.g. counts or a preview), read when
 * mounted, when the variables change and, with `refetchInterval`, again after each answer.
 */
export function useConsoleQuery<T>(
  resource: string,
  query: string,
  variables: Values = {},
  { refetchInterval, enabled = true }: Options<T> = {},
): ConsoleQueryResult<T> {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const key = JSON.stringify(variables);
  const [round, setRound] = useState(0);
  const [answer, setAnswer] = useState<Answer<T> | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    dataProvider.runQuery(resource, { query, variables: JSON.parse(key) as Values }).then(
      ({ data }) => current && setAnswer({ key, data: data as T, error: null }),
      (error: Error) => current && setAnswer((previous) => ({ key, data: previous?.key === key ? previous.data : undefined, error })),
    );
    return () => {
      current = false;
    };
  }, [dataProvider, resource, query, key, round, enabled]);

  const answered = answer?.key === key ? answer : null;
  const interval = answered && refetchInterval ? refetchInterval(answered.data) : false;
  useEffect(() => {
    if (interval === false) return;
    const timer = setTimeout(() => setRound((n) => n + 1), interval);
    return () => clearTimeout(timer);
  }, [interval, answer]);

  const refetch = useCallback(() => setRound((n) => n + 1), []);
  return { data: answered?.data, error: answered?.error ?? null, isPending: !answered, refetch };
}
