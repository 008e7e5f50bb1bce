import { graphql } from '../../gql';
import { passFilters, pick, textOrEmpty, trimmedOrNull, type ResourceApi, type Values } from '../../data/resourceApi';

const BILLING_ACCOUNT = graphql(`
  fragment BillingAccountRow on BillingAccount {
    id
    name
    number
    invoiceEmail
    archivedAt
    institution {
      id
      name
    }
  }
`);

/** Staff and the institution's coordinators. Accounts are archived, never deleted: old invoices name them. */
export const billingAccountsApi: ResourceApi = {
  list: {
    field: 'billingAccounts',
    document: graphql(`
      query AdminBillingAccounts($filter: BillingAccountFilter, $page: Int!, $perPage: Int!) {
        billingAccounts(filter: $filter, page: $page, perPage: $perPage) {
          total
          items {
            ...BillingAccountRow
          }
        }
      }
    `),
  },
  filter: (values) => passFilters(values, ['institutionId', 'includeArchived']),
  create: {
    field: 'createBillingAccount',
    document: graphql(`
      mutation AdminCreateBillingAccount($institutionId: ID!, $input: BillingAccountInput!) {
        createBillingAccount(institutionId: $institutionId, input: $input) {
          ...BillingAccountRow
        }
      }
    `),
  },
  createVariables: (values) => ({ institutionId: values.institutionId }),
  update: {
    field: 'updateBillingAccount',
    document: graphql(`
      mutation AdminUpdateBillingAccount($id: ID!, $input: BillingAccountInput!) {
        updateBillingAccount(id: $id, input: $input) {
          ...BillingAccountRow
        }
      }
    `),
  },
  actions: {
    archive: {
      field: 'archiveBillingAccount',
      document: graphql(`
        mutation AdminArchiveBillingAccount($id: ID!) {
          archiveBillingAccount(id: $id) {
            ...BillingAccountRow
          }
        }
      `),
    },
    restore: {
      field: 'restoreBillingAccount',
      document: graphql(`
        mutation AdminRestoreBillingAccount($id: ID!) {
          restoreBillingAccount(id: $id) {
            ...BillingAccountRow
          }
        }
      `),
    },
  },
  toRecord: (item: Values) => ({ ...item, institutionId: (item.institution as { id: string } | null)?.id ?? null }),
  toInput: (values) =>
    pick(values, ['name', 'number', 'invoiceEmail'], {
      name: (value) => textOrEmpty(value).trim(),
      number: (value) => textOrEmpty(value).replace(/\s+/g, '').toUpperCase(),
      invoiceEmail: trimmedOrNull,
    }),
};
