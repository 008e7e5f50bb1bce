import { testIban, testPersonalCode } from './institutions-fixtures.js';

/**
 * The authorization matrix: for every query and mutation of the graph, what each kind of caller
 * gets. `api/src/graphql/authorization.test.ts` runs every cell against the real server and
 * renders docs/authorization.md from this table, so the document cannot drift from the behaviour.
 */

export const ACTORS = ['anonymous', 'participant', 'lecturer', 'coordinatorA', 'coordinatorB', 'staff', 'tokenCatalog', 'tokenA'] as const;
export type Actor = (typeof ACTORS)[number];

export const ACTOR_TITLES: Record<Actor, string> = {
  anonymous: 'Anonymous',
  participant: 'Participant (employee of A)',
  lecturer: 'Lecturer',
  coordinatorA: 'Coordinator of A',
  coordinatorB: 'Coordinator of B',
  staff: 'Staff',
  tokenCatalog: 'Token CATALOG_READ',
  tokenA: 'Token of A (EMPLOYEES_READ, REGISTRATIONS_READ)',
};

/**
 * ok: an answer with data; none: allowed, but nothing to see (null or an empty list); the rest are
 * the error codes of a refusal.
 */
export type Outcome = 'ok' | 'none' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';

/** The records every cell can refer to; built once by the test. */
export interface World {
  institutionA: string;
  institutionB: string;
  topic: string;
  publicCourse: string;
  restrictedCourseA: string;
  /** A public course without groups that only the participant has an interest request for. */
  interestCourse: string;
  openGroup: string;
  session: string;
  lecturer: string;
  place: string;
  participant: string;
  employmentOfParticipant: string;
  employmentInB: string;
  billingAccountA: string;
  apiToken: string;
  /** An issued invoice to institution A (the participant also has one of their own, as a private payer). */
  invoiceOfA: string;
  unique(): string;
  /** A record made for one call, for mutations that consume what they touch. */
  fresh: {
    /** A group of the public course with one privately paid CONFIRMED registration, not invoiced yet. */
    paidGroup(): Promise<string>;
    invoiceDraft(): Promise<string>;
    issuedInvoice(): Promise<string>;
    topic(): Promise<string>;
    session(): Promise<string>;
    /** A session of the open group that started yesterday, taught by the lecturer. */
    startedSession(): Promise<string>;
    employmentInA(): Promise<string>;
    ownEmployment(actor: Actor): Promise<string>;
    coordinatorOfA(): Promise<string>;
    /** A person with nothing running, to be erased. */
    person(): Promise<string>;
    /** A material of the open group (the participant's; the lecturer teaches it) for its participants, and its uploaded file's id. */
    participantsMaterial(): Promise<string>;
    /** An uploaded file no material took yet. */
    uploadedFile(): Promise<string>;
    /** A certificate of a fresh person; `code` is its verification code. */
    certificate(): Promise<{ id: string; code: string }>;
    apiToken(): Promise<string>;
    billingAccountA(): Promise<string>;
    /** A course restricted to institution A, for one call. */
    restrictedCourseA(): Promise<string>;
    /** An OPEN group of the public course with no sessions yet. */
    group(): Promise<string>;
    /** An OPEN group of a free public course. */
    freeGroup(): Promise<string>;
    /** A registration of the participant in a fresh group of the public course. */
    registrationOfParticipant(status: 'CONFIRMED' | 'WAITING'): Promise<string>;
    /** An EU project, for one call. */
    euProject(): Promise<string>;
    /** A registration of the participant in a fresh EU project group, without indicator answers (as a coordinator makes it). */
    projectRegistrationOfParticipant(): Promise<string>;
    /** An outbox message that FAILED for want of an address; its person has one now. */
    failedOutboxMessage(): Promise<string>;
    /** An open question of the participant's. */
    question(): Promise<string>;
    /** A pending coordinator request of the participant for institution A. */
    nominationOfParticipant(): Promise<string>;
    /** A questionnaire with a draft of one SCALE question `q1`. */
    questionnaire(): Promise<string>;
    /** A group that ended whose questionnaire (`q1`) the participant is invited to fill; its id. */
    questionnaireOfParticipant(): Promise<string>;
    /** A published knowledge test of one SINGLE question `k1` (option `a` correct, `b` not). */
    knowledgeTest(): Promise<string>;
    /** The participant's invitation to a fresh published knowledge test (`k1`); its id. */
    knowledgeTestInvitationOfParticipant(): Promise<string>;
    /** An attempt in progress of the participant's at a fresh knowledge test (`k1`); its id. */
    knowledgeTestAttemptOfParticipant(): Promise<string>;
    /** A change of the open group's schedule (a new session moved), as staff make it. */
    scheduleChange(): Promise<void>;
    /** A new registration in the open group, as its person makes it. */
    seatChange(): Promise<void>;
  };
}

export interface Call {
  query: string;
  variables?: Record<string, unknown>;
}

export interface Rule {
  operation: string;
  /** Who may, in words, for the document. */
  rule: string;
  call(world: World, actor: Actor): Call | Promise<Call>;
  expect: Record<Actor, Outcome>;
  /** Row rules beyond the outcome: e.g. a coordinator's list holds only their institution. */
  check?(data: any, world: World, actor: Actor): void;
  /**
   * Marks a subscription: the cell subscribes over a WebSocket (the session cookie on the upgrade
   * request; an API token's header is sent too, and ignored), then this makes the change it should
   * hear of. Its outcome is that of the first event.
   */
  trigger?(world: World): Promise<void>;
}

const all = (outcome: Outcome): Record<Actor, Outcome> => Object.fromEntries(ACTORS.map((a) => [a, outcome])) as Record<Actor, Outcome>;

const STAFF_ONLY: Record<Actor, Outcome> = {
  ...all('FORBIDDEN'),
  anonymous: 'UNAUTHENTICATED',
  staff: 'ok',
};

const PERSONS_ONLY: Record<Actor, Outcome> = {
  ...all('ok'),
  anonymous: 'UNAUTHENTICATED',
  tokenCatalog: 'FORBIDDEN',
  tokenA: 'FORBIDDEN',
};

const STAFF_AND_OWN_COORDINATOR: Record<Actor, Outcome> = {
  ...STAFF_ONLY,
  coordinatorA: 'ok',
};

/** Only the participant's own record: everyone else signed in gets NOT_FOUND, tokens FORBIDDEN. */
const PARTICIPANT_OWN: Record<Actor, Outcome> = {
  ...PERSONS_ONLY,
  lecturer: 'NOT_FOUND',
  coordinatorA: 'NOT_FOUND',
  coordinatorB: 'NOT_FOUND',
  staff: 'NOT_FOUND',
};

const KNOWLEDGE_TEST_INPUT = {
  titleLv: 'Matricas tests',
  passPercent: 50,
  attemptsAllowed: 2,
  questions: [
    {
      id: 'k1',
      kind: 'SINGLE',
      textLv: 'Jautājums',
      points: 1,
      options: [
        { id: 'a', textLv: 'Jā', correct: true },
        { id: 'b', textLv: 'Nē', correct: false },
      ],
    },
  ],
};

