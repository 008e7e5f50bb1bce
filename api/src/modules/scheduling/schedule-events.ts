import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionLink, isConnectionError } from '../../db/connection-health.js';
import { coordinates, isStaff, type RequestContext } from '../../common/request-context.js';
import { SCHEDULE_EXPECTING_STATUSES, SEAT_HOLDING_STATUSES } from '../registration/registration.entity.js';
import { ScheduleChange, ScheduleChangeKind } from './schedule-change.entity.js';

/** The PostgreSQL channel that carries change ids between api instances. */
export const SCHEDULE_CHANNEL = 'mps_schedule_change';
/** The channel that carries the ids of groups whose seats changed. */
export const SEATS_CHANNEL = 'mps_group_seats';

/** Seat changes of one group coming close together are sent as one event, this long after the first. */
const SEATS_COALESCE_MS = 100;

@ObjectType({ description: "A group's seats after registrations, cancellations or moves from the waiting list, pushed to open course pages." })
export class GroupSeatsEvent {
  @Field(() => ID)
  groupId: string;

  @Field(() => Int)
  seatsTaken: number;

  @Field(() => Int)
  seatsLeft: number;

  @Field({ description: 'No seat left: a new registration would go to the waiting list.' })
  isFull: boolean;
}

/** Announces a group's changed seats: inside the transaction that changed them, and after it committed. */
export interface SeatsAnnouncer {
  publishSeats(em: EntityManager, groupId: string): Promise<void>;
  seatsCommitted(groupId: string): void;
}

@ObjectType({ description: "A change of a group's schedule, pushed live to the people it concerns." })
export class ScheduleChangeEvent {
  @Field(() => ID)
  id: string;

  @Field(() => ScheduleChangeKind)
  kind: ScheduleChangeKind;

  @Field(() => ID)
  groupId: string;

  @Field()
  changedAt: Date;

  @Field(() => [ID], { description: 'Sessions added or changed (their current state is in `sessions`).' })
  sessionIds: string[];

  @Field(() => [ID], { description: 'Sessions that no longer exist.' })
  removedSessionIds: string[];
}

/** Who may receive an event: decided once per event and instance, then checked per subscriber in memory. */
interface Audience {
  groupId: string;
  /** Registered people and the group's lecturers. */
  personIds: Set<string>;
  /** A published (or formerly published) group: its course page shows it. */
  listed: boolean;
  coursePublic: boolean;
  allowedInstitutionIds: string[];
}

interface Delivery<T = ScheduleChangeEvent> {
  event: T;
  audience: Audience;
}

/** The most events a slow subscriber may have waiting; older ones are dropped (its page refetches on the next). */
const MAX_QUEUED = 100;

/** Waits between attempts to listen again: from the first up to the longest, doubling. */
const FIRST_RETRY_MS = 250;
const LONGEST_RETRY_MS = 5000;

/**
 * Live schedule changes. With a real PostgreSQL the change id goes out with NOTIFY in the saving
 * transaction (so it is sent exactly when the change commits) and every api instance LISTENs; on
 * embedded PGlite, which has no working LISTEN/NOTIFY and is one process anyway, the saving code
 * hands the change over after commit.
 */
export class ScheduleEvents implements SeatsAnnouncer {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private readonly seatsDue = new Set<string>();
  private seatsTimer: NodeJS.Timeout | null = null;
  private listener: pg.Client | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs = FIRST_RETRY_MS;
  private stopped = false;
  /** Whether this instance hears the changes of the others (/health); always ok on embedded PGlite. */
  readonly link: ConnectionLink;

  constructor(
    private readonly dataSource: DataSource,
    private readonly crossInstance: { databaseUrl: string } | null,
    private readonly log: { info(message: string): void; error(message: string, error?: unknown): void },
    link?: ConnectionLink,
  ) {
    this.link = link ?? new ConnectionLink('Live schedule updates', log);
  }

  /** Listens for the changes of other instances; the first connection must succeed, later ones are retried for as long as it takes. */
  async start(): Promise<void> {
    if (!this.crossInstance) return;
    try {
      await this.listen();
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.seatsTimer) clearTimeout(this.seatsTimer);
    this.emitter.emit('stop');
    const client = this.listener;
    this.listener = null;
    await client?.end().catch(() => {});
  }

  /** Inside the saving transaction. */
  async publish(em: EntityManager, change: ScheduleChange): Promise<void> {
    if (this.crossInstance) await em.query('SELECT pg_notify($1, $2)', [SCHEDULE_CHANNEL, change.id]);
  }

  /** After the saving transaction committed. */
  committed(change: ScheduleChange): void {
    if (!this.crossInstance) void this.dispatch(change.id);
  }

