import { crudOperations } from '../../data/crud';
import { graphql } from '../../gql';
import { passFilters, pick, textOrEmpty, toIso, type ResourceApi, type Values } from '../../data/resourceApi';

/** Scopes that read one institution's data: the API requires an institution with them. */
export const INSTITUTION_SCOPES = ['EMPLOYEES_READ', 'REGISTRATIONS_READ'];

const API_TOKEN = graphql(`
  fragment ApiTokenRow on ApiToken {
    id
    name
    tokenPrefix
    scopes
    institution {
      id
      name
    }
    createdAt
    createdBy {
      id
      fullName
    }
    expiresAt
    lastUsedAt
    revokedAt
  }
`);

/** `createApiToken` answers `{ token, apiToken }`: one record, with the token that is shown this once. */
function toRecord(item: Values): Values {
  if (!('apiToken' in item)) return item;
  const { __typename: _typename, ...apiToken } = item.apiToken as Values;
  return { ...apiToken, token: item.token };
}

/** Staff only. Tokens are created and revoked, never edited: the secret cannot be shown again. */
export const apiTokensApi: ResourceApi = {
  ...crudOperations({ row: API_TOKEN, list: { field: 'apiTokens', filter: 'ApiTokenFilter' } }),
  // The console filters by `state` (ACTIVE / INACTIVE); the API by `active`.
  filter: (values) => ({
    ...passFilters(values, ['q']),
    ...(values.state === 'ACTIVE' ? { active: true } : values.state === 'INACTIVE' ? { active: false } : {}),
  }),
  create: {
    field: 'createApiToken',
    document: graphql(`
      mutation AdminCreateApiToken($input: ApiTokenInput!) {
        createApiToken(input: $input) {
          token
          apiToken {
            ...ApiTokenRow
          }
        }
      }
    `),
  },
  actions: {
    revoke: {
      field: 'revokeApiToken',
      document: graphql(`
        mutation AdminRevokeApiToken($id: ID!) {
          revokeApiToken(id: $id) {
            ...ApiTokenRow
          }
        }
      `),
    },
  },
  toRecord,
  toInput: (values) => {
    const scopes = Array.isArray(values.scopes) ? (values.scopes as string[]) : [];
    // The institution matters only to institution scopes; a hidden input's leftover is not sent.
    const needsInstitution = scopes.some((scope) => INSTITUTION_SCOPES.includes(scope));
    return {
      ...pick(values, ['name', 'scopes', 'expiresAt'], { name: (value) => textOrEmpty(value).trim(), expiresAt: toIso }),
      institutionId: needsInstitution ? (values.institutionId ?? null) : null,
    };
  },
};