const dayAhead = (days: number, hour: number) => {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};

const courseInput = (w: World) => ({
  code: w.unique(),
  topicId: w.topic,
  titleLv: 'Matricas kurss',
  titleEn: 'Matrix course',
  language: 'LV',
  format: 'ONLINE',
  hours: 4,
  priceCents: 0,
});

const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

/** Unique values for calls that create records (every actor's call makes one, refused or not). */
let registrationSerial = 0;
let ibanSerial = 0;
let codeSerial = 0;

export const MATRIX: Rule[] = [
  // The catalog (R-CAT): public, with restricted courses for those allowed.
  {
    operation: 'courses',
    rule: 'Everyone. Restricted courses only to staff, coordinators of allowed institutions and CATALOG_READ tokens.',
    call: () => ({ query: `{ courses(perPage: 100) { items { id } } }` }),
    expect: all('ok'),
    check(data, w, actor) {
      const seesRestricted = ['coordinatorA', 'staff', 'tokenCatalog'].includes(actor);
      if (ids(data.courses).includes(w.restrictedCourseA) !== seesRestricted) throw new Error(`${actor}: restricted course visibility is wrong`);
    },
  },
  {
    operation: 'course',
    rule: 'Everyone; a restricted course is NOT_FOUND for those who may not see it (here: restricted to A).',
    call: (w) => ({ query: `query ($id: ID!) { course(id: $id) { id } }`, variables: { id: w.restrictedCourseA } }),
    expect: { ...all('NOT_FOUND'), coordinatorA: 'ok', staff: 'ok', tokenCatalog: 'ok' },
  },
  { operation: 'topics', rule: 'Everyone.', call: () => ({ query: `{ topics { items { id } } }` }), expect: all('ok') },
  {
    operation: 'topic',
    rule: 'Everyone.',
    call: (w) => ({ query: `query ($id: ID!) { topic(id: $id) { id } }`, variables: { id: w.topic } }),
    expect: all('ok'),
  },
  {
    operation: 'group',
    rule: 'Everyone for published groups of visible courses; planned groups only staff.',
    call: (w) => ({ query: `query ($id: ID!) { group(id: $id) { id } }`, variables: { id: w.openGroup } }),
    expect: all('ok'),
  },
  {
    operation: 'createTopic',
    rule: 'Staff.',
    call: (w) => ({
      query: `mutation ($input: TopicInput!) { createTopic(input: $input) { id } }`,
      variables: { input: { code: w.unique(), nameLv: 'Tēma', nameEn: 'Topic' } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'updateTopic',
    rule: 'Staff.',
    call: (w) => ({
      query: `mutation ($id: ID!, $input: TopicInput!) { updateTopic(id: $id, input: $input) { id } }`,
      variables: { id: w.topic, input: { code: `T-${w.unique()}`, nameLv: 'Tēma', nameEn: 'Topic' } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'deleteTopic',
    rule: 'Staff; refused while courses use it.',
    call: async (w) => ({ query: `mutation ($id: ID!) { deleteTopic(id: $id) { id } }`, variables: { id: await w.fresh.topic() } }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'createCourse',
    rule: 'Staff.',
    call: (w) => ({ query: `mutation ($input: CourseInput!) { createCourse(input: $input) { id } }`, variables: { input: courseInput(w) } }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'updateCourse',
    rule: 'Staff.',
    call: (w) => ({
      query: `mutation ($id: ID!, $input: CourseInput!) { updateCourse(id: $id, input: $input) { id } }`,
      variables: { id: w.publicCourse, input: { titleEn: 'Matrix course' } },
    }),
    expect: STAFF_ONLY,
  },

  // Scheduling (R-SCH): planning is staff work.
  { operation: 'groups', rule: 'Staff.', call: () => ({ query: `{ groups { items { id } } }` }), expect: STAFF_ONLY },
  { operation: 'sessions', rule: 'Staff.', call: () => ({ query: `{ sessions { items { id } } }` }), expect: STAFF_ONLY },
  {
    operation: 'session',
    rule: 'Staff.',
    call: (w) => ({ query: `query ($id: ID!) { session(id: $id) { id } }`, variables: { id: w.session } }),
    expect: STAFF_ONLY,
  },
  { operation: 'lecturers', rule: 'Staff.', call: () => ({ query: `{ lecturers { items { id } } }` }), expect: STAFF_ONLY },
  { operation: 'places', rule: 'Staff.', call: () => ({ query: `{ places { items { id } } }` }), expect: STAFF_ONLY },
  {
    operation: 'createGroup',
    rule: 'Staff.',
    call: (w) => ({
      query: `mutation ($input: GroupInput!) { createGroup(input: $input) { id } }`,
      variables: { input: { code: w.unique(), courseId: w.publicCourse, minSize: 2, maxSize: 10 } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'updateGroup',
    rule: 'Staff.',
    call: (w) => ({
      query: `mutation ($id: ID!, $input: GroupInput!) { updateGroup(id: $id, input: $input) { id } }`,
      variables: { id: w.openGroup, input: { maxSize: 12 } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'createSession',
    rule: 'Staff.',
    call: (w) => ({
      query: `mutation ($input: SessionInput!) { createSession(input: $input) { id } }`,
      variables: { input: { groupId: w.openGroup, startsAt: dayAhead(30, 7), endsAt: dayAhead(30, 10), onlineUrl: 'https://vas.example.lv/meet/2' } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'updateSession',
    rule: 'Staff.',
    call: (w) => ({
      query: `mutation ($id: ID!, $input: SessionInput!) { updateSession(id: $id, input: $input) { id } }`,
      variables: { id: w.session, input: { onlineUrl: 'https://vas.example.lv/meet/3' } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'deleteSession',
    rule: 'Staff.',
    call: async (w) => ({ query: `mutation ($id: ID!) { deleteSession(id: $id) { id } }`, variables: { id: await w.fresh.session() } }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'createLecturer',
    rule: 'Staff.',
    call: () => ({ query: `mutation ($input: LecturerInput!) { createLecturer(input: $input) { id } }`, variables: { input: { name: 'Pasniedzējs' } } }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'updateLecturer',
    rule: 'Staff.',
    call: (w) => ({
      query: `mutation ($id: ID!, $input: LecturerInput!) { updateLecturer(id: $id, input: $input) { id } }`,
      variables: { id: w.lecturer, input: { name: 'Pasniedzējs' } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'createPlace',
    rule: 'Staff.',
    call: () => ({
      query: `mutation ($input: PlaceInput!) { createPlace(input: $input) { id } }`,
      variables: { input: { name: 'Telpa', address: 'Rīga', capacity: 20 } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'updatePlace',
    rule: 'Staff.',
    call: (w) => ({
      query: `mutation ($id: ID!, $input: PlaceInput!) { updatePlace(id: $id, input: $input) { id } }`,
      variables: { id: w.place, input: { capacity: 25 } },
    }),
    expect: STAFF_ONLY,
  },

  {
    operation: 'saveGroupSchedule',
    rule: 'Staff.',
    call: (w) => ({
      query: `mutation ($id: ID!, $input: GroupScheduleInput!) { saveGroupSchedule(groupId: $id, input: $input) { id } }`,
      variables: { id: w.openGroup, input: { create: [{ startsAt: dayAhead(31, 7), endsAt: dayAhead(31, 10), onlineUrl: 'https://vas.example.lv/meet/4' }] } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'cancelGroup',
    rule: 'Staff. Participants and lecturers are told by e-mail.',
    call: async (w) => ({ query: `mutation ($id: ID!) { cancelGroup(id: $id, reason: "Matrica") { id } }`, variables: { id: await w.fresh.group() } }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'mySessions',
    rule: 'A signed-in person: their own sessions as participant and as lecturer (here the participant and the lecturer have some). Not API tokens.',
    call: () => ({ query: `{ mySessions { role session { id } } }` }),
    expect: { ...PERSONS_ONLY, coordinatorA: 'none', coordinatorB: 'none', staff: 'none' },
  },
  {
    operation: 'scheduleChanged',
    rule: 'Anyone, over a WebSocket (the session cookie decides; API tokens are not used there). Without groupIds: changes of the groups one is registered in or teaches (staff: all). With groupIds: also those of published groups of courses one may see (here an open group of a public course).',
    call: (w) => ({ query: `subscription ($ids: [ID!]) { scheduleChanged(groupIds: $ids) { groupId } }`, variables: { ids: [w.openGroup] } }),
    trigger: (w) => w.fresh.scheduleChange(),
    expect: all('ok'),
    check(data, w, actor) {
      if (data.scheduleChanged.groupId !== w.openGroup) throw new Error(`${actor} heard of another group's change`);
    },
  },
  {
    operation: 'groupSeatsChanged',
    rule: 'Anyone, over a WebSocket, for groups whose course page they may see (published groups of public courses, or of restricted ones allowed to their institution or that they are registered in; staff all).',
    call: (w) => ({
      query: `subscription ($ids: [ID!]!) { groupSeatsChanged(groupIds: $ids) { groupId seatsTaken seatsLeft isFull } }`,
      variables: { ids: [w.openGroup] },
    }),
    trigger: (w) => w.fresh.seatChange(),
    expect: all('ok'),
    check(data, w, actor) {
      if (data.groupSeatsChanged.groupId !== w.openGroup) throw new Error(`${actor} heard of another group's seats`);
    },
  },

  // Calendar feeds (R-SCH-4): in this order, as a person meets them.
  {
    operation: 'myCalendarFeed',
    rule: 'A signed-in person, their own (null until they create one). Not API tokens.',
    call: () => ({ query: `{ myCalendarFeed { createdAt } }` }),
    expect: { ...PERSONS_ONLY, participant: 'none', lecturer: 'none', coordinatorA: 'none', coordinatorB: 'none', staff: 'none' },
  },
  {
    operation: 'createMyCalendarFeed',
    rule: 'A signed-in person, for themselves. Not API tokens.',
    call: () => ({ query: `mutation { createMyCalendarFeed { url } }` }),
    expect: PERSONS_ONLY,
  },
  {
    operation: 'revokeMyCalendarFeed',
    rule: 'A signed-in person, their own. Not API tokens.',
    call: () => ({ query: `mutation { revokeMyCalendarFeed }` }),
    expect: PERSONS_ONLY,
  },

  // E-mail (the outbox): the console's mailbox.
  { operation: 'outboxMessages', rule: 'Staff.', call: () => ({ query: `{ outboxMessages { total } }` }), expect: STAFF_ONLY },
  {
    operation: 'outboxMessage',
    rule: 'Staff.',
    call: async (w) => ({ query: `query ($id: ID!) { outboxMessage(id: $id) { id } }`, variables: { id: await w.fresh.failedOutboxMessage() } }),
    expect: STAFF_ONLY,
  },
  { operation: 'outboxStatusCounts', rule: 'Staff.', call: () => ({ query: `{ outboxStatusCounts { status count } }` }), expect: STAFF_ONLY },
  { operation: 'mailSettings', rule: 'Staff.', call: () => ({ query: `{ mailSettings { mailbox from } }` }), expect: STAFF_ONLY },
  {
    operation: 'notificationPreview',
    rule: 'Staff.',
    call: () => ({ query: `{ notificationPreview(kind: SCHEDULE_CHANGED, language: LV) { subject } }` }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'retryOutboxMessage',
    rule: 'Staff; only a FAILED message.',
    call: async (w) => ({ query: `mutation ($id: ID!) { retryOutboxMessage(id: $id) { id } }`, variables: { id: await w.fresh.failedOutboxMessage() } }),
    expect: STAFF_ONLY,
  },

  // People (R-ID).
  {
    operation: 'me',
    rule: 'Anyone may ask: null for the anonymous and for API tokens.',
    call: () => ({ query: `{ me { person { id } } }` }),
    expect: { ...all('ok'), anonymous: 'none', tokenCatalog: 'none', tokenA: 'none' },
  },
  {
    operation: 'updateMyProfile',
    rule: 'A signed-in person, for themselves only. Not API tokens.',
    call: () => ({
      query: `mutation ($input: ProfileInput!) { updateMyProfile(input: $input) { person { id } } }`,
      variables: { input: { phone: '+37120000000' } },
    }),
    expect: PERSONS_ONLY,
  },

  // Registrations (R-REG), for integrations and coordinators.
  {
    operation: 'registrations',
    rule: "Staff: all. A coordinator: their institutions' employees only (another institution: FORBIDDEN). A REGISTRATIONS_READ token: its institution only.",
    call: (w) => ({
      query: `query ($f: RegistrationFilter) { registrations(filter: $f) { items { id } } }`,
      variables: { f: { institutionId: w.institutionA } },
    }),
    expect: { ...STAFF_AND_OWN_COORDINATOR, tokenA: 'ok' },
  },

  {
    operation: 'myRegistrations',
    rule: 'A signed-in person: their own registrations (here only the participant has some). Not API tokens.',
    call: () => ({ query: `{ myRegistrations { id status } }` }),
    expect: { ...PERSONS_ONLY, lecturer: 'none', coordinatorA: 'none', coordinatorB: 'none', staff: 'none' },
  },
  {
    operation: 'register',
    rule: 'A signed-in person, for themself, into an open group of a public course. Not API tokens.',
    call: async (w) => ({
      query: `mutation ($input: RegisterInput!) { register(input: $input) { id status } }`,
      variables: { input: { groupId: await w.fresh.freeGroup() } },
    }),
    expect: PERSONS_ONLY,
  },
  {
    operation: 'registerEmployees',
    rule: "Staff; a coordinator for their own institution's current employees (another institution: FORBIDDEN).",
    call: async (w) => ({
      query: `mutation ($input: EmployeeRegistrationInput!) { registerEmployees(input: $input) { id status } }`,
      variables: { input: { groupId: await w.fresh.group(), institutionId: w.institutionA, personIds: [w.participant], billingAccountId: w.billingAccountA } },
    }),
    expect: STAFF_AND_OWN_COORDINATOR,
  },
  {
    operation: 'cancelRegistration',
    rule: "The registration's person, their institution's coordinator and staff; anyone else gets NOT_FOUND. Not API tokens.",
    call: async (w) => ({
      query: `mutation ($input: CancelRegistrationInput!) { cancelRegistration(input: $input) { id status } }`,
      variables: { input: { id: await w.fresh.registrationOfParticipant('CONFIRMED'), reason: 'Matrica' } },
    }),
    expect: { ...PERSONS_ONLY, lecturer: 'NOT_FOUND', coordinatorB: 'NOT_FOUND' },
  },
  {
    operation: 'confirmFromWaitingList',
    rule: 'Staff.',
    call: async (w) => ({
      query: `mutation ($id: ID!) { confirmFromWaitingList(id: $id) { id status } }`,
      variables: { id: await w.fresh.registrationOfParticipant('WAITING') },
    }),
    expect: STAFF_ONLY,
  },

  // Interest requests (R-CAT-3): "tell me when the next group opens".
  // The reads come first: requestNextGroup leaves requests of the other actors behind.
  {
    operation: 'myInterestRequests',
    rule: 'A signed-in person: their own interest requests (here only the participant has one). Not API tokens.',
    call: () => ({ query: `{ myInterestRequests { id course { id } person { id } } }` }),
    expect: { ...PERSONS_ONLY, lecturer: 'none', coordinatorA: 'none', coordinatorB: 'none', staff: 'none' },
  },
  {
    operation: 'courseDemand',
    rule: 'Staff.',
    call: () => ({ query: `{ courseDemand(perPage: 100) { items { course { id } requestCount hasOpenGroup } total } }` }),
    expect: STAFF_ONLY,
    check(data, w, actor) {
      if (actor !== 'staff') return;
      const row = data.courseDemand.items.find((item: any) => item.course.id === w.interestCourse);
      if (row?.requestCount !== 1) throw new Error('the interest course is not in the demand with one request');
    },
  },
  {
    operation: 'interestRequests',
    rule: 'Staff: the people with their e-mail addresses.',
    call: (w) => ({
      query: `query ($f: InterestRequestFilter) { interestRequests(filter: $f) { items { id person { id email } } } }`,
      variables: { f: { courseId: w.interestCourse } },
    }),
    expect: STAFF_ONLY,
    check(data, w, actor) {
      if (actor !== 'staff') return;
      if (JSON.stringify(data.interestRequests.items.map((item: any) => item.person.id)) !== JSON.stringify([w.participant]))
        throw new Error('the wrong people');
    },
  },
  {
    operation: 'requestNextGroup',
    rule: 'A signed-in person, for themself, for a course they may see (here: restricted to A; NOT_FOUND for others). Not API tokens.',
    call: async (w) => ({
      query: `mutation ($id: ID!) { requestNextGroup(courseId: $id) { id course { id } } }`,
      variables: { id: await w.fresh.restrictedCourseA() },
    }),
    expect: { ...PERSONS_ONLY, participant: 'NOT_FOUND', lecturer: 'NOT_FOUND', coordinatorB: 'NOT_FOUND' },
  },
  {
    operation: 'withdrawInterestRequest',
    rule: 'A signed-in person, their own request only (false when they have none). Not API tokens.',
    call: (w) => ({ query: `mutation ($id: ID!) { withdrawInterestRequest(courseId: $id) }`, variables: { id: w.publicCourse } }),
    expect: PERSONS_ONLY,
  },

  // Institutions, billing accounts, coordinators and employees (R-ID-4, R-ID-5, R-ID-6).
  {
    operation: 'institutions',
    rule: 'Staff: all. A coordinator: only the institutions they coordinate.',
    call: () => ({ query: `{ institutions(perPage: 100) { items { id } } }` }),
    expect: { ...STAFF_ONLY, coordinatorA: 'ok', coordinatorB: 'ok' },
    check(data, w, actor) {
      const own = { coordinatorA: [w.institutionA], coordinatorB: [w.institutionB] }[actor as 'coordinatorA' | 'coordinatorB'];
      if (own && JSON.stringify(ids(data.institutions)) !== JSON.stringify(own)) throw new Error(`${actor} sees another institution`);
    },
  },
  {
    operation: 'institution',
    rule: 'Staff: any. A coordinator: one they coordinate (here A; another is FORBIDDEN).',
    call: (w) => ({ query: `query ($id: ID!) { institution(id: $id) { id } }`, variables: { id: w.institutionA } }),
    expect: STAFF_AND_OWN_COORDINATOR,
  },
  {
    operation: 'createInstitution',
    rule: 'Staff.',
    call: (w) => ({
      query: `mutation ($input: InstitutionInput!) { createInstitution(input: $input) { id } }`,
      variables: { input: { code: w.unique(), name: 'Matricas iestāde', registrationNumber: String(50_000_000_000 + (registrationSerial += 1)) } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'updateInstitution',
    rule: 'Staff (not even its own coordinators).',
    call: (w) => ({
      query: `mutation ($id: ID!, $input: InstitutionInput!) { updateInstitution(id: $id, input: $input) { id } }`,
      variables: { id: w.institutionA, input: { legalAddress: { street: 'Brīvības iela 1', city: 'Rīga', postcode: 'LV-1010' } } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'billingAccounts',
    rule: "Staff: all. A coordinator: their institutions' (another institution: FORBIDDEN). An employee chooses from `Institution.billingAccounts` instead.",
    call: (w) => ({
      query: `query ($f: BillingAccountFilter) { billingAccounts(filter: $f) { items { id } } }`,
      variables: { f: { institutionId: w.institutionA } },
    }),
    expect: STAFF_AND_OWN_COORDINATOR,
  },
  {
    operation: 'createBillingAccount',
    rule: "Staff and the institution's coordinators.",
    call: (w) => ({
      query: `mutation ($id: ID!, $input: BillingAccountInput!) { createBillingAccount(institutionId: $id, input: $input) { id } }`,
      variables: { id: w.institutionA, input: { name: 'Matricas konts', number: testIban(700_000 + (ibanSerial += 1)) } },
    }),
    expect: STAFF_AND_OWN_COORDINATOR,
  },
  {
    operation: 'updateBillingAccount',
    rule: "Staff and the institution's coordinators.",
    call: (w) => ({
      query: `mutation ($id: ID!, $input: BillingAccountInput!) { updateBillingAccount(id: $id, input: $input) { id } }`,
      variables: { id: w.billingAccountA, input: { name: 'Personāla daļa' } },
    }),
    expect: STAFF_AND_OWN_COORDINATOR,
  },
  {
    operation: 'archiveBillingAccount',
    rule: "Staff and the institution's coordinators.",
    call: async (w) => ({ query: `mutation ($id: ID!) { archiveBillingAccount(id: $id) { id } }`, variables: { id: await w.fresh.billingAccountA() } }),
    expect: STAFF_AND_OWN_COORDINATOR,
  },
  {
    operation: 'restoreBillingAccount',
    rule: "Staff and the institution's coordinators.",
    call: async (w) => ({ query: `mutation ($id: ID!) { restoreBillingAccount(id: $id) { id } }`, variables: { id: await w.fresh.billingAccountA() } }),
    expect: STAFF_AND_OWN_COORDINATOR,
  },
  {
    operation: 'appointCoordinator',
    rule: 'Staff.',
    call: (w) => ({
      query: `mutation ($id: ID!, $code: String!) { appointCoordinator(institutionId: $id, personalCode: $code, givenName: "Matrica", familyName: "Koordinatore") { id } }`,
      variables: { id: w.institutionA, code: testPersonalCode(700_000 + (codeSerial += 1)) },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'removeCoordinator',
    rule: 'Staff.',
    call: async (w) => ({
      query: `mutation ($id: ID!, $person: ID!) { removeCoordinator(institutionId: $id, personId: $person) { id } }`,
      variables: { id: w.institutionA, person: await w.fresh.coordinatorOfA() },
    }),
    expect: STAFF_ONLY,
  },
  // Questions to the school (R-SUP-1). The reads come first: askQuestion leaves questions behind.
  {
    operation: 'myQuestions',
    rule: 'A signed-in person: their own questions (here only the participant has one). Not API tokens.',
    call: () => ({ query: `{ myQuestions { id status } }` }),
    expect: { ...PERSONS_ONLY, lecturer: 'none', coordinatorA: 'none', coordinatorB: 'none', staff: 'none' },
  },
  {
    operation: 'supportQuestions',
    rule: 'Staff.',
    call: () => ({ query: `{ supportQuestions(perPage: 5) { total items { id email } } }` }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'askQuestion',
    rule: 'Anyone, signed in or not (at most 5 an hour per address or person). Not API tokens.',
    call: (w) => ({
      query: `mutation ($input: QuestionInput!) { askQuestion(input: $input) { id status } }`,
      variables: { input: { name: 'Matrica', email: `matrica.${w.unique()}@example.test`, text: 'Matricas jautājums par mācībām.' } },
    }),
    expect: { ...all('ok'), tokenCatalog: 'FORBIDDEN', tokenA: 'FORBIDDEN' },
  },
  {
    operation: 'assignQuestion',
    rule: 'Staff.',
    call: async (w) => ({ query: `mutation ($id: ID!) { assignQuestion(id: $id) { id } }`, variables: { id: await w.fresh.question() } }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'answerQuestion',
    rule: 'Staff.',
    call: async (w) => ({
      query: `mutation ($id: ID!) { answerQuestion(id: $id, answer: "Matricas atbilde") { id status } }`,
      variables: { id: await w.fresh.question() },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'closeQuestion',
    rule: 'Staff.',
    call: async (w) => ({ query: `mutation ($id: ID!) { closeQuestion(id: $id) { id status } }`, variables: { id: await w.fresh.question() } }),
    expect: STAFF_ONLY,
  },

  // Evaluation questionnaires (R-AFT-1, R-AFT-2).
  {
    operation: 'questionnaires',
    rule: 'Staff.',
    call: async (w) => {
      await w.fresh.questionnaire();
      return { query: `{ questionnaires(perPage: 5) { total items { id versions { number } } } }` };
    },
    expect: STAFF_ONLY,
  },
  {
    operation: 'questionnaire',
    rule: 'Staff.',
    call: async (w) => ({ query: `query ($id: ID!) { questionnaire(id: $id) { id title } }`, variables: { id: await w.fresh.questionnaire() } }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'createQuestionnaire',
    rule: 'Staff.',
    call: () => ({
      query: `mutation ($input: QuestionnaireInput!) { createQuestionnaire(input: $input) { id } }`,
      variables: { input: { title: 'Matricas anketa', questions: [{ kind: 'TEXT', textLv: 'Komentārs' }] } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'updateQuestionnaire',
    rule: 'Staff.',
    call: async (w) => ({
      query: `mutation ($id: ID!, $input: QuestionnaireInput!) { updateQuestionnaire(id: $id, input: $input) { id } }`,
      variables: { id: await w.fresh.questionnaire(), input: { title: 'Matricas anketa 2', questions: [{ kind: 'SCALE', textLv: 'Vērtējums' }] } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'publishQuestionnaire',
    rule: 'Staff.',
    call: async (w) => ({ query: `mutation ($id: ID!) { publishQuestionnaire(id: $id) { id } }`, variables: { id: await w.fresh.questionnaire() } }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'questionnaireReport',
    rule: 'Staff: aggregates without names.',
    call: (w) => ({
      query: `query ($filter: QuestionnaireReportFilter!) { questionnaireReport(filter: $filter) { invited responses } }`,
      variables: { filter: { groupId: w.openGroup } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'myQuestionnaires',
    rule: 'A signed-in person: the questionnaires they are invited to (here only the participant has one). Not API tokens.',
    call: async (w, actor) => {
      if (actor === 'participant') await w.fresh.questionnaireOfParticipant();
      return { query: `{ myQuestionnaires { groupId completed } }` };
    },
    expect: { ...PERSONS_ONLY, lecturer: 'none', coordinatorA: 'none', coordinatorB: 'none', staff: 'none' },
  },
  {
    operation: 'myQuestionnaire',
    rule: 'The invited person; anyone else gets NOT_FOUND. Not API tokens.',
    call: async (w) => ({
      query: `query ($g: ID!) { myQuestionnaire(groupId: $g) { groupId questions { id } } }`,
      variables: { g: await w.fresh.questionnaireOfParticipant() },
    }),
    expect: { ...PERSONS_ONLY, lecturer: 'NOT_FOUND', coordinatorA: 'NOT_FOUND', coordinatorB: 'NOT_FOUND', staff: 'NOT_FOUND' },
  },
  {
    operation: 'submitQuestionnaire',
    rule: 'The invited person, once; anyone else gets NOT_FOUND. The answers are stored without the person. Not API tokens.',
    call: async (w) => ({
      query: `mutation ($g: ID!) { submitQuestionnaire(groupId: $g, answers: [{ questionId: "q1", scale: 4 }]) { completed } }`,
      variables: { g: await w.fresh.questionnaireOfParticipant() },
    }),
    expect: { ...PERSONS_ONLY, lecturer: 'NOT_FOUND', coordinatorA: 'NOT_FOUND', coordinatorB: 'NOT_FOUND', staff: 'NOT_FOUND' },
  },

  // Knowledge tests (R-AFT-4).
  {
    operation: 'knowledgeTests',
    rule: 'Staff.',
    call: async (w) => {
      await w.fresh.knowledgeTest();
      return { query: `{ knowledgeTests(perPage: 5) { total items { id titleLv } } }` };
    },
    expect: STAFF_ONLY,
  },
  {
    operation: 'knowledgeTest',
    rule: 'Staff (with the correct options, which only staff may read).',
    call: async (w) => ({
      query: `query ($id: ID!) { knowledgeTest(id: $id) { id questions { options { id correct } } } }`,
      variables: { id: await w.fresh.knowledgeTest() },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'createKnowledgeTest',
    rule: 'Staff.',
    call: () => ({
      query: `mutation ($input: KnowledgeTestInput!) { createKnowledgeTest(input: $input) { id } }`,
      variables: { input: KNOWLEDGE_TEST_INPUT },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'updateKnowledgeTest',
    rule: 'Staff.',
    call: async (w) => ({
      query: `mutation ($id: ID!, $input: KnowledgeTestInput!) { updateKnowledgeTest(id: $id, input: $input) { id } }`,
      variables: { id: await w.fresh.knowledgeTest(), input: { ...KNOWLEDGE_TEST_INPUT, titleLv: 'Matricas tests 2' } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'publishKnowledgeTest',
    rule: 'Staff.',
    call: async (w) => ({ query: `mutation ($id: ID!) { publishKnowledgeTest(id: $id) { id } }`, variables: { id: await w.fresh.knowledgeTest() } }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'inviteGroupToKnowledgeTest',
    rule: "Staff: the group's confirmed participants.",
    call: async (w) => ({
      query: `mutation ($t: ID!, $g: ID!) { inviteGroupToKnowledgeTest(testId: $t, groupId: $g) { invited } }`,
      variables: { t: await w.fresh.knowledgeTest(), g: w.openGroup },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'knowledgeTestResults',
    rule: 'Staff: every invitation with its best result.',
    call: async (w) => ({
      query: `query ($filter: KnowledgeTestResultFilter!) { knowledgeTestResults(filter: $filter) { total items { personName passed } } }`,
      variables: { filter: { groupId: w.openGroup } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'myKnowledgeTests',
    rule: 'A signed-in person: the tests they are invited to (here only the participant has one). Not API tokens.',
    call: async (w, actor) => {
      if (actor === 'participant') await w.fresh.knowledgeTestInvitationOfParticipant();
      return { query: `{ myKnowledgeTests { id title attempts { number } } }` };
    },
    expect: { ...PERSONS_ONLY, lecturer: 'none', coordinatorA: 'none', coordinatorB: 'none', staff: 'none' },
  },
  {
    operation: 'myKnowledgeTest',
    rule: 'The invited person (never the correct options); anyone else gets NOT_FOUND. Not API tokens.',
    call: async (w) => ({
      query: `query ($id: ID!) { myKnowledgeTest(id: $id) { id questions { id options { id } } } }`,
      variables: { id: await w.fresh.knowledgeTestInvitationOfParticipant() },
    }),
    expect: PARTICIPANT_OWN,
  },
  {
    operation: 'startKnowledgeTestAttempt',
    rule: 'The invited person, while attempts are left; anyone else gets NOT_FOUND. Not API tokens.',
    call: async (w) => ({
      query: `mutation ($i: ID!) { startKnowledgeTestAttempt(invitationId: $i) { id number } }`,
      variables: { i: await w.fresh.knowledgeTestInvitationOfParticipant() },
    }),
    expect: PARTICIPANT_OWN,
  },
  {
    operation: 'saveTestAnswers',
    rule: 'The person whose attempt it is, while it is open; anyone else gets NOT_FOUND. Not API tokens.',
    call: async (w) => ({
      query: `mutation ($a: ID!) { saveTestAnswers(attemptId: $a, answers: [{ questionId: "k1", optionIds: ["b"] }]) { id } }`,
      variables: { a: await w.fresh.knowledgeTestAttemptOfParticipant() },
    }),
    expect: PARTICIPANT_OWN,
  },
  {
    operation: 'submitKnowledgeTestAttempt',
    rule: 'The person whose attempt it is, once; anyone else gets NOT_FOUND. Not API tokens.',
    call: async (w) => ({
      query: `mutation ($a: ID!) { submitKnowledgeTestAttempt(attemptId: $a, answers: [{ questionId: "k1", optionIds: ["a"] }]) { score passed } }`,
      variables: { a: await w.fresh.knowledgeTestAttemptOfParticipant() },
    }),
    expect: PARTICIPANT_OWN,
  },

  // Roles (R-ID-7): staff find people; only an administrator (not an actor here: see roles.test.ts) grants roles.
  {
    operation: 'people',
    rule: 'Staff.',
    call: () => ({ query: `{ people(perPage: 5) { total items { id roles } } }` }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'grantRole',
    rule: 'An administrator, for someone else (roles.test.ts); staff and everyone else are refused.',
    call: (w) => ({ query: `mutation ($p: ID!) { grantRole(personId: $p, role: STAFF) { id } }`, variables: { p: w.participant } }),
    expect: { ...STAFF_ONLY, staff: 'FORBIDDEN' },
  },
  {
    operation: 'withdrawRole',
    rule: 'An administrator, for someone else (roles.test.ts); staff and everyone else are refused.',
    call: (w) => ({ query: `mutation ($p: ID!) { withdrawRole(personId: $p, role: STAFF) { id } }`, variables: { p: w.participant } }),
    expect: { ...STAFF_ONLY, staff: 'FORBIDDEN' },
  },

  // Invoices (R-FIN-1). Before the nominations: an approved one makes the participant a coordinator.
  {
    operation: 'invoices',
    rule: "Staff: every invoice; a coordinator: their institutions' (not drafts).",
    call: () => ({ query: `{ invoices(perPage: 100) { total items { id number payerName } } }` }),
    expect: { ...STAFF_ONLY, coordinatorA: 'ok', coordinatorB: 'none' },
    check: (data, w, actor) => {
      if (actor !== 'coordinatorA') return;
      const ids = data.invoices.items.map((i: { id: string }) => i.id);
      if (ids.length !== 1 || ids[0] !== w.invoiceOfA) throw new Error(`A coordinator of A sees ${ids.join(', ')}`);
    },
  },
  {
    operation: 'myInvoices',
    rule: 'Signed-in persons: their own invoices as a private payer (not drafts).',
    call: () => ({ query: `{ myInvoices { id number } }` }),
    expect: { ...PERSONS_ONLY, lecturer: 'none', coordinatorA: 'none', coordinatorB: 'none', staff: 'none' },
  },
  {
    operation: 'invoiceFile',
    rule: "Staff; the invoice's institution's coordinators and its private payer once issued; NOT_FOUND for others.",
    call: (w) => ({
      query: `query ($id: ID!) { invoiceFile(id: $id, format: PDF) { filename contentType } }`,
      variables: { id: w.invoiceOfA },
    }),
    expect: { ...all('NOT_FOUND'), anonymous: 'UNAUTHENTICATED', tokenCatalog: 'FORBIDDEN', tokenA: 'FORBIDDEN', coordinatorA: 'ok', staff: 'ok' },
  },
  {
    operation: 'createGroupInvoices',
    rule: 'Staff.',
    call: async (w) => ({ query: `mutation ($id: ID!) { createGroupInvoices(groupId: $id) { id } }`, variables: { id: await w.fresh.paidGroup() } }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'issueInvoice',
    rule: 'Staff.',
    call: async (w) => ({ query: `mutation ($id: ID!) { issueInvoice(id: $id) { id number } }`, variables: { id: await w.fresh.invoiceDraft() } }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'markInvoicePaid',
    rule: 'Staff.',
    call: async (w) => ({ query: `mutation ($id: ID!) { markInvoicePaid(id: $id) { id status } }`, variables: { id: await w.fresh.issuedInvoice() } }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'cancelInvoice',
    rule: 'Staff: a draft is dropped, an issued invoice cancelled by a credit note.',
    call: async (w) => ({
      query: `mutation ($id: ID!) { cancelInvoice(id: $id, reason: "Matricas atcelšana") { id type } }`,
      variables: { id: await w.fresh.issuedInvoice() },
    }),
    expect: STAFF_ONLY,
  },

  // Coordinator nominations (R-ID-7). The reads come first: the request below leaves requests behind.
  {
    operation: 'myCoordinatorNominations',
    rule: 'A signed-in person: their own requests (here only the participant has one). Not API tokens.',
    call: () => ({ query: `{ myCoordinatorNominations { id status } }` }),
    expect: { ...PERSONS_ONLY, lecturer: 'none', coordinatorA: 'none', coordinatorB: 'none', staff: 'none' },
  },
  {
    operation: 'coordinatorNominations',
    rule: 'Staff.',
    call: () => ({ query: `{ coordinatorNominations(perPage: 5) { total items { id } } }` }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'requestCoordinatorNomination',
    rule: 'A signed-in person with an e-mail address, for themself. Not API tokens.',
    call: () => ({
      query: `mutation ($input: NominationInput!) { requestCoordinatorNomination(input: $input) { id } }`,
      variables: {
        input: {
          registrationNumber: `9${String(800_000_000 + (codeSerial += 1)).padStart(10, '0')}`,
          institutionName: 'Matricas iestāde',
          position: 'Vadītāja',
        },
      },
    }),
    expect: PERSONS_ONLY,
  },
  {
    operation: 'withdrawCoordinatorNomination',
    rule: "The request's person; anyone else gets NOT_FOUND. Not API tokens.",
    call: async (w) => ({
      query: `mutation ($id: ID!) { withdrawCoordinatorNomination(id: $id) { id status } }`,
      variables: { id: await w.fresh.nominationOfParticipant() },
    }),
    expect: { ...PERSONS_ONLY, lecturer: 'NOT_FOUND', coordinatorA: 'NOT_FOUND', coordinatorB: 'NOT_FOUND', staff: 'NOT_FOUND' },
  },
  {
    operation: 'approveCoordinatorNomination',
    rule: 'Staff.',
    call: async (w) => ({
      query: `mutation ($id: ID!) { approveCoordinatorNomination(id: $id) { id status } }`,
      variables: { id: await w.fresh.nominationOfParticipant() },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'refuseCoordinatorNomination',
    rule: 'Staff, with a reason.',
    call: async (w) => ({
      query: `mutation ($id: ID!) { refuseCoordinatorNomination(id: $id, reason: "Matrica") { id status } }`,
      variables: { id: await w.fresh.nominationOfParticipant() },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'employees',
    rule: "Staff: all. A coordinator: their institutions' (another institution: FORBIDDEN). An EMPLOYEES_READ token: its institution only.",
    call: (w) => ({ query: `query ($f: EmploymentFilter) { employees(filter: $f) { items { id } } }`, variables: { f: { institutionId: w.institutionA } } }),
    expect: { ...STAFF_AND_OWN_COORDINATOR, tokenA: 'ok' },
  },
  {
    operation: 'addEmployee',
    rule: "Staff and the institution's coordinators; the person need not have signed in yet.",
    call: (w) => ({
      query: `mutation ($id: ID!, $input: EmployeeInput!) { addEmployee(institutionId: $id, input: $input) { id } }`,
      variables: { id: w.institutionA, input: { personalCode: testPersonalCode(710_000 + (codeSerial += 1)), givenName: 'Matrica', familyName: 'Darbiniece' } },
    }),
    expect: STAFF_AND_OWN_COORDINATOR,
  },
  {
    operation: 'endEmployment',
    rule: "Staff and the institution's coordinators; the employment stays as history.",
    call: async (w) => ({ query: `mutation ($id: ID!) { endEmployment(employmentId: $id) { id } }`, variables: { id: await w.fresh.employmentInA() } }),
    expect: STAFF_AND_OWN_COORDINATOR,
  },
  {
    operation: 'endMyEmployment',
    rule: 'The employee themselves ("I no longer work here"); someone else\'s employment is FORBIDDEN.',
    call: async (w, actor) => ({
      query: `mutation ($id: ID!) { endMyEmployment(employmentId: $id) { id } }`,
      variables: { id: await w.fresh.ownEmployment(actor) },
    }),
    expect: PERSONS_ONLY,
  },
  {
    operation: 'importEmployees',
    rule: "Staff and the institution's coordinators (here a dry run).",
    call: (w) => ({
      query: `mutation ($id: ID!, $csv: String!) { importEmployees(institutionId: $id, csv: $csv, dryRun: true) { added } }`,
      variables: { id: w.institutionA, csv: `personas_kods;vārds;uzvārds\n${testPersonalCode(720_000 + (codeSerial += 1))};Matrica;Importa\n` },
    }),
    expect: STAFF_AND_OWN_COORDINATOR,
  },

  // The help page (R-SUP-2): its video link is public; staff set it.
  {
    operation: 'helpSettings',
    rule: 'Everyone: the portal shows the help page before sign-in.',
    call: () => ({ query: `{ helpSettings { videoUrl } }` }),
    expect: all('ok'),
  },
  {
    operation: 'updateHelpSettings',
    rule: 'Staff: an https address or nothing.',
    call: () => ({
      query: `mutation ($input: HelpSettingsInput!) { updateHelpSettings(input: $input) { videoUrl } }`,
      variables: { input: { videoUrl: 'https://video.example.lv/vas' } },
    }),
    expect: STAFF_ONLY,
  },

  // Attendance (R-AFT-5): staff and the session's own lecturer.
  {
    operation: 'sessionAttendance',
    rule: 'Staff for any session; a lecturer for the sessions they teach (another session: FORBIDDEN). Names and institutions only.',
    call: (w) => ({ query: `query ($id: ID!) { sessionAttendance(sessionId: $id) { participants { personId status } } }`, variables: { id: w.session } }),
    expect: { ...STAFF_ONLY, lecturer: 'ok' },
  },
  {
    operation: 'markAttendance',
    rule: 'Staff for any session; a lecturer for the sessions they teach; once the session has started, confirmed participants only, all or nothing.',
    call: async (w) => ({
      query: `mutation ($id: ID!, $marks: [AttendanceMarkInput!]!) { markAttendance(sessionId: $id, marks: $marks) { participants { personId status } } }`,
      variables: { id: await w.fresh.startedSession(), marks: [{ personId: w.participant, status: 'PRESENT' }] },
    }),
    expect: { ...STAFF_ONLY, lecturer: 'ok' },
  },

  // Certificates (R-AFT-3).
  {
    operation: 'verifyCertificate',
    rule: 'Everyone: the public verification page; it tells only what the certificate states.',
    call: async (w) => ({
      query: `query ($code: String!) { verifyCertificate(code: $code) { number name } }`,
      variables: { code: (await w.fresh.certificate()).code },
    }),
    expect: all('ok'),
  },
  {
    operation: 'certificates',
    rule: 'Staff.',
    call: () => ({ query: `{ certificates(perPage: 5) { total items { id number name pdfUrl verificationPath } } }` }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'revokeCertificate',
    rule: 'Staff, with a reason.',
    call: async (w) => ({
      query: `mutation ($id: ID!) { revokeCertificate(id: $id, reason: "Matrica") { id revokedAt } }`,
      variables: { id: (await w.fresh.certificate()).id },
    }),
    expect: STAFF_ONLY,
  },

  // Course materials (R-CAT-5).
  {
    operation: 'courseMaterials',
    rule: 'Everyone: public materials of the courses they may see; a course’s (or group’s) participants and lecturers also its materials for participants; staff all.',
    call: async (w) => ({
      query: `query ($id: ID!) { courseMaterials(filter: { ids: [$id] }) { total items { id title url } } }`,
      variables: { id: await w.fresh.participantsMaterial() },
    }),
    expect: { ...all('none'), participant: 'ok', lecturer: 'ok', staff: 'ok' },
  },
  {
    operation: 'courseMaterial',
    rule: 'As courseMaterials; NOT_FOUND for a material the viewer may not see.',
    call: async (w) => ({ query: `query ($id: ID!) { courseMaterial(id: $id) { id url } }`, variables: { id: await w.fresh.participantsMaterial() } }),
    expect: { ...all('NOT_FOUND'), participant: 'ok', lecturer: 'ok', staff: 'ok' },
  },
  {
    operation: 'createCourseMaterial',
    rule: 'Staff.',
    call: async (w) => ({
      query: `mutation ($input: CourseMaterialInput!) { createCourseMaterial(input: $input) { id } }`,
      variables: { input: { courseId: w.publicCourse, titleLv: 'Matrica', visibility: 'PUBLIC', fileId: await w.fresh.uploadedFile() } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'updateCourseMaterial',
    rule: 'Staff.',
    call: async (w) => ({
      query: `mutation ($id: ID!) { updateCourseMaterial(id: $id, input: { titleLv: "Mainīts" }) { id title } }`,
      variables: { id: await w.fresh.participantsMaterial() },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'deleteCourseMaterial',
    rule: 'Staff.',
    call: async (w) => ({ query: `mutation ($id: ID!) { deleteCourseMaterial(id: $id) { id } }`, variables: { id: await w.fresh.participantsMaterial() } }),
    expect: STAFF_ONLY,
  },

  // EU-funded projects (R-FIN-2). Indicator answers are personal data: their person and staff only.
  {
    operation: 'euProjects',
    rule: 'Staff.',
    call: async (w) => ({
      query: `query ($id: ID!) { euProjects(filter: { ids: [$id] }) { total items { id code } } }`,
      variables: { id: await w.fresh.euProject() },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'euProject',
    rule: 'Staff.',
    call: async (w) => ({ query: `query ($id: ID!) { euProject(id: $id) { id code } }`, variables: { id: await w.fresh.euProject() } }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'createEuProject',
    rule: 'Staff.',
    call: (w) => ({
      query: `mutation ($input: EuProjectInput!) { createEuProject(input: $input) { id } }`,
      variables: { input: { code: `M/${w.unique()}`, nameLv: 'Matrica', fund: 'ESF_PLUS', startsOn: '2025-01-01', endsOn: '2027-12-31' } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'updateEuProject',
    rule: 'Staff.',
    call: async (w) => ({
      query: `mutation ($id: ID!) { updateEuProject(id: $id, input: { nameEn: "Matrix" }) { id nameEn } }`,
      variables: { id: await w.fresh.euProject() },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'euProjectReport',
    rule: 'Staff: totals only, no person named.',
    call: async (w) => ({
      query: `query ($id: ID!) { euProjectReport(projectId: $id, from: "2025-01-01", to: "2025-12-31") { totals { participants } } }`,
      variables: { id: await w.fresh.euProject() },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'myAgeKnownFromPersonalCode',
    rule: 'Any signed-in person, about themself.',
    call: () => ({ query: `{ myAgeKnownFromPersonalCode }` }),
    expect: { ...all('ok'), anonymous: 'UNAUTHENTICATED', tokenCatalog: 'FORBIDDEN', tokenA: 'FORBIDDEN' },
  },
  {
    operation: 'submitIndicatorData',
    rule: 'The registration’s person, once; NOT_FOUND for anyone else’s registration (coordinators included).',
    call: async (w) => ({
      query: `mutation ($id: ID!) { submitIndicatorData(registrationId: $id, input: { consent: true, gender: FEMALE }) { registrationId } }`,
      variables: { id: await w.fresh.projectRegistrationOfParticipant() },
    }),
    expect: { ...all('NOT_FOUND'), anonymous: 'UNAUTHENTICATED', tokenCatalog: 'FORBIDDEN', tokenA: 'FORBIDDEN', participant: 'ok' },
  },

  // The audit log (R-NF-3).
  {
    operation: 'auditLog',
    rule: 'Staff. There is no mutation: nobody edits or deletes the log.',
    call: () => ({ query: `{ auditLog(perPage: 5) { total items { id action entity changes { field } actorName personName } } }` }),
    expect: STAFF_ONLY,
  },

  {
    operation: 'erasePerson',
    rule: 'Staff, with a reason; never themselves; not while the person has registrations in running groups.',
    call: async (w) => ({
      query: `mutation ($id: ID!) { erasePerson(id: $id, reason: "Iesniegums") { personId } }`,
      variables: { id: await w.fresh.person() },
    }),
    expect: STAFF_ONLY,
  },

  // API tokens (R-ID-6).
  { operation: 'apiTokens', rule: 'Staff.', call: () => ({ query: `{ apiTokens { items { id } } }` }), expect: STAFF_ONLY },
  {
    operation: 'createApiToken',
    rule: 'Staff. The secret is in the answer once; only its hash is stored.',
    call: (w) => ({
      query: `mutation ($input: ApiTokenInput!) { createApiToken(input: $input) { token } }`,
      variables: { input: { name: `Matrica ${w.unique()}`, scopes: ['CATALOG_READ'] } },
    }),
    expect: STAFF_ONLY,
  },
  {
    operation: 'revokeApiToken',
    rule: 'Staff.',
    call: async (w) => ({ query: `mutation ($id: ID!) { revokeApiToken(id: $id) { id } }`, variables: { id: await w.fresh.apiToken() } }),
    expect: STAFF_ONLY,
  },
];
