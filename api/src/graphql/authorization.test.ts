import { MaterialVisibility } from '../modules/catalog/material.entity.js';
import { Certificate } from '../modules/certificates/certificate.entity.js';
import { EuFund } from '../modules/reporting/project.entity.js';
import { PayerKind, RegistrationStatus } from '../modules/registration/registration.entity.js';
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLObjectType } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { repoRoot } from '../config.js';
import { ApiScope } from '../modules/auth/api-token.entity.js';
import { BillingAccount, Institution } from '../modules/institutions/institution.entity.js';
import { CoordinatorNomination } from '../modules/institutions/coordinator-nomination.entity.js';
import { SupportQuestion } from '../modules/support/support-question.entity.js';
import { Lecturer } from '../modules/scheduling/lecturer.entity.js';
import { CourseVisibility } from '../modules/catalog/course.entity.js';
import { InterestRequest } from '../modules/catalog/interest-request.entity.js';
import { RIGA_ADDRESS, fixtures } from '../test/fixtures.js';
import { invoiceFixtures } from '../test/invoice-fixtures.js';
import { startTestApp, type Client, type GraphQLResponse, type TestApp } from '../test/harness.js';
import { ACTORS, ACTOR_TITLES, MATRIX, type Actor, type Call, type Outcome, type World } from '../test/authorization-matrix.js';
import { SESSION_COOKIE } from '../http/cookies.js';
import { Language, UserRole } from '../modules/people/person.entity.js';
import { NotificationKind } from '../modules/notifications/notification-kinds.js';
import { TemplateRenderer } from '../modules/notifications/template-renderer.js';
import { inTransaction } from '../db/transaction.js';
import { systemContext } from '../common/request-context.js';
import { createSchema } from './schema.js';

const DOC = path.join(repoRoot, 'docs/authorization.md');
const BEGIN = '<!-- matrix:begin (generated from api/src/test/authorization-matrix.ts) -->';
const END = '<!-- matrix:end -->';

let t: TestApp;
let world: World;
let nominationSerial = 0;
const clients = {} as Record<Actor, Client>;
const personOf = {} as Record<Actor, string | null>;
const tokenOf = {} as Record<Actor, string | null>;

