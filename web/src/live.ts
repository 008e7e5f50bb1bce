import { createClient } from 'graphql-ws';

/** Queries and mutations (HTTP) and subscriptions (WebSocket) share one path. */
export const GRAPHQL_PATH = '/graphql';
const MAX_RETRY_DELAY_MS = 30_000;
/** Leaving one page for another ends one subscription and starts the next: keep the socket meanwhile. */
const KEEP_IDLE_SOCKET_MS = 3_000;
/** Application close code (4000–4999) for "reconnect now"; graphql-ws retries every non-fatal close. */
const RESTART_CLOSE_CODE = 4205;

function webSocketUrl(): string {
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${window.location.host}${GRAPHQL_PATH}`;
}

let socket: WebSocket | null = null;
let restartRequested = false;
const reconnectListeners = new Set<() => void>();

/**
 * The WebSocket for subscriptions. It opens with the first subscription; the session cookie and
 * the language cookie go with the upgrade request, which is how the api knows who is listening
 * and in which language to answer. A lost connection is retried without end and without telling
 * the person (the pages refetch once it is back, see onLiveReconnected).
 */
export const liveClient = createClient({
  url: webSocketUrl(),
  lazy: true,
  lazyCloseTimeout: KEEP_IDLE_SOCKET_MS,
  retryAttempts: Infinity,
  // Not only clean closes: a socket that fails to open (server restarting, network gone) is retried too.
  shouldRetry: () => true,
  retryWait: async (retries) => {
    if (restartRequested) {
      restartRequested = false;
      return;
    }
    const delay = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** retries) + Math.random() * 1000;
    await new Promise((resolve) => setTimeout(resolve, delay));
  },
  on: {
    opened: (opened) => {
      socket = opened as WebSocket;
    },
    connected: (_socket, _payload, wasRetry) => {
      if (restartRequested) {
        // Asked to restart while this socket was still opening with the old cookies.
        socket?.close(RESTART_CLOSE_CODE, 'Client restart');
        return;
      }
      if (wasRetry) reconnectListeners.forEach((listener) => listener());
    },
    closed: () => {
      socket = null;
    },
  },
});

/**
 * Reconnects at once, so that the api reads the cookies again: after the language changed, the
 * texts it puts in events (course titles) follow the new language. Subscriptions carry on.
 */
export function restartLiveConnection(): void {
  if (!socket) return;
  restartRequested = true;
  if (socket.readyState === WebSocket.OPEN) socket.close(RESTART_CLOSE_CODE, 'Client restart');
}

/** Called after the socket came back: events sent while it was away are lost, so what is shown must be fetched again. */
export function onLiveReconnected(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}
