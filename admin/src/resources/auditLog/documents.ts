import { crudOperations } from '../../data/crud';
import { graphql } from '../../gql';
import { passFilters, toIso, type ResourceApi } from '../../data/resourceApi';

const AUDIT_ROW = graphql(`
  fragment AuditRow on AuditEntry {
    id
    at
    action
    entity
    entityId
    personId
    personName
    actorPersonId
    actorName
    actorTokenId
    actorIp
    note
    changes {
      field
      old
      new
    }
  }
`);

/** The audit log (R-NF-3): read only, for staff. */
export const auditLogApi: ResourceApi = {
  ...crudOperations({ row: AUDIT_ROW, list: { field: 'auditLog', filter: 'AuditFilter' } }),
  filter: (values) => {
    const filter = passFilters(values, ['entity', 'entityId', 'personId', 'actorPersonId', 'action']);
    return { ...filter, ...(values.from ? { from: toIso(values.from) } : {}), ...(values.to ? { to: toIso(values.to) } : {}) };
  },
  toInput: () => ({}),
};