beforeAll(async () => {
  t = await startTestApp();
  const ds = t.app.dataSource;
  const f = fixtures(ds);
  let counter = 0;
  const unique = () => `M${Date.now().toString(36)}${(counter += 1)}`;

  const institutionA = (await f.institution('Iestāde A')).id;
  const institutionB = (await f.institution('Iestāde B')).id;
  const topic = (await f.topic()).id;
  const publicCourse = (await f.course(topic)).id;
  const restrictedCourseA = (await f.course(topic, { visibility: CourseVisibility.RESTRICTED }, [institutionA])).id;
  const openGroup = (await f.group(publicCourse)).id;
  const lecturerRecord = await f.lecturer();
  const place = (await f.place()).id;
  const session = (await f.session(openGroup, 20, { lecturerId: lecturerRecord.id })).id;

  const participant = await f.person({ givenName: 'Līga', familyName: 'Kalniņa' });
  const employmentOfParticipant = (await f.employment(participant.id, institutionA)).id;
  await f.registration(participant.id, openGroup);
  const lecturerPerson = await f.person({ givenName: 'Inese', familyName: 'Vītola' });
  await ds.getRepository(Lecturer).update({ id: lecturerRecord.id }, { personId: lecturerPerson.id });
  const coordinatorA = await f.person({ givenName: 'Anna', familyName: 'Bērziņa', coordinates: [institutionA] });
  await f.employment(coordinatorA.id, institutionA);
  const coordinatorB = await f.person({ givenName: 'Edgars', familyName: 'Liepiņš', coordinates: [institutionB] });
  const employeeOfB = await f.person({ givenName: 'Pēteris', familyName: 'Bērziņš' });
  const employmentInB = (await f.employment(employeeOfB.id, institutionB)).id;
  await f.registration(employeeOfB.id, openGroup);
  const staff = await f.staff();
  // A course without a group that the participant asked to be told about (R-CAT-3).
  const interestCourse = (await f.course(topic)).id;
  await ds.getRepository(InterestRequest).save({ personId: participant.id, courseId: interestCourse });
  // A question of the participant to the school (R-SUP-1).
  await ds
    .getRepository(SupportQuestion)
    .save({ personId: participant.id, name: 'Dalībniece', email: 'dalibniece@example.test', language: Language.LV, text: 'Kad būs nākamā grupa?' });
  // A coordinator request of the participant, waiting for staff (R-ID-7).
  await ds
    .getRepository(CoordinatorNomination)
    .save({ personId: participant.id, registrationNumber: '90000000001', institutionName: 'Iestāde', position: 'Vadītāja' });
  const billingAccountA = (
    await ds.getRepository(BillingAccount).save({ institutionId: institutionA, name: 'Personāla daļa', number: 'LV34TREL2200000000001' })
  ).id;

  // Invoices (R-FIN-1): one issued to institution A, one to the participant as a private payer.
  const inv = invoiceFixtures(ds);
  const invoicing = t.app.services.invoicing;
  const institutionARecord = await ds.getRepository(Institution).findOneByOrFail({ id: institutionA });
  const accountOfA = await inv.billingAccount(institutionARecord, 'Rēķinu konts');
  const paidGroup = async () => {
    const group = (await f.group(publicCourse)).id;
    await inv.privatelyPaid(await f.person(), group, 5000);
    return group;
  };
  const invoiceDraft = async () => (await invoicing.createDrafts(systemContext(), await paidGroup()))[0].id;
  const issuedInvoice = async () => (await invoicing.issue(systemContext(), await invoiceDraft())).id;
  const invoicedGroup = (await f.group(publicCourse)).id;
  await inv.institutionPaid((await f.person()).id, invoicedGroup, 5000, institutionARecord, accountOfA);
  await inv.privatelyPaid(participant, invoicedGroup, 5000);
  const invoiceOfA = { id: '' };
  for (const draft of await invoicing.createDrafts(systemContext(), invoicedGroup)) {
    const issued = await invoicing.issue(systemContext(), draft.id);
    if (issued.institutionId === institutionA) invoiceOfA.id = issued.id;
  }

  const tokens = t.app.services.apiTokens;
  const tokenCatalog = await tokens.createToken(systemContext(), { name: 'Katalogs', scopes: [ApiScope.CATALOG_READ] });
  const tokenA = await tokens.createToken(systemContext(), {
    name: 'Iestādes A sistēma',
    scopes: [ApiScope.EMPLOYEES_READ, ApiScope.REGISTRATIONS_READ],
    institutionId: institutionA,
  });

  const persons: Partial<Record<Actor, string>> = {
    participant: participant.id,
    lecturer: lecturerPerson.id,
    coordinatorA: coordinatorA.id,
    coordinatorB: coordinatorB.id,
    staff: staff.id,
  };
  const bearer = (token: string): Client => ({
    request: (query, variables, headers) => t.anonymous.request(query, variables, { ...headers, authorization: `Bearer ${token}` }),
    data: (query, variables, headers) => t.anonymous.data(query, variables, { ...headers, authorization: `Bearer ${token}` }),
    codes: async (query, variables) =>
      ((await t.anonymous.request(query, variables, { authorization: `Bearer ${token}` })).errors ?? []).map((e) => String(e.extensions?.code)),
  });
  for (const actor of ACTORS) {
    personOf[actor] = persons[actor] ?? null;
    if (persons[actor]) clients[actor] = await t.as(persons[actor]);
  }
  clients.anonymous = t.anonymous;
  clients.tokenCatalog = bearer(tokenCatalog.token);
  clients.tokenA = bearer(tokenA.token);
  for (const actor of ACTORS) tokenOf[actor] = { tokenCatalog: tokenCatalog.token, tokenA: tokenA.token }[actor as 'tokenA'] ?? null;
  const sample = new TemplateRenderer().sample(NotificationKind.SCHEDULE_CHANGED);
  let sessionDay = 40;

  world = {
    institutionA,
    institutionB,
    topic,
    publicCourse,
    restrictedCourseA,
    interestCourse,
    openGroup,
    session,
    lecturer: lecturerRecord.id,
    place,
    participant: participant.id,
    employmentOfParticipant,
    employmentInB,
    billingAccountA,
    apiToken: tokenCatalog.apiToken.id,
    invoiceOfA: invoiceOfA.id,
    unique,
    fresh: {
      paidGroup,
      invoiceDraft,
      issuedInvoice,
      topic: async () => (await f.topic()).id,
      session: async () => (await f.session(openGroup, 25)).id,
      startedSession: async () => (await f.session(openGroup, -1, { lecturerId: lecturerRecord.id })).id,
      employmentInA: async () => (await f.employment((await f.person()).id, institutionA)).id,
      ownEmployment: async (actor) => (await f.employment(personOf[actor] ?? (await f.person()).id, institutionB)).id,
      coordinatorOfA: async () => (await f.person({ coordinates: [institutionA] })).id,
      person: async () => (await f.person()).id,
      uploadedFile: async () => (await t.app.services.materials.upload(systemContext(), 'matrica.txt', Buffer.from('Matrica\n'))).id,
      participantsMaterial: async () =>
        (
          await t.app.services.materials.create(systemContext(), {
            courseId: publicCourse,
            groupId: openGroup,
            titleLv: `Materiāls ${unique()}`,
            visibility: MaterialVisibility.PARTICIPANTS,
            fileId: (await t.app.services.materials.upload(systemContext(), 'matrica.txt', Buffer.from('Matrica\n'))).id,
          })
        ).id,
      certificate: async () => {
        const course = await f.course(topic);
        const group = await f.group(course.id);
        const code = `matrica${unique()}`
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')
          .padEnd(20, '0');
        const saved = await t.app.dataSource.getRepository(Certificate).save({
          number: `M-${unique()}`,
          verificationCode: code,
          personId: (await f.person()).id,
          courseId: course.id,
          groupId: group.id,
          issuedAt: new Date(),
        });
        return { id: saved.id, code };
      },
      apiToken: async () => (await tokens.createToken(systemContext(), { name: `Atsaukšanai ${unique()}`, scopes: [ApiScope.CATALOG_READ] })).apiToken.id,
      billingAccountA: async () =>
        (await ds.getRepository(BillingAccount).save({ institutionId: institutionA, name: `Konts ${unique()}`, number: `LV${unique()}` })).id,
      restrictedCourseA: async () => (await f.course(topic, { visibility: CourseVisibility.RESTRICTED }, [institutionA])).id,
      group: async () => (await f.group(publicCourse)).id,
      freeGroup: async () => (await f.group((await f.course(topic, { priceCents: 0 })).id)).id,
      async question() {
        const saved = await ds
          .getRepository(SupportQuestion)
          .save({ personId: participant.id, name: 'Matrica', email: 'matrica@example.test', language: Language.LV, text: 'Matricas jautājums.' });
        return saved.id;
      },
      async nominationOfParticipant() {
        nominationSerial += 1;
        const registrationNumber = `9${String(700_000_000 + nominationSerial).padStart(10, '0')}`;
        await ds.getRepository(Institution).save({ code: unique(), name: 'Matricas iestāde', registrationNumber });
        const saved = await ds
          .getRepository(CoordinatorNomination)
          .save({ personId: participant.id, registrationNumber, institutionName: 'Matricas iestāde', position: 'Vadītāja' });
        return saved.id;
      },
      async questionnaire() {
        const [{ id }] = await ds.query(`INSERT INTO questionnaire (title) VALUES ('Matricas anketa') RETURNING id`);
        const question = { id: 'q1', kind: 'SCALE', textLv: 'Vērtējums', textEn: 'Rating', required: true, options: [] };
        await ds.query(`INSERT INTO questionnaire_version (questionnaire_id, number, questions) VALUES ($1, 1, $2)`, [id, JSON.stringify([question])]);
        return id;
      },
      async questionnaireOfParticipant() {
        const questionnaireId = await world.fresh.questionnaire();
        await ds.query(`UPDATE questionnaire_version SET published_at = now() WHERE questionnaire_id = $1`, [questionnaireId]);
        const [{ id: versionId }] = await ds.query(`SELECT id FROM questionnaire_version WHERE questionnaire_id = $1`, [questionnaireId]);
        const group = await f.group((await f.course(topic, { questionnaireId })).id);
        await f.session(group.id, -2);
        await f.registration(participant.id, group.id);
        await ds.query(`INSERT INTO questionnaire_invitation (person_id, group_id, version_id, invited_at) VALUES ($1, $2, $3, now())`, [
          participant.id,
          group.id,
          versionId,
        ]);
        return group.id;
      },
      async knowledgeTest() {
        const question = {
          id: 'k1',
          kind: 'SINGLE',
          textLv: 'Jautājums',
          textEn: 'Question',
          points: 1,
          options: [
            { id: 'a', textLv: 'Jā', textEn: 'Yes', correct: true },
            { id: 'b', textLv: 'Nē', textEn: 'No', correct: false },
          ],
        };
        const [{ id }] = await ds.query(
          `INSERT INTO knowledge_test (title_lv, pass_percent, attempts_allowed, questions, published_at) VALUES ('Matricas tests', 50, 2, $1, now()) RETURNING id`,
          [JSON.stringify([question])],
        );
        return id;
      },
      async knowledgeTestInvitationOfParticipant() {
        const testId = await world.fresh.knowledgeTest();
        const group = await f.group(publicCourse);
        await f.registration(participant.id, group.id);
        const [{ id }] = await ds.query(
          `INSERT INTO knowledge_test_invitation (test_id, person_id, group_id, invited_at) VALUES ($1, $2, $3, now()) RETURNING id`,
          [testId, participant.id, group.id],
        );
        return id;
      },
      async knowledgeTestAttemptOfParticipant() {
        const invitationId = await world.fresh.knowledgeTestInvitationOfParticipant();
        const [{ id }] = await ds.query(`INSERT INTO knowledge_test_attempt (invitation_id, number, started_at) VALUES ($1, 1, now()) RETURNING id`, [
          invitationId,
        ]);
        return id;
      },
      euProject: async () =>
        (
          await t.app.services.projects.create(systemContext(), {
            code: `M/${unique()}`,
            nameLv: 'Matrica',
            fund: EuFund.ESF_PLUS,
            startsOn: '2025-01-01',
            endsOn: '2027-12-31',
          })
        ).id,
      projectRegistrationOfParticipant: async () => {
        const project = await t.app.services.projects.create(systemContext(), {
          code: `M/${unique()}`,
          nameLv: 'Matrica',
          fund: EuFund.ESF_PLUS,
          startsOn: '2025-01-01',
          endsOn: '2027-12-31',
        });
        return (await f.registration(participant.id, (await f.group(publicCourse, { euProjectId: project.id })).id)).id;
      },
      registrationOfParticipant: async (status) => (await f.registration(participant.id, (await f.group(publicCourse)).id, status as RegistrationStatus)).id,
      async failedOutboxMessage() {
        const person = await f.person();
        const key = `matrix:${unique()}`;
        await inTransaction(ds, (em) =>
          t.app.services.notifications.enqueue(em, [
            {
              kind: NotificationKind.SCHEDULE_CHANGED,
              idempotencyKey: key,
              to: { personId: person.id, email: null, name: 'Matrica', language: Language.LV },
              data: sample,
            },
          ]),
        );
        return (await ds.query(`SELECT id FROM outbox_message WHERE idempotency_key = $1`, [key]))[0].id;
      },
      async seatChange() {
        const person = await f.person({ declaredAddress: RIGA_ADDRESS });
        const viewer = {
          kind: 'person' as const,
          personId: person.id,
          sessionId: 'matrix',
          roles: [UserRole.PARTICIPANT],
          coordinatorInstitutionIds: [],
          lecturerId: null,
        };
        await t.app.services.registrations.register({ viewer, lang: Language.LV }, { groupId: openGroup, payer: PayerKind.PRIVATE });
      },
      async scheduleChange() {
        const session = await f.session(openGroup, (sessionDay += 1));
        const startsAt = new Date(session.startsAt.getTime() + 3600_000);
        await t.app.services.sessions.updateSession(systemContext(), session.id, { startsAt, endsAt: new Date(startsAt.getTime() + 3 * 3600_000) });
      },
    },
  };
});
afterAll(() => t?.stop());

