import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/request-context.js';
import { ForbiddenError, Problems } from '../../common/errors.js';
import { inTransaction } from '../../db/transaction.js';
import { HELP_SETTINGS_ID, HelpSettings } from './help-settings.entity.js';
import type { HelpSettingsInput } from './help-settings.types.js';

const MAX_URL_LENGTH = 2000;

/** Only https, and no credentials in the address: the portal shows it to everyone as a link. */
function isPublicHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** The help page's settings (R-SUP-2): anyone reads them, staff change them. */
export class HelpSettingsService {
  constructor(private readonly dataSource: DataSource) {}

  async get(): Promise<HelpSettings> {
    return this.dataSource.getRepository(HelpSettings).findOneByOrFail({ id: HELP_SETTINGS_ID });
  }

  async update(ctx: RequestContext, input: HelpSettingsInput): Promise<HelpSettings> {
    if (ctx.viewer?.kind !== 'person') throw new ForbiddenError();
    const updatedById = ctx.viewer.personId;
    const videoUrl = input.videoUrl?.trim() || null;
    const problems = new Problems();
    if (videoUrl) {
      problems.check(videoUrl.length <= MAX_URL_LENGTH, 'videoUrl', 'LENGTH', `videoUrl must be at most ${MAX_URL_LENGTH} characters`);
      problems.check(isPublicHttpsUrl(videoUrl), 'videoUrl', 'INVALID_URL', 'videoUrl must be an https address');
    }
    problems.throwIfAny();
    return inTransaction(this.dataSource, async (em) => {
      const settings = await em.findOneByOrFail(HelpSettings, { id: HELP_SETTINGS_ID });
      Object.assign(settings, { videoUrl, updatedAt: new Date(), updatedById });
      return em.save(settings);
    });
  }
}
