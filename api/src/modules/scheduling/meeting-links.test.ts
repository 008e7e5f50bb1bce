import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { fixtures } from '../../test/fixtures.js';
import { RegistrationStatus } from '../registration/registration.entity.js';
import { Lecturer } from './lecturer.entity.js';
import { Place } from './place.entity.js';

const LINK = 'https://vas.example.lv/meet/secret-42';
const COURSE = `query($id: ID!) { course(id: $id) { openGroups { sessions { isOnline onlineUrl place { name localName room localRoom } } } } }`;
const MY_SESSIONS = `{ mySessions { registrationStatus session { id isOnline onlineUrl } } }`;

let t: TestApp;
let courseId: string;
let sessionId: string;
let clients: Record<'anonymous' | 'stranger' | 'waiting' | 'confirmed' | 'lecturer' | 'coordinator' | 'staff', Client>;

beforeAll(async () => {
  t = await startTestApp();
  const f = fixtures(t.app.dataSource);
  const institution = await f.institution();
  const course = await f.course((await f.topic()).id);
  const group = await f.group(course.id, { minSize: 1, maxSize: 1 });
  const place = await t.app.dataSource.getRepository(Place).save({
    name: 'Valsts administrācijas skola',
    nameEn: 'Latvian School of Public Administration',
    address: 'Raiņa bulvāris 4, Rīga',
    room: '108. telpa (datorklase)',
    roomEn: 'Room 108 (computer lab)',
    capacity: 16,
  });
  const lecturerPerson = await f.person({ givenName: 'Jānis', familyName: 'Ozols' });
  const lecturer = await f.lecturer();
  await t.app.dataSource.getRepository(Lecturer).update(lecturer.id, { personId: lecturerPerson.id });
  const session = await f.session(group.id, 10, { onlineUrl: LINK, placeId: place.id, lecturerId: lecturer.id });
  const [confirmed, waiting, stranger, coordinator, staff] = [
    await f.person(),
    await f.person(),
    await f.person(),
    await f.person({ coordinates: [institution.id] }),
    await f.staff(),
  ];
  await f.employment(confirmed.id, institution.id);
  await f.registration(confirmed.id, group.id);
  await f.registration(waiting.id, group.id, RegistrationStatus.WAITING);
  courseId = course.id;
  sessionId = session.id;
  clients = {
    anonymous: t.anonymous,
    stranger: await t.as(stranger.id),
    waiting: await t.as(waiting.id),
    confirmed: await t.as(confirmed.id),
    lecturer: await t.as(lecturerPerson.id),
    coordinator: await t.as(coordinator.id),
    staff: await t.as(staff.id),
  };
});

afterAll(() => t?.stop());

describe("a session's online meeting link", () => {
  test.each(['anonymous', 'stranger', 'waiting', 'coordinator'] as const)(
    'is hidden from %s on the course page, which still says the session is online',
    async (who) => {
      const data = await clients[who].data(COURSE, { id: courseId });
      expect(data.course.openGroups[0].sessions[0]).toMatchObject({ isOnline: true, onlineUrl: null });
    },
  );

  test.each(['confirmed', 'lecturer', 'staff'] as const)('is shown to %s', async (who) => {
    const data = await clients[who].data(COURSE, { id: courseId });
    expect(data.course.openGroups[0].sessions[0]).toMatchObject({ isOnline: true, onlineUrl: LINK });
  });

  test('in the own schedule: a seat brings the link, the waiting list does not', async () => {
    const waiting = await clients.waiting.data(MY_SESSIONS);
    expect(waiting.mySessions).toEqual([{ registrationStatus: 'WAITING', session: { id: sessionId, isOnline: true, onlineUrl: null } }]);
    const confirmed = await clients.confirmed.data(MY_SESSIONS);
    expect(confirmed.mySessions).toEqual([{ registrationStatus: 'CONFIRMED', session: { id: sessionId, isOnline: true, onlineUrl: LINK } }]);
  });
});

describe('a place in the reader’s language', () => {
  test('English readers get the English name and room, Latvian readers the Latvian ones', async () => {
    const en = await t.anonymous.data(COURSE, { id: courseId }, { 'x-mps-language': 'en' });
    expect(en.course.openGroups[0].sessions[0].place).toEqual({
      name: 'Valsts administrācijas skola',
      localName: 'Latvian School of Public Administration',
      room: '108. telpa (datorklase)',
      localRoom: 'Room 108 (computer lab)',
    });
    const lv = await t.anonymous.data(COURSE, { id: courseId });
    expect(lv.course.openGroups[0].sessions[0].place).toMatchObject({ localName: 'Valsts administrācijas skola', localRoom: '108. telpa (datorklase)' });
  });

  test('staff give the English name and room in the console; empty ones fall back to Latvian', async () => {
    const { createPlace } = await clients.staff.data(
      `mutation { createPlace(input: { name: "Rīgas birojs", nameEn: "Riga office", address: "Elizabetes iela 1", room: "5. telpa", roomEn: " ", capacity: 10 }) { id nameEn roomEn } }`,
    );
    expect(createPlace).toMatchObject({ nameEn: 'Riga office', roomEn: null });
  });
});
