/** A benchmark measures the system, not its rate limits: one client sends what thousands of people would. */
export const NO_LIMITS = {
  MPS_LIMIT_GRAPHQL_PER_MINUTE: '0',
  MPS_LIMIT_SIGN_IN_PER_MINUTE: '0',
  MPS_LIMIT_CALENDAR_PER_MINUTE: '0',
  MPS_LIMIT_SOCKETS_PER_CLIENT: '10000',
  MPS_LIMIT_SUBSCRIPTIONS_PER_SOCKET: '10000',
};
