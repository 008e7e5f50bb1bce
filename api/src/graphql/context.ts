import type { RequestContext } from '../common/request-context.js';
import type { GroupSeatsEvent, ScheduleChangeEvent } from '../modules/scheduling/schedule-events.js';
import type { Loaders } from './loaders.js';

/** The GraphQL context: the request context services take, plus what only the GraphQL layer needs. */
export interface Context extends RequestContext {
  loaders: Loaders;
  /** Event streams for subscriptions, already bound to this viewer. */
  live: {
    scheduleChanges(groupIds: readonly string[] | null): AsyncIterableIterator<ScheduleChangeEvent>;
    seatChanges(groupIds: readonly string[]): AsyncIterableIterator<GroupSeatsEvent>;
  };
}