function outcomeOf(operation: string, result: GraphQLResponse): Outcome | string {
  const code = result.errors?.[0]?.extensions?.code;
  if (code) return String(code);
  const value = result.data?.[operation];
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.length ? 'ok' : 'none';
  if (Array.isArray(value.items)) return value.items.length ? 'ok' : 'none';
  return 'ok';
}

test('the matrix lists every query, mutation and subscription of the graph, and nothing else', async () => {
  const schema = await createSchema();
  const operations = ['Query', 'Mutation', 'Subscription'].flatMap((name) => {
    const type = schema.getType(name);
    return type instanceof GraphQLObjectType ? Object.keys(type.getFields()) : [];
  });
  expect(MATRIX.map((rule) => rule.operation).sort()).toEqual([...new Set(operations)].sort());
});

/** How long a subscriber waits for the event its trigger made before counting it unheard. */
const EVENT_TIMEOUT_MS = 10_000;

/**
 * A subscription cell: subscribes as the actor over a WebSocket, makes the change once the server
 * serves the subscription, and answers with the first result (or none when nothing came).
 */
async function subscribeAs(actor: Actor, call: Call, trigger: () => Promise<void>): Promise<GraphQLResponse> {
  const headers: Record<string, string> = {};
  const personId = personOf[actor];
  if (personId) headers.cookie = `${SESSION_COOKIE}=${(await t.app.services.auth.startSession(personId, 'test')).token}`;
  if (tokenOf[actor]) headers.authorization = `Bearer ${tokenOf[actor]}`;
  class HeaderWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const client = createClient({ url: `${t.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: HeaderWebSocket, lazy: false, retryAttempts: 0 });
  const live = t.app.services.scheduleEvents;
  // Schedule changes and seat counts are both served here: count them together.
  const served = () => live.subscriberCount + live.seatSubscriberCount;
  const before = served();
  let settled = false;
  try {
    const first = new Promise<GraphQLResponse>((resolve) => {
      const settle = (result: GraphQLResponse) => ((settled = true), resolve(result));
      client.subscribe(
        { query: call.query, variables: call.variables },
        {
          next: (result) => settle(result as GraphQLResponse),
          error: (error) => settle({ errors: Array.isArray(error) ? error : [{ message: String(error), extensions: { code: 'SOCKET_ERROR' } }] }),
          complete: () => settle({}),
        },
      );
    });
    const deadline = Date.now() + EVENT_TIMEOUT_MS;
    while (!settled && served() <= before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    if (!settled) await trigger();
    let timer: NodeJS.Timeout | undefined;
    const unheard = new Promise<GraphQLResponse>((resolve) => (timer = setTimeout(() => resolve({ data: {} }), EVENT_TIMEOUT_MS)));
    const result = await Promise.race([first, unheard]);
    clearTimeout(timer);
    return result;
  } finally {
    await client.dispose();
    // The next cell counts subscriptions from here: wait until the server has let this one go.
    const deadline = Date.now() + EVENT_TIMEOUT_MS;
    while (served() > before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(MATRIX.map((rule) => [rule.operation, rule] as const))('%s', (_operation, rule) => {
  test.each([...ACTORS])('%s', async (actor) => {
    const call = await rule.call(world, actor);
    const result = rule.trigger ? await subscribeAs(actor, call, () => rule.trigger!(world)) : await clients[actor].request(call.query, call.variables);
    const outcome = outcomeOf(rule.operation, result);
    if (outcome !== rule.expect[actor]) {
      throw new Error(`${rule.operation} as ${actor}: expected ${rule.expect[actor]}, got ${outcome}: ${JSON.stringify(result.errors ?? result.data)}`);
    }
    rule.check?.(result.data, world, actor);
  });
});

const SYMBOL: Record<Outcome, string> = {
  ok: '✓',
  none: '∅',
  NOT_FOUND: '∅ NOT_FOUND',
  FORBIDDEN: '✗ FORBIDDEN',
  UNAUTHENTICATED: '✗ UNAUTHENTICATED',
};

function renderMatrix(): string {
  const header = `| Operation | ${ACTORS.map((a) => ACTOR_TITLES[a]).join(' | ')} | Rule |`;
  const rule = `| --- | ${ACTORS.map(() => ':---:').join(' | ')} | --- |`;
  const rows = [...MATRIX]
    .sort((a, b) => a.operation.localeCompare(b.operation))
    .map((r) => `| \`${r.operation}\` | ${ACTORS.map((a) => SYMBOL[r.expect[a]]).join(' | ')} | ${r.rule} |`);
  return [header, rule, ...rows].join('\n');
}

test('docs/authorization.md carries the matrix as tested (UPDATE_DOCS=1 rewrites it)', () => {
  const doc = fs.readFileSync(DOC, 'utf8');
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  const expected = `${doc.slice(0, start + BEGIN.length)}\n${renderMatrix()}\n${doc.slice(end)}`;
  if (process.env.UPDATE_DOCS === '1') fs.writeFileSync(DOC, expected);
  else expect(doc).toBe(expected);
});
