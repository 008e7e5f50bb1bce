import { sessionUid, type CalendarEvent } from '../notifications/calendar.js';
import type { Language } from '../people/person.entity.js';
import { placeIn, type Place } from './place.entity.js';

/** Where people follow their sessions in the portal. */
export const MY_TRAINING_PATH = '/manas-macibas';

/** A session as a calendar entry: the same UID in every e-mail and feed, so calendars update it in place. */
export function sessionEvent(
  session: { id: string; startsAt: Date; endsAt: Date; onlineUrl: string | null; sequence: number },
  about: { title: string; groupCode: string; place: Place | undefined; language: Language; publicUrl: string; cancelled: boolean },
): CalendarEvent {
  const place = about.place && placeIn(about.place, about.language);
  const location = place ? [place.name, place.room, place.address].filter(Boolean).join(', ') : session.onlineUrl;
  return {
    uid: sessionUid(session.id, new URL(about.publicUrl).hostname),
    sequence: session.sequence,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    summary: `${about.title} (${about.groupCode})`,
    location: location ?? null,
    // A hybrid session has a room as its location; the link goes in the description.
    description: session.onlineUrl && place ? session.onlineUrl : null,
    url: session.onlineUrl ?? `${about.publicUrl}${MY_TRAINING_PATH}`,
    cancelled: about.cancelled,
  };
}
