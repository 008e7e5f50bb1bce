import { useTranslation } from 'react-i18next';

/** A place as the API gives it in the reader's language. */
interface Place {
  localName: string;
  localRoom: string | null;
  address: string;
}

interface SessionWhere {
  place: Place | null;
  isOnline: boolean;
  /** Only for the group's confirmed participants, its lecturers and staff. */
  onlineUrl: string | null;
}

/**
 * Where a session takes place: the room and its address, the online link, both (hybrid), or not
 * known yet. Who may not have the link learns only that the session is online.
 */
export function SessionPlace({ session: { place, isOnline, onlineUrl } }: { session: SessionWhere }) {
  const { t } = useTranslation();
  return (
    <>
      {place && (
        <span className="session-place">
          {[place.localName, place.localRoom].filter(Boolean).join(', ')}
          <span className="session-address">{place.address}</span>
        </span>
      )}
      {onlineUrl && (
        <span className="session-online">
          {t('course.online')}:{' '}
          <a href={onlineUrl} rel="noopener noreferrer">
            {t('course.onlineLink')}
          </a>
        </span>
      )}
      {isOnline && !onlineUrl && <span className="session-online">{t('course.onlineForParticipants')}</span>}
      {!place && !isOnline && t('course.noPlace')}
    </>
  );
}
