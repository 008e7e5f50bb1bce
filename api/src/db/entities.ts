import { AuthSession } from '../modules/auth/auth-session.entity.js';
import { Course, CourseAllowedInstitution } from '../modules/catalog/course.entity.js';
import { Topic } from '../modules/catalog/topic.entity.js';
import { Employment, Institution, InstitutionCoordinator } from '../modules/institutions/institution.entity.js';
import { Person, PersonRole } from '../modules/people/person.entity.js';
import { Registration } from '../modules/registration/registration.entity.js';
import { Group } from '../modules/scheduling/group.entity.js';
import { Lecturer } from '../modules/scheduling/lecturer.entity.js';
import { Place } from '../modules/scheduling/place.entity.js';
import { Session } from '../modules/scheduling/session.entity.js';
import { Foundation1763900000000 } from './migrations/1763900000000-foundation.js';

export const entities = [
  Person, PersonRole, Institution, InstitutionCoordinator, Employment, Topic, Course,
  CourseAllowedInstitution, Lecturer, Place, Group, Session, Registration, AuthSession,
];

/** In order; a new migration is appended here and never edited once it has shipped. */
export const migrations = [Foundation1763900000000];
