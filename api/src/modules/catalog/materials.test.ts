import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { DiskFileStorage, S3FileStorage, type FileStorage } from '../../common/file-storage.js';
import { SESSION_COOKIE } from '../../http/cookies.js';
import { fixtures } from '../../test/fixtures.js';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { RegistrationStatus } from '../registration/registration.entity.js';
import { CourseVisibility } from './course.entity.js';
import { StoredFile } from './material.entity.js';

/**
 * Course materials (R-CAT-5) through the real server: staff upload over HTTP (type, content and
 * size checked), attach a file or a link to a course or a group, public or for participants; each
 * viewer lists and downloads exactly what the rule lets them; files live in the app's file storage
 * (a folder here; an S3-compatible server in the second part).
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
let t: TestApp;
let f: ReturnType<typeof fixtures>;
let staff: Client;
let staffCookie: string;
let topic: string;

beforeAll(async () => {
  t = await startTestApp({ MPS_MATERIAL_MAX_MB: '1' });
  f = fixtures(t.app.dataSource);
  const staffId = (await f.staff()).id;
  staff = await t.as(staffId);
  staffCookie = await cookieOf(staffId);
  topic = (await f.topic()).id;
});

afterAll(async () => {
  await t?.stop();
});

async function cookieOf(personId: string) {
  return `${SESSION_COOKIE}=${(await t.app.services.auth.startSession(personId, 'test')).token}`;
}

function upload(name: string, bytes: Buffer, cookie: string | null = staffCookie, headers: Record<string, string> = {}) {
  return fetch(`${t.url}/api/materials/files`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), ...(cookie ? { cookie } : {}), ...headers },
    body: new Uint8Array(bytes),
  });
}

async function uploaded(name: string, bytes: Buffer): Promise<string> {
  const response = await upload(name, bytes);
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const CREATE = `mutation ($input: CourseMaterialInput!) { createCourseMaterial(input: $input) { id kind title url fileName contentType sizeBytes visibility groupId } }`;
const LIST = `query ($filter: CourseMaterialFilter) { courseMaterials(filter: $filter, perPage: 100) { total items { id title kind url course { id } } } }`;

async function create(input: Record<string, unknown>) {
  return (await staff.data(CREATE, { input })).createCourseMaterial;
}

const download = (url: string, cookie?: string) => fetch(`${t.url}${url}`, { headers: cookie ? { cookie } : {} });

describe('uploading a file', () => {
  it('takes the file, names it as sent and serves its own type', async () => {
    const response = await upload('Kursa programma — Šķēle.pdf', PDF);
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({ id: expect.any(String), fileName: 'Kursa programma — Šķēle.pdf', contentType: 'application/pdf', sizeBytes: PDF.length });
  });

  it('refuses the wrong type, a renamed file, an empty one and one over the limit, with field codes', async () => {
    const codeOf = async (response: Response) => {
      const body = (await response.json()) as { errors: { extensions: { code: string; fields: { code: string }[] } }[] };
      return `${response.status} ${body.errors[0].extensions.code} ${body.errors[0].extensions.fields?.[0]?.code}`;
    };
    expect(await codeOf(await upload('setup.exe', Buffer.from('MZ\x90\x00')))).toBe('400 VALIDATION FILE_TYPE');
    expect(await codeOf(await upload('page.html', Buffer.from('<script>alert(1)</script>')))).toBe('400 VALIDATION FILE_TYPE');
    expect(await codeOf(await upload('not-really.pdf', Buffer.from('<html><script>alert(1)</script></html>')))).toBe('400 VALIDATION FILE_CONTENT');
    expect(await codeOf(await upload('binary.txt', Buffer.from([0x41, 0x00, 0x42])))).toBe('400 VALIDATION FILE_CONTENT');
    expect(await codeOf(await upload('tukšs.pdf', Buffer.alloc(0)))).toBe('400 VALIDATION FILE_EMPTY');
    expect(await codeOf(await upload('', PDF))).toBe('400 VALIDATION FILE_NAME');
    const large = Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]);
    expect(await codeOf(await upload('liels.pdf', large))).toBe('413 VALIDATION FILE_TOO_LARGE');
  });

  it('takes only a path’s last part as the name', async () => {
    const response = await upload('C:\\Users\\ilze\\..\\konspekts.txt', Buffer.from('Teksts ar garumzīmēm: ā č ē\n'));
    expect(((await response.json()) as { fileName: string }).fileName).toBe('konspekts.txt');
  });

  it('is for staff only, from our own pages', async () => {
    const participant = await f.person();
    expect((await upload('a.pdf', PDF, null)).status).toBe(401);
    expect((await upload('a.pdf', PDF, await cookieOf(participant.id))).status).toBe(403);
    expect((await upload('a.pdf', PDF, staffCookie, { origin: 'https://evil.example' })).status).toBe(403);
  });
});

describe('who sees what', () => {
  let course: string;
  let groupA: string;
  let groupB: string;
  let ids: Record<string, string>;
  let people: Record<'inA' | 'inB' | 'cancelled' | 'waiting' | 'other' | 'lecturerA', Client>;
  let cookies: Record<string, string>;

  beforeAll(async () => {
    course = (await f.course(topic, { titleLv: 'Dokumentu pārvaldība', titleEn: 'Records management' })).id;
    groupA = (await f.group(course)).id;
    groupB = (await f.group(course)).id;
    const persons = {
      inA: await f.person(),
      inB: await f.person(),
      cancelled: await f.person(),
      waiting: await f.person(),
      other: await f.person(),
      lecturerA: await f.person(),
    };
    await f.registration(persons.inA.id, groupA);
    await f.registration(persons.inB.id, groupB);
    await f.registration(persons.cancelled.id, groupA, RegistrationStatus.CANCELLED);
    await f.registration(persons.waiting.id, groupA, RegistrationStatus.WAITING);
    const lecturer = await f.lecturer();
    await t.app.dataSource.query('UPDATE lecturer SET person_id = $1 WHERE id = $2', [persons.lecturerA.id, lecturer.id]);
    await f.session(groupA, 3, { lecturerId: lecturer.id });
    people = Object.fromEntries(await Promise.all(Object.entries(persons).map(async ([k, p]) => [k, await t.as(p.id)]))) as typeof people;
    cookies = Object.fromEntries(await Promise.all(Object.entries(persons).map(async ([k, p]) => [k, await cookieOf(p.id)])));

    const publicLink = await create({ courseId: course, titleLv: 'Likums', titleEn: 'The law', visibility: 'PUBLIC', url: 'https://likumi.lv/ta/id/63545' });
    const forAll = await create({
      courseId: course,
      titleLv: 'Kursa programma',
      visibility: 'PARTICIPANTS',
      fileId: await uploaded('programma.pdf', PDF),
    });
    const forA = await create({
      courseId: course,
      groupId: groupA,
      titleLv: 'A grupas konspekts',
      titleEn: 'Group A notes',
      visibility: 'PARTICIPANTS',
      fileId: await uploaded('konspekts.txt', Buffer.from('Grupa A: Šķēle\n')),
    });
    ids = { publicLink: publicLink.id, forAll: forAll.id, forA: forA.id };
    expect(forA).toMatchObject({
      kind: 'FILE',
      fileName: 'konspekts.txt',
      contentType: 'text/plain; charset=utf-8',
      sizeBytes: Buffer.byteLength('Grupa A: Šķēle\n'),
      groupId: groupA,
    });
    expect(forA.url).toBe(`/api/materials/${forA.id}/konspekts.txt`);
    expect(publicLink).toMatchObject({ kind: 'LINK', url: 'https://likumi.lv/ta/id/63545', fileName: null, sizeBytes: null });
  });

  const titlesOf = async (client: Client) => {
    const { courseMaterials } = await client.data(LIST, { filter: { courseId: course } });
    return courseMaterials.items.map((m: { title: string }) => m.title).sort();
  };

  it('shows each viewer the public ones and those of the course or group they took part in or teach', async () => {
    expect(await titlesOf(t.anonymous)).toEqual(['Likums']);
    expect(await titlesOf(people.other)).toEqual(['Likums']);
    expect(await titlesOf(people.cancelled)).toEqual(['Likums']);
    expect(await titlesOf(people.waiting)).toEqual(['Likums']);
    expect(await titlesOf(people.inB)).toEqual(['Kursa programma', 'Likums']);
    expect(await titlesOf(people.inA)).toEqual(['A grupas konspekts', 'Kursa programma', 'Likums']);
    expect(await titlesOf(people.lecturerA)).toEqual(['A grupas konspekts', 'Kursa programma', 'Likums']);
    expect(await titlesOf(staff)).toEqual(['A grupas konspekts', 'Kursa programma', 'Likums']);
  });

  it('lists the same on the course page, in English when asked', async () => {
    const query = `query ($id: ID!) { course(id: $id) { materials { title } } }`;
    const { course: seen } = await people.inA.data(query, { id: course }, { 'x-mps-language': 'en' });
    expect(seen.materials.map((m: { title: string }) => m.title)).toEqual(['The law', 'Kursa programma', 'Group A notes']);
    expect((await t.anonymous.data(query, { id: course })).course.materials).toEqual([{ title: 'Likums' }]);
  });

  it('"mine" lists the materials of one’s own courses; false lists only public ones', async () => {
    const mine = await people.inA.data(LIST, { filter: { mine: true } });
    expect(mine.courseMaterials.items.map((m: { id: string }) => m.id).sort()).toEqual([ids.publicLink, ids.forAll, ids.forA].sort());
    expect((await people.other.data(LIST, { filter: { mine: true } })).courseMaterials.total).toBe(0);
    expect((await t.anonymous.data(LIST, { filter: { mine: true } })).courseMaterials.total).toBe(0);
    const publicOnly = await staff.data(LIST, { filter: { mine: false, courseId: course } });
    expect(publicOnly.courseMaterials.items.map((m: { id: string }) => m.id)).toEqual([ids.publicLink]);
  });

  it('finds materials by words of their title or their course, without diacritics', async () => {
    const found = await people.inA.data(LIST, { filter: { q: 'konspekts grupas' } });
    expect(found.courseMaterials.items.map((m: { id: string }) => m.id)).toEqual([ids.forA]);
    const byCourse = await t.anonymous.data(LIST, { filter: { q: 'dokumentu parvaldiba' } });
    expect(byCourse.courseMaterials.items.map((m: { id: string }) => m.id)).toEqual([ids.publicLink]);
  });

  it('hands the file to those who may see it, byte for byte, and 404 to everyone else', async () => {
    const path = `/api/materials/${ids.forA}/konspekts.txt`;
    const ok = await download(path, cookies.inA);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(ok.headers.get('content-disposition')).toBe(`inline; filename="konspekts.txt"; filename*=UTF-8''konspekts.txt`);
    expect(ok.headers.get('content-security-policy')).toContain('sandbox');
    expect(await ok.text()).toBe('Grupa A: Šķēle\n');
    expect((await download(path, cookies.lecturerA)).status).toBe(200);
    expect((await download(path, staffCookie)).status).toBe(200);
    for (const who of [cookies.inB, cookies.other, cookies.cancelled, undefined]) expect((await download(path, who)).status).toBe(404);
    const pdf = await download(`/api/materials/${ids.forAll}`, cookies.inB);
    expect(Buffer.from(await pdf.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await download(`/api/materials/${ids.publicLink}`)).status).toBe(404); // a link has no file
    expect((await download('/api/materials/not-an-id')).status).toBe(404);
  });

  it('answers 304 to a browser that has the same file', async () => {
    const path = `/api/materials/${ids.forAll}/programma.pdf`;
    const first = await download(path, cookies.inA);
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${t.url}${path}`, { headers: { cookie: cookies.inA, 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('keeps materials of a restricted course from those who may not see the course', async () => {
    const restricted = (await f.course(topic, { titleLv: 'Slēgts kurss', visibility: CourseVisibility.RESTRICTED })).id;
    const group = (await f.group(restricted)).id;
    const inside = await f.person();
    await f.registration(inside.id, group);
    await create({ courseId: restricted, titleLv: 'Publisks, bet slēgtā kursā', visibility: 'PUBLIC', url: 'https://vas.gov.lv/a' });
    const query = { filter: { courseId: restricted } };
    expect((await t.anonymous.data(LIST, query)).courseMaterials.total).toBe(0);
    expect((await (await t.as(inside.id)).data(LIST, query)).courseMaterials.total).toBe(1);
  });
});

describe('changing and removing', () => {
  it('checks what staff enter and tells every problem at once', async () => {
    const course = (await f.course(topic)).id;
    const otherGroup = (await f.group((await f.course(topic)).id)).id;
    const codes = async (input: Record<string, unknown>) => {
      const result = await staff.request(CREATE, { input });
      return (result.errors?.[0]?.extensions?.fields ?? []).map((p: { field: string; code: string }) => `${p.field}:${p.code}`).sort();
    };
    expect(await codes({ courseId: course, titleLv: ' ', visibility: 'PUBLIC', url: 'javascript:alert(1)' })).toEqual(['titleLv:REQUIRED', 'url:INVALID_URL']);
    expect(await codes({ courseId: course, titleLv: 'Abi', visibility: 'PUBLIC' })).toEqual(['url:LINK_OR_FILE']);
    expect(await codes({ courseId: course, groupId: otherGroup, titleLv: 'Cita grupa', visibility: 'PUBLIC', url: 'https://vas.gov.lv' })).toEqual([
      'groupId:OTHER_COURSE',
    ]);
    const fileId = await uploaded('a.pdf', PDF);
    await create({ courseId: course, titleLv: 'Pirmais', visibility: 'PUBLIC', fileId });
    expect(await codes({ courseId: course, titleLv: 'Otrais', visibility: 'PUBLIC', fileId })).toEqual(['fileId:FILE_IN_USE']);
    expect(await codes({ courseId: course, titleLv: 'Trešais', visibility: 'PUBLIC', fileId: '00000000-0000-4000-8000-000000000000' })).toEqual([
      'fileId:UNKNOWN_FILE',
    ]);
  });

  it('replaces a file and removes the old bytes; deleting removes the material and its file', async () => {
    const course = (await f.course(topic)).id;
    const first = await uploaded('v1.pdf', PDF);
    const material = await create({ courseId: course, titleLv: 'Prezentācija', visibility: 'PUBLIC', fileId: first });
    const [firstKey] = await t.app.dataSource.query('SELECT storage_key FROM stored_file WHERE id = $1', [first]);
    const filesDir = t.config.files.storage.kind === 'disk' ? t.config.files.storage.dir : '';
    const onDisk = (key: string) =>
      fs.access(path.join(filesDir, key)).then(
        () => true,
        () => false,
      );
    expect(await onDisk(firstKey.storage_key)).toBe(true);

    const second = await uploaded('v2.pdf', Buffer.concat([PDF, Buffer.from('% v2\n')]));
    const UPDATE = `mutation ($id: ID!, $input: CourseMaterialUpdate!) { updateCourseMaterial(id: $id, input: $input) { title fileName visibility } }`;
    const updated = await staff.data(UPDATE, { id: material.id, input: { fileId: second, titleLv: 'Prezentācija v2', visibility: 'PARTICIPANTS' } });
    expect(updated.updateCourseMaterial).toEqual({ title: 'Prezentācija v2', fileName: 'v2.pdf', visibility: 'PARTICIPANTS' });
    expect(await onDisk(firstKey.storage_key)).toBe(false);
    expect(await t.app.dataSource.getRepository(StoredFile).countBy({ id: first })).toBe(0);
    expect((await staff.request(UPDATE, { id: material.id, input: { url: 'https://vas.gov.lv' } })).errors?.[0]?.extensions?.code).toBe('VALIDATION');

    const [secondKey] = await t.app.dataSource.query('SELECT storage_key FROM stored_file WHERE id = $1', [second]);
    expect(await staff.data(`mutation ($id: ID!) { deleteCourseMaterial(id: $id) { id title } }`, { id: material.id })).toEqual({
      deleteCourseMaterial: { id: material.id, title: 'Prezentācija v2' },
    });
    expect(await onDisk(secondKey.storage_key)).toBe(false);
    expect(await staff.codes(`mutation ($id: ID!) { deleteCourseMaterial(id: $id) { id } }`, { id: material.id })).toEqual(['NOT_FOUND']);
  });

  it('removes uploads no material took within a day, and keeps the rest', async () => {
    const orphan = await uploaded('aizmirsts.pdf', PDF);
    const fresh = await uploaded('tikko.pdf', PDF);
    const attached = await uploaded('pievienots.pdf', PDF);
    await create({ courseId: (await f.course(topic)).id, titleLv: 'Pievienots', visibility: 'PUBLIC', fileId: attached });
    await t.app.dataSource.query(`UPDATE stored_file SET created_at = now() - interval '25 hours' WHERE id IN ($1, $2)`, [orphan, attached]);
    const [orphanKey] = await t.app.dataSource.query('SELECT storage_key FROM stored_file WHERE id = $1', [orphan]);
    expect(await t.app.services.materials.removeOrphanFiles()).toBe(1);
    const left = await t.app.dataSource.getRepository(StoredFile).findBy({});
    expect(left.map((row) => row.id)).toEqual(expect.arrayContaining([fresh, attached]));
    expect(left.map((row) => row.id)).not.toContain(orphan);
    const dir = t.config.files.storage.kind === 'disk' ? t.config.files.storage.dir : '';
    await expect(fs.access(path.join(dir, orphanKey.storage_key))).rejects.toThrow();
  });

  it('is for staff only', async () => {
    const participant = await t.as((await f.person()).id);
    const input = { courseId: (await f.course(topic)).id, titleLv: 'X', visibility: 'PUBLIC', url: 'https://vas.gov.lv' };
    expect(await participant.codes(CREATE, { input })).toEqual(['FORBIDDEN']);
    expect(await t.anonymous.codes(CREATE, { input })).toEqual(['UNAUTHENTICATED']);
  });
});

/** The same contract for both stores: what is put comes back byte for byte; removing is idempotent. */
describe.each([
  [
    'a folder on disk',
    async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mps-storage-'));
      return { storage: new DiskFileStorage(dir) as FileStorage, stop: () => fs.rm(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'an S3-compatible server',
    async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mps-s3-'));
      const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'mps-files', configs: [] }] });
      const { port } = await server.run();
      const storage = new S3FileStorage({
        endpoint: `http://127.0.0.1:${port}`,
        bucket: 'mps-files',
        region: 'eu-north-1',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
      });
      return {
        storage: storage as FileStorage,
        stop: async () => {
          await server.close();
          await fs.rm(dir, { recursive: true, force: true });
        },
      };
    },
  ],
])('file storage in %s', (_name, open) => {
  let storage: FileStorage;
  let stop: () => Promise<void>;
  beforeAll(async () => ({ storage, stop } = await open()));
  afterAll(() => stop());

  it('stores, returns and removes bytes', async () => {
    const bytes = Buffer.concat([PDF, Buffer.from([0, 1, 2, 255])]);
    await storage.put('materials/abc-1', bytes, 'application/pdf');
    expect((await storage.get('materials/abc-1'))?.equals(bytes)).toBe(true);
    await storage.put('materials/abc-1', Buffer.from('v2'), 'text/plain');
    expect((await storage.get('materials/abc-1'))?.toString()).toBe('v2');
    await storage.remove('materials/abc-1');
    expect(await storage.get('materials/abc-1')).toBeNull();
    await storage.remove('materials/abc-1');
  });

  it('refuses keys that could leave its place', async () => {
    await expect(storage.put('../outside', PDF, 'application/pdf')).rejects.toThrow('Not a storage key');
    await expect(storage.get('materials/../../etc/passwd')).rejects.toThrow('Not a storage key');
  });
});

