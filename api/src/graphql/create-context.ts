import type { Services } from '../services.js';
import type { RequestContext } from '../common/request-context.js';
import type { Context } from './context.js';
import { createLoaders } from './loaders.js';

/** The context of one request (or one WebSocket connection) for this viewer. */
export function createContext(services: Services, base: RequestContext): Context {
  return {
    ...base,
    loaders: createLoaders(services, base),
    live: {
      scheduleChanges: (groupIds) => services.groups.subscribeToChanges(base, groupIds),
      seatChanges: (groupIds) => services.groups.subscribeToSeats(base, groupIds),
    },
  };
}
