import DataLoader from 'dataloader';
import type { RequestContext } from '../../common/request-context.js';
import type { Page } from '../../common/pagination.js';
import type { EmploymentQueryArgs, EmploymentsService } from './employments.service.js';
import type { Employment } from './institution.entity.js';

export interface EmployeePageKey extends EmploymentQueryArgs {
  institutionId: string;
}

const argsKey = ({ filter, sort, page, perPage }: EmploymentQueryArgs) => JSON.stringify([filter ?? {}, sort ?? {}, page, perPage]);
const cacheKey = (key: EmployeePageKey) => `${key.institutionId}|${argsKey(key)}`;

/**
 * `Institution.employees` for every institution of a response: keys with the same arguments share
 * one query, so a list of institutions with their employees costs a fixed number of statements.
 */
export function employeePageLoader(employments: EmploymentsService, ctx: RequestContext) {
  return new DataLoader<EmployeePageKey, Page<Employment>, string>(
    async (keys) => {
      const groups = new Map<string, EmployeePageKey[]>();
      for (const key of keys) groups.set(argsKey(key), [...(groups.get(argsKey(key)) ?? []), key]);
      const pages = new Map<string, Page<Employment>>();
      for (const group of groups.values()) {
        const byInstitution = await employments.employmentPagesByInstitutionIds(
          ctx,
          group.map((key) => key.institutionId),
          group[0],
        );
        for (const key of group) pages.set(cacheKey(key), byInstitution.get(key.institutionId)!);
      }
      return keys.map((key) => pages.get(cacheKey(key))!);
    },
    { cacheKeyFn: cacheKey },
  );
}