  /** How many subscriptions this instance serves (health and benchmarks). */
  get subscriberCount(): number {
    return this.emitter.listenerCount('change');
  }

  /** How many seat-count subscriptions this instance serves. */
  get seatSubscriberCount(): number {
    return this.emitter.listenerCount('seats');
  }

  /**
   * Events from now on that the viewer may see: staff every one; others those of groups they are
   * registered in or teach, and, for `groupIds` they ask for, changes of listed groups of courses they may see.
   */
  subscribe(ctx: RequestContext, groupIds: readonly string[] | null): AsyncIterableIterator<ScheduleChangeEvent> {
    const wanted = groupIds ? new Set(groupIds) : null;
    const viewer = ctx.viewer;
    return this.stream<ScheduleChangeEvent>('change', ({ audience }) => {
      if (wanted && !wanted.has(audience.groupId)) return false;
      if (isStaff(viewer)) return true;
      if (viewer?.personId && audience.personIds.has(viewer.personId)) return true;
      if (!wanted || !audience.listed) return false;
      return audience.coursePublic || audience.allowedInstitutionIds.some((id) => coordinates(viewer, id));
    });
  }

  /** Inside the transaction that changed a group's seats. */
  async publishSeats(em: EntityManager, groupId: string): Promise<void> {
    if (this.crossInstance) await em.query('SELECT pg_notify($1, $2)', [SEATS_CHANNEL, groupId]);
  }

  /** After that transaction committed. */
  seatsCommitted(groupId: string): void {
    if (!this.crossInstance) this.seatsChanged(groupId);
  }

  /** Seats from now on of the `groupIds` asked for, when the viewer may see the group (as its course page does). */
  subscribeSeats(ctx: RequestContext, groupIds: readonly string[]): AsyncIterableIterator<GroupSeatsEvent> {
    const wanted = new Set(groupIds);
    const viewer = ctx.viewer;
    return this.stream<GroupSeatsEvent>('seats', ({ audience }) => {
      if (!wanted.has(audience.groupId)) return false;
      if (isStaff(viewer)) return true;
      if (viewer?.personId && audience.personIds.has(viewer.personId)) return true;
      if (!audience.listed) return false;
      return audience.coursePublic || audience.allowedInstitutionIds.some((id) => coordinates(viewer, id));
    });
  }

  /** The events of one kind that `allowed` lets through, as an async iterator that ends on return() or stop(). */
  private stream<T>(kind: 'change' | 'seats', allowed: (delivery: Delivery<T>) => boolean): AsyncIterableIterator<T> {
    const queue: T[] = [];
    let waiting: ((result: IteratorResult<T>) => void) | null = null;
    let done = false;
    const onEvent = (delivery: Delivery<T>) => {
      if (done || !allowed(delivery)) return;
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        resolve({ value: delivery.event, done: false });
        return;
      }
      queue.push(delivery.event);
      if (queue.length > MAX_QUEUED) queue.shift();
    };
    const finish = (): Promise<IteratorResult<T>> => {
      if (!done) {
        done = true;
        this.emitter.off(kind, onEvent);
        this.emitter.off('stop', onStop);
        queue.length = 0;
        waiting?.({ value: undefined, done: true });
        waiting = null;
      }
      return Promise.resolve({ value: undefined, done: true });
    };
    const onStop = () => void finish();
    this.emitter.on(kind, onEvent);
    this.emitter.once('stop', onStop);
    return {
      next: () => {
        if (queue.length > 0) return Promise.resolve({ value: queue.shift()!, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (waiting = resolve));
      },
      return: finish,
      throw: async (error) => {
        await finish();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** A group's seats changed (here or on another instance): its event goes out shortly, once for changes close together. */
  private seatsChanged(groupId: string): void {
    if (this.stopped || this.emitter.listenerCount('seats') === 0) return;
    this.seatsDue.add(groupId);
    this.seatsTimer ??= setTimeout(() => {
      this.seatsTimer = null;
      const groupIds = [...this.seatsDue];
      this.seatsDue.clear();
      void this.dispatchSeats(groupIds);
    }, SEATS_COALESCE_MS);
  }

  private async dispatchSeats(groupIds: string[]): Promise<void> {
    if (this.stopped || this.emitter.listenerCount('seats') === 0) return;
    try {
      const rows: { id: string; status: string; max_size: number; visibility: string; allowed: string[]; persons: string[]; taken: number }[] =
        await this.dataSource.query(
          `SELECT g.id, g.status, g.max_size, c.visibility,
                array(SELECT institution_id FROM course_allowed_institution WHERE course_id = c.id)::text[] AS allowed,
                array(SELECT person_id FROM registration WHERE group_id = g.id AND status = ANY($2))::text[] AS persons,
                (SELECT count(*) FROM registration WHERE group_id = g.id AND status = ANY($3))::int AS taken
           FROM course_group g JOIN course c ON c.id = g.course_id
          WHERE g.id = ANY($1::uuid[])`,
          [groupIds, [...SCHEDULE_EXPECTING_STATUSES], [...SEAT_HOLDING_STATUSES]],
        );
      for (const row of rows) {
        const audience: Audience = {
          groupId: row.id,
          personIds: new Set(row.persons),
          listed: row.status !== 'PLANNED',
          coursePublic: row.visibility === 'PUBLIC',
          allowedInstitutionIds: row.allowed,
        };
        const event = Object.assign(new GroupSeatsEvent(), {
          groupId: row.id,
          seatsTaken: row.taken,
          seatsLeft: Math.max(0, row.max_size - row.taken),
          isFull: row.taken >= row.max_size,
        });
        this.emitter.emit('seats', { event, audience } satisfies Delivery<GroupSeatsEvent>);
      }
    } catch (error) {
      if (!this.stopped) this.log.error('A live seat count could not be sent', error);
    }
  }

  /** One LISTEN connection; when it fails, the next is tried after a growing wait, until stop(). */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.crossInstance!.databaseUrl, application_name: 'mps-listen', keepAlive: true });
    this.listener = client;
    let lost = false;
    const onLost = (error: unknown) => {
      if (lost) return;
      lost = true;
      client.end().catch(() => {});
      if (this.stopped || this.listener !== client) return;
      this.listener = null;
      if (isConnectionError(error)) this.link.lost(error);
      else this.log.error('Live schedule updates failed; listening again', error);
      this.retry();
    };
    client.on('notification', (message) => {
      if (!message.payload) return;
      if (message.channel === SCHEDULE_CHANNEL) void this.dispatch(message.payload);
      else if (message.channel === SEATS_CHANNEL) this.seatsChanged(message.payload);
    });
    client.on('error', onLost);
    client.on('end', () => onLost(new Error('Connection terminated')));
    try {
      await client.connect();
      await client.query(`LISTEN ${SCHEDULE_CHANNEL}; LISTEN ${SEATS_CHANNEL}`);
    } catch (error) {
      onLost(error);
      throw error;
    }
    this.retryDelayMs = FIRST_RETRY_MS;
    this.link.restored();
  }