describe('an app whose files are in an S3-compatible bucket', () => {
  it('uploads there and serves from there', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mps-s3-app-'));
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'mps-files', configs: [] }] });
    const { port } = await server.run();
    const app = await startTestApp({ S3_URL: `http://S3RVER:S3RVER@127.0.0.1:${port}/mps-files?region=eu-north-1` });
    try {
      const g = fixtures(app.app.dataSource);
      const staffId = (await g.staff()).id;
      const cookie = `${SESSION_COOKIE}=${(await app.app.services.auth.startSession(staffId, 'test')).token}`;
      const response = await fetch(`${app.url}/api/materials/files`, {
        method: 'POST',
        headers: { cookie, 'x-file-name': 'p.pdf' },
        body: new Uint8Array(PDF),
      });
      expect(response.status).toBe(201);
      const { id: fileId } = (await response.json()) as { id: string };
      const course = (await g.course((await g.topic()).id)).id;
      const staffClient = await app.as(staffId);
      const { createCourseMaterial } = await staffClient.data(CREATE, { input: { courseId: course, titleLv: 'S3', visibility: 'PUBLIC', fileId } });
      const inBucket = await new S3FileStorage({
        endpoint: `http://127.0.0.1:${port}`,
        bucket: 'mps-files',
        region: 'eu-north-1',
        accessKeyId: 'S3RVER',
        secretAccessKey: 'S3RVER',
      }).get(`materials/${fileId}`);
      expect(inBucket?.equals(PDF)).toBe(true);
      const served = await fetch(`${app.url}${createCourseMaterial.url}`);
      expect(Buffer.from(await served.arrayBuffer()).equals(PDF)).toBe(true);
    } finally {
      await app.stop();
      await server.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
