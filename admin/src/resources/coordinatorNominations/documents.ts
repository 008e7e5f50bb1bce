import { crudOperations } from '../../data/crud';
import { graphql } from '../../gql';
import { passFilters, type ResourceApi, type Values } from '../../data/resourceApi';

const NOMINATION = graphql(`
  fragment NominationRow on CoordinatorNomination {
    id
    status
    registrationNumber
    institutionName
    position
    note
    decisionNote
    decidedAt
    createdAt
    person {
      id
      fullName
      email
    }
    knownInstitution {
      id
      name
    }
    decidedBy {
      id
      fullName
    }
  }
`);

/** Staff decide on people's requests to become an institution's coordinator (R-ID-7). */
export const coordinatorNominationsApi: ResourceApi = {
  ...crudOperations({ row: NOMINATION, list: { field: 'coordinatorNominations', filter: 'NominationFilter' } }),
  filter: (values) => passFilters(values, ['status']),
  toRecord: (item: Values) => {
    const person = (item.person ?? {}) as Values;
    const known = item.knownInstitution as Values | null;
    const decidedBy = item.decidedBy as Values | null;
    return {
      ...item,
      fullName: person.fullName,
      email: person.email,
      knownInstitutionId: known?.id ?? null,
      knownInstitutionName: known?.name ?? null,
      decidedByName: decidedBy?.fullName ?? null,
    };
  },
  toInput: () => ({}),
  actions: {
    approve: {
      field: 'approveCoordinatorNomination',
      document: graphql(`
        mutation AdminApproveNomination($id: ID!, $note: String) {
          approveCoordinatorNomination(id: $id, note: $note) {
            ...NominationRow
          }
        }
      `),
    },
    refuse: {
      field: 'refuseCoordinatorNomination',
      document: graphql(`
        mutation AdminRefuseNomination($id: ID!, $reason: String!) {
          refuseCoordinatorNomination(id: $id, reason: $reason) {
            ...NominationRow
          }
        }
      `),
    },
  },
};
