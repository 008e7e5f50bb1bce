/** A published group (OPEN or CONFIRMED) that has not ended yet; SQL over alias `g`. */
export const UPCOMING_PUBLISHED_GROUP = `g.status IN ('OPEN', 'CONFIRMED')
  AND COALESCE((SELECT max(s2.ends_at) FROM session s2 WHERE s2.group_id = g.id), 'infinity') > now()`;
