import express from 'express';
import type { CalendarFeedService } from './calendar-feed.service.js';

/** GET /calendar/<token>.ics: the person's sessions for calendar programs (no cookies; the token is the key). */
export function calendarFeedRoutes(feeds: CalendarFeedService, log: { error(message: string, error?: unknown): void }): express.Router {
  const router = express.Router();
  router.get('/:file', async (req, res) => {
    const token = /^(.+)\.ics$/.exec(req.params.file)?.[1] ?? '';
    try {
      const calendar = await feeds.calendarForToken(token);
      // The token is a secret: keep it and the schedule out of shared caches and referrers.
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Referrer-Policy', 'no-referrer');
      if (calendar === null) return res.status(404).type('text/plain').send('This calendar link is unknown or was revoked.');
      res.type('text/calendar; charset=utf-8').setHeader('Content-Disposition', 'inline; filename="mps.ics"');
      res.send(calendar);
    } catch (error) {
      log.error('A calendar feed failed', error);
      res.status(500).type('text/plain').send('The calendar could not be produced; try again later.');
    }
  });
  return router;
}
