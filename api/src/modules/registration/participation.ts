import { registerEnumType } from 'type-graphql';
import { GroupStatus, type Group } from '../scheduling/group.entity.js';
import { RegistrationStatus, type Registration } from './registration.entity.js';

/** Where a person stands with a course, as the profile's history shows it (R-HIS-1). */
export enum Participation {
  WAITING = 'WAITING',
  CONFIRMED = 'CONFIRMED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(Participation, {
  name: 'Participation',
  description:
    'WAITING: on the waiting list. CONFIRMED: holds a seat in a group still ahead or running. COMPLETED: held a seat in a group that is ' +
    'COMPLETED or whose last session has ended. CANCELLED: the registration or the whole group was cancelled.',
});

/** The rule behind `Registration.participation`; `groupEndsAt` is the end of the group's last session, null without sessions. */
export function participationOf(
  registration: Pick<Registration, 'status'>,
  group: Pick<Group, 'status'> | null,
  groupEndsAt: Date | null,
  now: Date,
): Participation {
  if (registration.status === RegistrationStatus.CANCELLED || group?.status === GroupStatus.CANCELLED) return Participation.CANCELLED;
  if (registration.status === RegistrationStatus.WAITING) return Participation.WAITING;
  const ended = group?.status === GroupStatus.COMPLETED || (!!groupEndsAt && groupEndsAt.getTime() < now.getTime());
  return ended ? Participation.COMPLETED : Participation.CONFIRMED;
}
