/**
 * Whether the parts of a process that hold their own database connections (the job store, live
 * updates, e-mail delivery) can reach their database now. Each part reports what it sees; the log
 * gets one line when a part loses its connection and one when it has it back, however many
 * attempts fail in between, and /health shows the state of every part.
 */

/** SQLSTATE classes and codes that mean "the server is gone or not taking work", not "this query is wrong". */
const CONNECTION_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006', '08007']);
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const CONNECTION_MESSAGES = [
  /Connection terminated/i,
  /terminating connection/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /Client has encountered a connection error/i,
  /Client was closed and is not queryable/i,
  /timeout exceeded when trying to connect/i,
];
const MONGO_CONNECTION_ERRORS = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoTopologyClosedError',
  'MongoNotConnectedError',
]);

/** True for an error that says the database cannot be reached (it restarts, is down, refuses connections). */
export function isConnectionError(error: unknown): boolean {
  for (
    let e = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown; driverError?: unknown }).driverError ?? (e as { cause?: unknown }).cause, depth++
  ) {
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof code === 'string' && (CONNECTION_SQLSTATES.has(code) || CONNECTION_ERRNOS.has(code))) return true;
    if (typeof name === 'string' && MONGO_CONNECTION_ERRORS.has(name)) return true;
    if (typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return true;
    // Several addresses tried (localhost as ::1 and 127.0.0.1), every one refused.
    if (e instanceof AggregateError && e.errors.some(isConnectionError)) return true;
  }
  return false;
}

/** PostgreSQL's disk_full (53100), e.g. "could not extend file ...: No space left on device", or the system's ENOSPC. */
export function isStorageFull(error: unknown): boolean {
  for (
    let e = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { driverError?: unknown }).driverError ?? (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    if (code === '53100' || code === 'ENOSPC') return true;
  }
  return false;
}

export type LinkState = 'ok' | 'reconnecting';

export interface LinkStatus {
  state: LinkState;
  /** Since when the part has been in this state. */
  since: Date;
  /** Why it is reconnecting (the driver's message, without addresses or passwords). */
  reason?: string;
}

interface HealthLog {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

/** One part's connection: `lost` and `restored` may be called as often as attempts fail and succeed. */
export class ConnectionLink {
  private status: LinkStatus = { state: 'ok', since: new Date() };
  private readonly onRestore = new Set<() => void>();

  constructor(
    /** For the log: "Live schedule updates", "The job store" ... */
    readonly label: string,
    private readonly log: HealthLog,
  ) {}

  get current(): LinkStatus {
    return { ...this.status };
  }

  get ok(): boolean {
    return this.status.state === 'ok';
  }

  lost(error: unknown): void {
    if (this.status.state === 'reconnecting') return;
    const reason = connectionReason(error);
    this.status = { state: 'reconnecting', since: new Date(), reason };
    this.log.error(`${this.label} lost the database connection (${reason}); reconnecting`);
  }

  restored(): void {
    if (this.status.state === 'ok') return;
    const seconds = ((Date.now() - this.status.since.getTime()) / 1000).toFixed(1);
    this.status = { state: 'ok', since: new Date() };
    this.log.info(`${this.label} reconnected to the database after ${seconds} s`);
    for (const listener of this.onRestore) listener();
  }

  /** Calls `listener` every time the connection is back after being lost; returns the way to stop. */
  whenRestored(listener: () => void): () => void {
    this.onRestore.add(listener);
    return () => this.onRestore.delete(listener);
  }
}

/** One line for the log on why the database could not be reached: the code and the driver's first line, no address. */
export function connectionReason(error: unknown): string {
  const message = String((error as Error)?.message ?? error ?? 'connection closed');
  // Drivers name the address (and pg, in a URL, could name a password): the code or first line is enough.
  const code = (error as { code?: unknown })?.code;
  const firstLine = message
    .split('\n')[0]
    .replace(/\b\w+:\/\/\S+/g, '<url>')
    .slice(0, 200);
  return typeof code === 'string' && code ? `${code}: ${firstLine}` : firstLine;
}

/** The links of one process, by name, for /health. */
export class ConnectionHealth {
  private readonly links = new Map<string, ConnectionLink>();

  constructor(private readonly log: HealthLog) {}

  /** The link of a part, made on first use. */
  link(name: string, label: string): ConnectionLink {
    let link = this.links.get(name);
    if (!link) {
      link = new ConnectionLink(label, this.log);
      this.links.set(name, link);
    }
    return link;
  }

  /** Every part that reported so far, by name. */
  report(): Record<string, LinkStatus> {
    return Object.fromEntries([...this.links].map(([name, link]) => [name, link.current]));
  }
}
