import { In, IsNull, Not, type DataSource } from 'typeorm';
import type { RequestContext } from '../../graphql/context.js';
import { NotFoundError } from '../../graphql/errors.js';
import { isUuid } from '../../graphql/pagination.js';
import { Person, PersonRole, UserRole } from './person.entity.js';

export class PeopleService {
  constructor(private readonly dataSource: DataSource) {}

  async getPerson(_ctx: RequestContext, id: string): Promise<Person> {
    const person = isUuid(id) ? await this.dataSource.getRepository(Person).findOneBy({ id }) : null;
    if (!person) throw new NotFoundError('Person', id);
    return person;
  }

  personsByIds(ids: readonly string[]): Promise<Person[]> {
    return this.dataSource.getRepository(Person).findBy({ id: In([...ids]) });
  }

  async grantedRoles(personId: string): Promise<UserRole[]> {
    const rows = await this.dataSource.getRepository(PersonRole).findBy({ personId });
    return rows.map((row) => row.role);
  }

  /** The people the development sign-in offers. */
  demoPersons(): Promise<Person[]> {
    return this.dataSource.getRepository(Person).find({ where: { demoNote: Not(IsNull()) }, order: { familyName: 'ASC', givenName: 'ASC' } });
  }
}
