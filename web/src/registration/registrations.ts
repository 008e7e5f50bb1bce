import { CombinedGraphQLErrors, type ErrorLike } from '@apollo/client';
import type { MyRegistrationFieldsFragment } from '../gql/graphql';

/** A registration that holds a seat or a waiting-list place. */
export const isActive = (registration: Pick<MyRegistrationFieldsFragment, 'status'>) =>
  registration.status === 'CONFIRMED' || registration.status === 'WAITING';

/** What changes when a person registers or cancels: seats on the course page, their lists, their sessions. */
export const REGISTRATION_REFETCH = ['CoursePage', 'MyRegistrations', 'MyTraining'];

/** The profile fields a PROFILE_INCOMPLETE refusal names (`extensions.missing`), e.g. `email`, `employer.name`. */
export function missingProfileFieldsOf(error: ErrorLike | undefined): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((e) => (Array.isArray(e.extensions?.missing) ? e.extensions.missing.filter((f): f is string => typeof f === 'string') : []));
}

/** What the registration controls need of a group. */
export interface RegistrableGroup {
  id: string;
  code: string;
  startsAt?: string | null;
  endsAt?: string | null;
  isFull: boolean;
  priceCents?: number | null;
  registrationDeadline?: string | null;
  /** Set: registering asks the ESF+ indicator questions. */
  euProject?: { code: string; nameLv: string; nameEn: string } | null;
}
