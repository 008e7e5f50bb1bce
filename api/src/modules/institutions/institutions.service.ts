import { In, type DataSource } from 'typeorm';
import { isStaff, type RequestContext } from '../../graphql/context.js';
import { Problems } from '../../graphql/errors.js';
import { pageWindow, validIds, type Page, type PageArgs } from '../../graphql/pagination.js';
import { searchTerms } from '../catalog/search-text.js';
import { Institution, InstitutionCoordinator } from './institution.entity.js';
import type { InstitutionFilter } from './institutions.types.js';

export class InstitutionsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Staff see every institution; a coordinator only the ones they coordinate. */
  async listInstitutions(ctx: RequestContext, filter: InstitutionFilter = {}, pageArgs?: PageArgs): Promise<Page<Institution>> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 100 }, problems);
    const qb = this.dataSource.getRepository(Institution).createQueryBuilder('i');
    if (!isStaff(ctx.viewer)) {
      const own = ctx.viewer?.coordinatorInstitutionIds ?? [];
      qb.andWhere(own.length ? 'i.id IN (:...own)' : 'false', { own });
    }
    searchTerms(filter.q ?? '').forEach((term, n) =>
      qb.andWhere(`(lower(i.name) LIKE :q${n} OR lower(i.code) LIKE :q${n} OR i.registration_number LIKE :q${n})`, { [`q${n}`]: `%${term}%` }),
    );
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 'i.id IN (:...ids)' : 'false', { ids: filter.ids });
    problems.throwIfAny();
    const [items, total] = await qb.orderBy('i.name').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }

  institutionsByIds(ids: readonly string[]): Promise<Institution[]> {
    return this.dataSource.getRepository(Institution).findBy({ id: In([...ids]) });
  }

  async coordinatedInstitutionIds(personId: string): Promise<string[]> {
    const rows = await this.dataSource.getRepository(InstitutionCoordinator).findBy({ personId });
    return rows.map((row) => row.institutionId);
  }
}