  private retry(): void {
    const delay = this.retryDelayMs;
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, LONGEST_RETRY_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.listen().catch(() => {}); // onLost has already planned the next attempt
    }, delay);
    this.retryTimer.unref();
  }

  /** Loads the change and its audience once, then offers it to every local subscriber. */
  private async dispatch(changeId: string): Promise<void> {
    if (this.stopped || this.emitter.listenerCount('change') === 0) return;
    try {
      const change = await this.dataSource.getRepository(ScheduleChange).findOneBy({ id: changeId });
      if (!change) return;
      const lecturerIds = change.sessions.flatMap((r) => [r.before?.lecturerId, r.after?.lecturerId]).filter((id): id is string => !!id);
      const [row]: { status: string; visibility: string; allowed: string[]; persons: string[] }[] = await this.dataSource.query(
        `SELECT g.status, c.visibility,
                array(SELECT institution_id FROM course_allowed_institution WHERE course_id = c.id)::text[] AS allowed,
                array(SELECT person_id FROM registration WHERE group_id = g.id AND status = ANY($2)
                      UNION SELECT l.person_id FROM lecturer l
                             WHERE l.person_id IS NOT NULL
                               AND (l.id = ANY($3::uuid[]) OR l.id IN (SELECT s.lecturer_id FROM session s WHERE s.group_id = g.id)))::text[] AS persons
           FROM course_group g JOIN course c ON c.id = g.course_id
          WHERE g.id = $1`,
        [change.groupId, [...SCHEDULE_EXPECTING_STATUSES], lecturerIds],
      );
      if (!row) return;
      const audience: Audience = {
        groupId: change.groupId,
        personIds: new Set(row.persons),
        listed: row.status !== 'PLANNED',
        coursePublic: row.visibility === 'PUBLIC',
        allowedInstitutionIds: row.allowed,
      };
      const event = Object.assign(new ScheduleChangeEvent(), {
        id: change.id,
        kind: change.kind,
        groupId: change.groupId,
        changedAt: change.changedAt,
        sessionIds: change.sessions.filter((r) => r.after).map((r) => r.sessionId),
        removedSessionIds: change.sessions.filter((r) => !r.after).map((r) => r.sessionId),
      });
      this.emitter.emit('change', { event, audience } satisfies Delivery);
    } catch (error) {
      if (!this.stopped) this.log.error('A live schedule update could not be sent', error);
    }
  }
}
