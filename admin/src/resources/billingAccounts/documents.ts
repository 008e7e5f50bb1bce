import { crudOperations } from '../../data/crud';
import { graphql } from '../../gql';
import { passFilters, pick, textOrEmpty, trimmedOrNull, type ResourceApi, type Values } from '../../data/resourceApi';

const BILLING_ACCOUNT = graphql(`
  fragment BillingAccountRow on BillingAccount {
    id
    name
    number
    invoiceEmail
    buyerReference
    archivedAt
    institution {
      id
      name
    }
  }
`);

/** Staff and the institution's coordinators. Accounts are archived, never deleted: old invoices name them. */
export const billingAccountsApi: ResourceApi = {
  ...crudOperations({
    row: BILLING_ACCOUNT,
    list: { field: 'billingAccounts', filter: 'BillingAccountFilter' },
    input: 'BillingAccountInput',
    create: { field: 'createBillingAccount', args: { institutionId: 'ID!' } },
    update: 'updateBillingAccount',
  }),
  filter: (values) => passFilters(values, ['institutionId', 'includeArchived']),
  createVariables: (values) => ({ institutionId: values.institutionId }),
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
    pick(values, ['name', 'number', 'invoiceEmail', 'buyerReference'], {
      name: (value) => textOrEmpty(value).trim(),
      number: (value) => textOrEmpty(value).replace(/\s+/g, '').toUpperCase(),
      invoiceEmail: trimmedOrNull,
      buyerReference: (value) => textOrEmpty(value).trim(),
    }),
};
