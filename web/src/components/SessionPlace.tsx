import { useTranslation } from 'react-i18next';

interface Place {
  name: string;
  room: string | null;
  address: string;
}

/** Where a session takes place: the room and its address, the online link, both (hybrid), or not known yet. */
export function SessionPlace({ place, onlineUrl }: { place: Place | null; onlineUrl: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      {place && (
        <span className="session-place">
          {[place.name, place.room].filter(Boolean).join(', ')}
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
      {!place && !onlineUrl && t('course.noPlace')}
    </>
  );
}
