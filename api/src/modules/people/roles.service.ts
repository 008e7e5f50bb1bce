import type { DataSource, EntityManager } from 'typeorm';
import { isStaff, type RequestContext } from '../../common/request-context.js';
import { ForbiddenError, NotFoundError, Problems, ValidationError } from '../../common/errors.js';
import { isUuid, pageWindow, validIds, type Page, type PageArgs } from '../../common/pagination.js';
import { inTransaction } from '../../db/transaction.js';
import { foldedSql, searchTerms } from '../catalog/search-text.js';
import { PeopleService } from './people.service.js';
import { Person, PersonRole, UserRole } from './person.entity.js';
import { normalizePersonalCode, personalCodeProblem } from './personal-code.js';
import type { PersonFilter } from './roles.types.js';

const SEARCHABLE = foldedSql(`p.given_name || ' ' || p.family_name || ' ' || coalesce(p.email, '')`);

/** Roles granted rather than derived from records (R-ID-7); only an administrator grants them. */
const GRANTABLE: readonly UserRole[] = [UserRole.STAFF, UserRole.ADMIN];

/**
 * Who has which role (R-ID-7). PARTICIPANT is everyone; COORDINATOR follows from appointments and
 * LECTURER from a linked lecturer record; STAFF and ADMIN are granted, by an administrator, never
 * by a person to themself. A change takes effect at the person's next request.
 */
export class RolesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleService,
  ) {}

  /** Staff: people by name, e-mail, personal code or role, by family name. */
  async listPeople(ctx: RequestContext, filter: PersonFilter = {}, pageArgs?: PageArgs): Promise<Page<Person>> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 20 }, problems);
    const q = filter.q?.trim() ?? '';
    problems.check(q.length <= 200, 'filter.q', 'TOO_LONG', 'q must be at most 200 characters');
    const qb = this.dataSource.getRepository(Person).createQueryBuilder('p');
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 'p.id IN (:...ids)' : 'false', { ids: filter.ids });
    problems.throwIfAny();
    const code = q && personalCodeProblem(q) === null ? normalizePersonalCode(q) : null;
    if (code) {
      const person = await this.people.findByPersonalCode(this.dataSource.manager, code);
      qb.andWhere(person ? 'p.id = :codePerson' : 'false', { codePerson: person?.id });
    } else {
      searchTerms(q).forEach((word, i) => qb.andWhere(`${SEARCHABLE} LIKE :q${i}`, { [`q${i}`]: `%${word}%` }));
    }
    if (filter.role) qb.andWhere(roleCondition(filter.role));
    const [items, total] = await qb
      .orderBy('p.family_name')
      .addOrderBy('p.given_name')
      .addOrderBy('p.id')
      .offset(window.offset)
      .limit(window.limit)
      .getManyAndCount();
    return { items, total };
  }

  /** Every role of each person, as a session of theirs would have it now. */
  async rolesByPersonIds(ids: readonly string[]): Promise<Map<string, UserRole[]>> {
    const rows: { id: string; granted: UserRole[]; coordinates: boolean; lectures: boolean }[] = await this.dataSource.query(
      `SELECT p.id,
              array(SELECT role FROM person_role r WHERE r.person_id = p.id ORDER BY role)::text[] AS granted,
              EXISTS (SELECT 1 FROM institution_coordinator c WHERE c.person_id = p.id) AS coordinates,
              EXISTS (SELECT 1 FROM lecturer l WHERE l.person_id = p.id) AS lectures
         FROM person p WHERE p.id = ANY($1)`,
      [ids],
    );
    return new Map(
      rows.map((row) => {
        const roles = [UserRole.PARTICIPANT];
        if (row.coordinates) roles.push(UserRole.COORDINATOR);
        if (row.lectures) roles.push(UserRole.LECTURER);
        roles.push(...GRANTABLE.filter((role) => row.granted.includes(role)));
        return [row.id, roles];
      }),
    );
  }

  /** An administrator grants STAFF or ADMIN to someone else; granting a role they have changes nothing. */
  grantRole(ctx: RequestContext, personId: string, role: UserRole): Promise<Person> {
    return this.changeRole(ctx, personId, role, async (em) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(PersonRole)
        .values({ personId, role: role as PersonRole['role'] })
        .orIgnore()
        .execute();
    });
  }

  /** An administrator withdraws STAFF or ADMIN from someone else; withdrawing a role they lack changes nothing. */
  withdrawRole(ctx: RequestContext, personId: string, role: UserRole): Promise<Person> {
    return this.changeRole(ctx, personId, role, async (em) => {
      await em.delete(PersonRole, { personId, role });
    });
  }

  private async changeRole(ctx: RequestContext, personId: string, role: UserRole, change: (em: EntityManager) => Promise<void>): Promise<Person> {
    if (!ctx.viewer?.roles.includes(UserRole.ADMIN)) throw new ForbiddenError('Only an administrator grants or withdraws the staff and administrator roles');
    if (!GRANTABLE.includes(role)) {
      throw new ValidationError([
        { field: 'role', code: 'NOT_GRANTABLE', message: 'Only STAFF and ADMIN are granted; coordinators are appointed and lecturers linked' },
      ]);
    }
    if (personId === ctx.viewer.personId) throw new ForbiddenError('Nobody changes their own roles');
    return inTransaction(this.dataSource, async (em) => {
      const person = isUuid(personId) ? await em.findOneBy(Person, { id: personId }) : null;
      if (!person) throw new NotFoundError('Person', personId);
      await change(em);
      return person;
    });
  }
}

/** SQL that holds for a person with the role now (`p` is the person). */
function roleCondition(role: UserRole): string {
  switch (role) {
    case UserRole.PARTICIPANT:
      return 'true';
    case UserRole.COORDINATOR:
      return 'EXISTS (SELECT 1 FROM institution_coordinator c WHERE c.person_id = p.id)';
    case UserRole.LECTURER:
      return 'EXISTS (SELECT 1 FROM lecturer l WHERE l.person_id = p.id)';
    default:
      return `EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = p.id AND r.role = '${role === UserRole.ADMIN ? 'ADMIN' : 'STAFF'}')`;
  }
}
