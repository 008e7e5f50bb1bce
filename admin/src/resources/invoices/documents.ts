import { crudOperations } from '../../data/crud';
import { graphql } from '../../gql';
import { passFilters, type ResourceApi, type Values } from '../../data/resourceApi';

const INVOICE = graphql(`
  fragment InvoiceRow on Invoice {
    id
    type
    status
    number
    payerName
    payerKind
    totalCents
    issueDate
    dueDate
    createdAt
    group {
      id
      code
    }
  }
`);

/** Invoices and credit notes (R-FIN-1): staff make, issue, mark paid and cancel them; coordinators read their institutions'. */
export const invoicesApi: ResourceApi = {
  ...crudOperations({ row: INVOICE, list: { field: 'invoices', filter: 'InvoiceFilter' } }),
  filter: (values) => passFilters(values, ['status', 'groupId', 'payer']),
  toRecord: (item: Values) => {
    const group = item.group as Values | null;
    return { ...item, groupCode: group?.code ?? null, total: Number(item.totalCents) / 100 };
  },
  toInput: () => ({}),
  actions: {
    issue: {
      field: 'issueInvoice',
      document: graphql(`
        mutation AdminIssueInvoice($id: ID!) {
          issueInvoice(id: $id) {
            ...InvoiceRow
          }
        }
      `),
    },
    markPaid: {
      field: 'markInvoicePaid',
      document: graphql(`
        mutation AdminMarkInvoicePaid($id: ID!) {
          markInvoicePaid(id: $id) {
            ...InvoiceRow
          }
        }
      `),
    },
    cancel: {
      field: 'cancelInvoice',
      document: graphql(`
        mutation AdminCancelInvoice($id: ID!, $reason: String!) {
          cancelInvoice(id: $id, reason: $reason) {
            ...InvoiceRow
          }
        }
      `),
    },
  },
  mutations: {
    createGroupInvoices: {
      field: 'createGroupInvoices',
      document: graphql(`
        mutation AdminCreateGroupInvoices($groupId: ID!) {
          createGroupInvoices(groupId: $groupId) {
            ...InvoiceRow
          }
        }
      `),
    },
  },
  queries: {
    file: {
      field: 'invoiceFile',
      document: graphql(`
        query AdminInvoiceFile($id: ID!, $format: InvoiceFileFormat!) {
          invoiceFile(id: $id, format: $format) {
            filename
            contentType
            base64
          }
        }
      `),
    },
  },
};
