import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionLink, isConnectionError } from '../../db/connection-health.js';
import { coordinates, isStaff, type RequestContext } from '../../graphql/context.js';
import { SCHEDULE_EXPECTING_STATUSES } from '../registration/registration.entity.js';
import { ScheduleChange, ScheduleChangeKind } from './schedule-change.entity.js';

/** The PostgreSQL channel that carries change ids between api instances. */
export const SCHEDULE_CHANNEL = 'mps_schedule_change';

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

interface Delivery {
  event: ScheduleChangeEvent;
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
export class ScheduleEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
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

  /**
   * Events from now on that the viewer may see: staff every one; others those of groups they are
   * registered in or teach, and, for `groupIds` they ask for, changes of listed groups of courses they may see.
   */
  subscribe(ctx: RequestContext, groupIds: readonly string[] | null): AsyncIterableIterator<ScheduleChangeEvent> {
    const wanted = groupIds ? new Set(groupIds) : null;
    const viewer = ctx.viewer;
    const allowed = ({ audience }: Delivery): boolean => {
      if (wanted && !wanted.has(audience.groupId)) return false;
      if (isStaff(viewer)) return true;
      if (viewer?.personId && audience.personIds.has(viewer.personId)) return true;
      if (!wanted || !audience.listed) return false;
      return audience.coursePublic || audience.allowedInstitutionIds.some((id) => coordinates(viewer, id));
    };

    const queue: ScheduleChangeEvent[] = [];
    let waiting: ((result: IteratorResult<ScheduleChangeEvent>) => void) | null = null;
    let done = false;
    const onChange = (delivery: Delivery) => {
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
    const finish = (): Promise<IteratorResult<ScheduleChangeEvent>> => {
      if (!done) {
        done = true;
        this.emitter.off('change', onChange);
        this.emitter.off('stop', finish);
        queue.length = 0;
        waiting?.({ value: undefined, done: true });
        waiting = null;
      }
      return Promise.resolve({ value: undefined, done: true });
    };
    this.emitter.on('change', onChange);
    this.emitter.once('stop', finish);
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
      if (message.channel === SCHEDULE_CHANNEL && message.payload) void this.dispatch(message.payload);
    });
    client.on('error', onLost);
    client.on('end', () => onLost(new Error('Connection terminated')));
    try {
      await client.connect();
      await client.query(`LISTEN ${SCHEDULE_CHANNEL}`);
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
