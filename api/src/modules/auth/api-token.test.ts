import { startTestApp, type Client, type GraphQLResponse, type TestApp } from '../../test/harness.js';
import { fixtures } from '../../test/fixtures.js';
import { CourseVisibility } from '../catalog/course.entity.js';
import { RegistrationStatus } from '../registration/registration.entity.js';
import { ApiToken } from './api-token.entity.js';

const CREATE = `mutation($input: ApiTokenInput!) {
  createApiToken(input: $input) {
    token
    apiToken { id name tokenPrefix scopes institution { id name } createdBy { fullName } createdAt expiresAt lastUsedAt revokedAt }
  }
}`;
const LIST = `query($filter: ApiTokenFilter) { apiTokens(filter: $filter, perPage: 100) { total items { id name lastUsedAt revokedAt } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;
const COURSES = `{ courses(perPage: 100) { total items { id } } }`;
const REGISTRATIONS = `query($filter: RegistrationFilter) {
  registrations(filter: $filter, perPage: 100) { total items { id status person { id fullName email personalCode } group { code } } }
}`;

let t: TestApp;
let staff: Client;
let participant: Client;
let coordinator: Client;
let staffId: string;
let ids: Record<string, string> = {};

interface Raw {
  status: number;
  headers: Headers;
  body: GraphQLResponse;
}

/** A POST to /graphql with exactly these headers, keeping the HTTP status (the harness clients only give the body). */
async function post(query: string, headers: Record<string, string>, variables: Record<string, unknown> = {}): Promise<Raw> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse };
}

const withToken = (token: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) =>
  post(query, { authorization: `Bearer ${token}`, ...headers }, variables);

async function createToken(input: Record<string, unknown>): Promise<{ token: string; apiToken: Record<string, any> }> {
  return (await staff.data(CREATE, { input })).createApiToken;
}

/** The session cookie of a signed-in person, for requests built by hand. */
async function cookieOf(personId: string): Promise<string> {
  const { token } = await t.app.services.auth.startSession(personId, 'test');
  return `mps_session=${token}`;
}

const codesOf = (raw: Raw) => (raw.body.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  t = await startTestApp();
  const f = fixtures(t.app.dataSource);
  const [instA, instB] = [await f.institution('Iestāde A'), await f.institution('Iestāde B')];
  const topic = await f.topic();
  const publicCourse = await f.course(topic.id);
  const restricted = await f.course(topic.id, { visibility: CourseVisibility.RESTRICTED }, [instA.id]);
  const group = await f.group(publicCourse.id);

  const employeeA = await f.person({ givenName: 'Arta', familyName: 'Ābola' });
  const formerA = await f.person({ givenName: 'Edgars', familyName: 'Egle' });
  const employeeB = await f.person({ givenName: 'Baiba', familyName: 'Bērza' });
  await f.employment(employeeA.id, instA.id);
  await f.employment(formerA.id, instA.id, { endedAt: new Date(Date.now() - 3600_000) });
  await f.employment(employeeB.id, instB.id);
  const regA = await f.registration(employeeA.id, group.id);
  await f.registration(formerA.id, group.id);
  await f.registration(employeeB.id, group.id, RegistrationStatus.WAITING);

  const staffPerson = await f.staff();
  staffId = staffPerson.id;
  staff = await t.as(staffId);
  participant = await t.as((await f.person()).id);
  coordinator = await t.as((await f.person({ coordinates: [instA.id] })).id);
  ids = { instA: instA.id, instB: instB.id, restricted: restricted.id, employeeA: employeeA.id, regA: regA.id };
});

afterAll(() => t?.stop());

describe('a CATALOG_READ token', () => {
  let token: string;
  let apiToken: Record<string, any>;

  beforeAll(async () => {
    ({ token, apiToken } = await createToken({ name: 'Kataloga sinhronizācija', scopes: ['CATALOG_READ'] }));
  });

  test('is handed out once, in our format, with its prefix, scopes and author', () => {
    expect(token).toMatch(/^mps_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({
      name: 'Kataloga sinhronizācija',
      tokenPrefix: token.slice(0, 12),
      scopes: ['CATALOG_READ'],
      institution: null,
      createdBy: { fullName: 'Ilze Kalniņa' },
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
    });
  });

  test('reads restricted courses that anonymous visitors do not see, and its use is recorded', async () => {
    const anonymous = await t.anonymous.data(COURSES);
    expect(anonymous.courses.items.map((c: { id: string }) => c.id)).not.toContain(ids.restricted);

    const withBearer = await withToken(token, COURSES);
    expect(withBearer.status).toBe(200);
    expect(withBearer.body.data!.courses.items.map((c: { id: string }) => c.id)).toContain(ids.restricted);
    expect(withBearer.body.data!.courses.total).toBe(anonymous.courses.total + 1);

    const { apiTokens } = await staff.data(LIST, { filter: { ids: [apiToken.id] } });
    expect(apiTokens.items[0].lastUsedAt).not.toBeNull();
  });

  test('last use is written at most once a minute, so reads do not all become writes', async () => {
    const repo = t.app.dataSource.getRepository(ApiToken);
    await withToken(token, '{ __typename }');
    const first = (await repo.findOneByOrFail({ id: apiToken.id })).lastUsedAt!;
    await withToken(token, '{ __typename }');
    expect((await repo.findOneByOrFail({ id: apiToken.id })).lastUsedAt).toEqual(first);

    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await repo.update({ id: apiToken.id }, { lastUsedAt: twoMinutesAgo });
    await withToken(token, '{ __typename }');
    expect((await repo.findOneByOrFail({ id: apiToken.id })).lastUsedAt!.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
  });

  test('only a hash of the token is stored', async () => {
    const [row] = await t.app.dataSource.query(`SELECT * FROM api_token WHERE id = $1`, [apiToken.id]);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(token.slice(12));
    expect(row.token_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row.token_prefix).toBe(token.slice(0, 12));
  });

  test('has no scope for registrations: FORBIDDEN', async () => {
    const response = await withToken(token, REGISTRATIONS);
    expect(codesOf(response)).toEqual(['FORBIDDEN']);
    expect(response.body.data).toBeNull();
  });

  test('is not a person: me is null and person-only operations are FORBIDDEN', async () => {
    expect((await withToken(token, '{ me { person { id } } }')).body.data).toEqual({ me: null });
    const update = await withToken(token, `mutation { updateMyProfile(input: { phone: "+37120000000" }) { person { id } } }`);
    expect(codesOf(update)).toEqual(['FORBIDDEN']);
  });

  test('cannot manage tokens, whatever its scopes', async () => {
    expect(codesOf(await withToken(token, LIST))).toEqual(['FORBIDDEN']);
    expect(codesOf(await withToken(token, CREATE, { input: { name: 'x', scopes: ['CATALOG_READ'] } }))).toEqual(['FORBIDDEN']);
  });

  test('decides over a session cookie sent with it: a staff cookie adds no rights', async () => {
    const staffCookie = await cookieOf(staffId);
    expect(codesOf(await post(LIST, { cookie: staffCookie }))).toEqual([]);
    expect(codesOf(await withToken(token, LIST, {}, { cookie: staffCookie }))).toEqual(['FORBIDDEN']);
  });
});

describe('a REGISTRATIONS_READ token of institution A', () => {
  let token: string;

  beforeAll(async () => {
    ({ token } = await createToken({ name: 'Iestādes A personāla sistēma', scopes: ['REGISTRATIONS_READ'], institutionId: ids.instA }));
  });

  test("reads only the registrations of A's current employees, without their personal data", async () => {
    const response = await withToken(token, REGISTRATIONS);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.registrations).toEqual({
      total: 1,
      items: [
        {
          id: ids.regA,
          status: 'CONFIRMED',
          person: { id: ids.employeeA, fullName: 'Arta Ābola', email: null, personalCode: null },
          group: { code: expect.any(String) },
        },
      ],
    });
  });

  test("asking for another institution's registrations is FORBIDDEN", async () => {
    expect(codesOf(await withToken(token, REGISTRATIONS, { filter: { institutionId: ids.instB } }))).toEqual(['FORBIDDEN']);
    const own = await withToken(token, REGISTRATIONS, { filter: { institutionId: ids.instA } });
    expect(own.body.data!.registrations.total).toBe(1);
  });

  test('does not see restricted courses: the catalog is another scope', async () => {
    const response = await withToken(token, COURSES);
    expect(response.body.data!.courses.items.map((c: { id: string }) => c.id)).not.toContain(ids.restricted);
  });
});

describe('Bearer tokens that do not work get 401 UNAUTHENTICATED, never an anonymous answer', () => {
  const expectUnauthenticated = (response: Raw) => {
    expect(response.status).toBe(401);
    expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.body.data).toBeUndefined();
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  };

  test('revoked (revoking twice is fine and keeps the first time)', async () => {
    const { token, apiToken } = await createToken({ name: 'Atsaucama', scopes: ['CATALOG_READ'] });
    expect((await withToken(token, COURSES)).status).toBe(200);
    const first = (await staff.data(REVOKE, { id: apiToken.id })).revokeApiToken;
    expect(first.revokedAt).not.toBeNull();
    const second = (await staff.data(REVOKE, { id: apiToken.id })).revokeApiToken;
    expect(second.revokedAt).toBe(first.revokedAt);
    expectUnauthenticated(await withToken(token, COURSES));
  });

  test('expired', async () => {
    const { token, apiToken } = await createToken({ name: 'Īslaicīga', scopes: ['CATALOG_READ'], expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    expect((await withToken(token, COURSES)).status).toBe(200);
    // Creating one already expired is refused, so age it in the database.
    await t.app.dataSource.getRepository(ApiToken).update({ id: apiToken.id }, { expiresAt: new Date(Date.now() - 1000) });
    expectUnauthenticated(await withToken(token, COURSES));
  });

  test('unknown, malformed or empty', async () => {
    expectUnauthenticated(await withToken(`mps_${'A'.repeat(43)}`, COURSES));
    expectUnauthenticated(await withToken('not-a-token', COURSES));
    expectUnauthenticated(await post(COURSES, { authorization: 'Bearer' }));
    expectUnauthenticated(await post(COURSES, { authorization: 'bearer   ' }));
  });

  test('even with a valid session cookie alongside', async () => {
    expectUnauthenticated(await withToken(`mps_${'B'.repeat(43)}`, COURSES, {}, { cookie: await cookieOf(staffId) }));
  });

  test('another Authorization scheme (a proxy in front) is not ours and is ignored', async () => {
    const response = await post(COURSES, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(response.status).toBe(200);
    expect(response.body.data!.courses.items.map((c: { id: string }) => c.id)).not.toContain(ids.restricted);
  });
});

describe('only staff manage tokens', () => {
  let tokenId: string;

  beforeAll(async () => {
    tokenId = (await createToken({ name: 'Kāda sistēma', scopes: ['CATALOG_READ'] })).apiToken.id;
  });

  test.each([
    ['list', LIST, {}],
    ['create', CREATE, { input: { name: 'x', scopes: ['CATALOG_READ'] } }],
    ['revoke', REVOKE, 'tokenId'],
  ] as const)('%s: anonymous UNAUTHENTICATED, participant and coordinator FORBIDDEN', async (_name, query, variables) => {
    const vars = variables === 'tokenId' ? { id: tokenId } : variables;
    expect(await t.anonymous.codes(query, vars)).toEqual(['UNAUTHENTICATED']);
    expect(await participant.codes(query, vars)).toEqual(['FORBIDDEN']);
    expect(await coordinator.codes(query, vars)).toEqual(['FORBIDDEN']);
  });

  test('the refused revocations left the token working', async () => {
    const { apiTokens } = await staff.data(LIST, { filter: { ids: [tokenId] } });
    expect(apiTokens.items[0].revokedAt).toBeNull();
  });

  test('staff list tokens newest first and narrow them by activity', async () => {
    const { apiTokens } = await staff.data(LIST);
    expect(apiTokens.total).toBeGreaterThanOrEqual(4);
    expect(apiTokens.items[0].id).toBe(tokenId);
    const revoked = await staff.data(LIST, { filter: { active: false } });
    expect(revoked.apiTokens.items.length).toBeGreaterThan(0);
    expect(revoked.apiTokens.items.map((i: { id: string }) => i.id)).not.toContain(tokenId);
    const active = await staff.data(LIST, { filter: { active: true } });
    expect(active.apiTokens.items.every((i: { revokedAt: string | null }) => i.revokedAt === null)).toBe(true);
    expect(active.apiTokens.total + revoked.apiTokens.total).toBe(apiTokens.total);
  });

  test('revoking an unknown token is NOT_FOUND', async () => {
    expect(await staff.codes(REVOKE, { id: '00000000-0000-4000-8000-000000000000' })).toEqual(['NOT_FOUND']);
    expect(await staff.codes(REVOKE, { id: 'nope' })).toEqual(['NOT_FOUND']);
  });
});

describe('creating a token checks its input', () => {
  const fieldsOf = async (input: Record<string, unknown>) => {
    const result = await staff.request(CREATE, { input });
    expect(result.errors?.[0].extensions?.code).toBe('VALIDATION');
    return result.errors![0].extensions!.fields!.map(({ field, code }) => ({ field, code }));
  };

  test('a name, at least one scope', async () => {
    expect(await fieldsOf({ name: '  ', scopes: [] })).toEqual([
      { field: 'name', code: 'REQUIRED' },
      { field: 'scopes', code: 'REQUIRED' },
    ]);
    expect(await fieldsOf({ name: 'x'.repeat(101), scopes: ['CATALOG_READ'] })).toEqual([{ field: 'name', code: 'LENGTH' }]);
  });

  test('institution scopes need an existing institution', async () => {
    expect(await fieldsOf({ name: 'HR', scopes: ['CATALOG_READ', 'EMPLOYEES_READ'] })).toEqual([{ field: 'institutionId', code: 'REQUIRED' }]);
    expect(await fieldsOf({ name: 'HR', scopes: ['REGISTRATIONS_READ'], institutionId: '00000000-0000-4000-8000-000000000000' })).toEqual([
      { field: 'institutionId', code: 'UNKNOWN_INSTITUTION' },
    ]);
    expect(await fieldsOf({ name: 'HR', scopes: ['REGISTRATIONS_READ'], institutionId: 'nope' })).toEqual([{ field: 'institutionId', code: 'INVALID_ID' }]);
  });

  test('an expiry in the future', async () => {
    expect(await fieldsOf({ name: 'Vakardiena', scopes: ['CATALOG_READ'], expiresAt: new Date(Date.now() - 60_000).toISOString() })).toEqual([
      { field: 'expiresAt', code: 'IN_THE_PAST' },
    ]);
  });

  test('nothing is written when the input is refused', async () => {
    const before = await t.app.dataSource.getRepository(ApiToken).count();
    await fieldsOf({ name: '', scopes: ['CATALOG_READ'] });
    expect(await t.app.dataSource.getRepository(ApiToken).count()).toBe(before);
  });
});

describe('cross-site requests to /graphql', () => {
  const FOREIGN = 'https://evil.example';

  test('a cookie-authenticated POST from a foreign Origin is refused with 403; from our own it passes', async () => {
    const cookie = await cookieOf(staffId);
    const foreign = await post(LIST, { cookie, origin: FOREIGN });
    expect(foreign.status).toBe(403);
    expect(codesOf(foreign)).toEqual(['FORBIDDEN']);
    const own = await post(LIST, { cookie, origin: t.url });
    expect(own.status).toBe(200);
    expect(own.body.data!.apiTokens.total).toBeGreaterThan(0);
  });

  test('a Bearer request from a foreign Origin works: it carries no ambient credential', async () => {
    const { token } = await createToken({ name: 'Ārēja vietne', scopes: ['CATALOG_READ'] });
    const response = await withToken(token, COURSES, {}, { origin: FOREIGN });
    expect(response.status).toBe(200);
    expect(response.body.data!.courses.items.map((c: { id: string }) => c.id)).toContain(ids.restricted);
  });

  test('an anonymous POST from a foreign Origin is answered as anonymous', async () => {
    const response = await post(COURSES, { origin: FOREIGN });
    expect(response.status).toBe(200);
    expect(response.body.data!.courses.items.map((c: { id: string }) => c.id)).not.toContain(ids.restricted);
  });
});
