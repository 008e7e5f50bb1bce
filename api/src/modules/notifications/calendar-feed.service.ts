import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/request-context.js';
import { ForbiddenError } from '../../common/errors.js';
import type { PeopleService } from '../people/people.service.js';
import type { MyScheduleService } from '../scheduling/my-schedule.service.js';
import { buildCalendar } from './calendar.js';
import { CalendarFeed } from './calendar-feed.entity.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A feed is read by calendar programs every few hours: recording every read would be noise. */
const LAST_USED_PRECISION_MS = 60 * 60 * 1000;

export const CALENDAR_PATH = '/calendar';

/**
 * Private calendar feeds (R-SCH-4): a secret URL per person that calendar programs subscribe to.
 * Only the token's hash is kept, so the link is shown once; a new link revokes the old.
 */
export class CalendarFeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mySchedule: MyScheduleService,
    private readonly people: PeopleService,
    private readonly publicUrl: string,
  ) {}

  private personOf(ctx: RequestContext): string {
    if (ctx.viewer?.kind !== 'person') throw new ForbiddenError('Only a signed-in person has a calendar feed');
    return ctx.viewer.personId;
  }

  async myFeed(ctx: RequestContext): Promise<CalendarFeed | null> {
    return this.dataSource.getRepository(CalendarFeed).findOneBy({ personId: this.personOf(ctx) });
  }

  /** A new secret link; the previous one, if any, stops working. */
  async createMyFeed(ctx: RequestContext): Promise<{ url: string; createdAt: Date }> {
    const personId = this.personOf(ctx);
    const token = randomBytes(32).toString('base64url');
    const createdAt = new Date();
    await this.dataSource.query(
      `INSERT INTO calendar_feed (person_id, token_hash, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at, last_used_at = NULL`,
      [personId, hashToken(token), createdAt],
    );
    return { url: `${this.publicUrl}${CALENDAR_PATH}/${token}.ics`, createdAt };
  }

  async revokeMyFeed(ctx: RequestContext): Promise<boolean> {
    const result = await this.dataSource.getRepository(CalendarFeed).delete({ personId: this.personOf(ctx) });
    return (result.affected ?? 0) > 0;
  }

  /** The feed behind a token, or null for an unknown or revoked one. */
  async calendarForToken(token: string): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const feed = await this.dataSource.getRepository(CalendarFeed).findOneBy({ tokenHash: hashToken(token) });
    if (!feed) return null;
    if (!feed.lastUsedAt || Date.now() - feed.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
      await this.dataSource.getRepository(CalendarFeed).update({ personId: feed.personId }, { lastUsedAt: new Date() });
    }
    const contact = (await this.people.contactsByIds([feed.personId])).get(feed.personId);
    const language = contact?.language ?? ('lv' as never);
    const events = await this.mySchedule.calendarEventsOfPerson(feed.personId, language, this.publicUrl);
    return buildCalendar({
      method: 'PUBLISH',
      events,
      calendarName: language === 'en' ? 'My training (School of Public Administration)' : 'Manas mācības (VAS)',
    });
  }
}
