import { fixtures } from '../../test/fixtures.js';
import { fieldCodes, startTestApp, type TestApp } from '../../test/harness.js';

/**
 * The help page's video link (R-SUP-2): anyone reads it, signed in or not; only staff change it,
 * and only to an https address or to nothing.
 */

const READ = `{ helpSettings { videoUrl updatedAt } }`;
const UPDATE = `mutation ($input: HelpSettingsInput!) { updateHelpSettings(input: $input) { videoUrl updatedAt } }`;
const VIDEO = 'https://www.youtube.com/watch?v=vas-macibu-video';

let t: TestApp;
let f: ReturnType<typeof fixtures>;

beforeAll(async () => {
  t = await startTestApp({ MPS_ROLE: 'api' });
  f = fixtures(t.app.dataSource);
});
afterAll(() => t?.stop());

test('staff set and clear the video link; everyone reads it; nobody else changes it', async () => {
  expect((await t.anonymous.data(READ)).helpSettings).toEqual({ videoUrl: null, updatedAt: null });
  const staff = await t.as((await f.staff()).id);
  const participant = await t.as((await f.person()).id);

  const saved = (await staff.data(UPDATE, { input: { videoUrl: `  ${VIDEO} ` } })).updateHelpSettings;
  expect(saved.videoUrl).toBe(VIDEO);
  expect(Date.now() - Date.parse(saved.updatedAt)).toBeLessThan(60_000);
  expect((await t.anonymous.data(READ)).helpSettings.videoUrl).toBe(VIDEO);
  expect((await participant.data(READ)).helpSettings.videoUrl).toBe(VIDEO);
  const [row] = await t.app.dataSource.query(`SELECT video_url, updated_by FROM help_settings`);
  expect(row.video_url).toBe(VIDEO);

  expect(await participant.codes(UPDATE, { input: { videoUrl: 'https://example.com/other' } })).toEqual(['FORBIDDEN']);
  expect(await t.anonymous.codes(UPDATE, { input: { videoUrl: 'https://example.com/other' } })).toEqual(['UNAUTHENTICATED']);
  expect((await t.anonymous.data(READ)).helpSettings.videoUrl).toBe(VIDEO);

  expect((await staff.data(UPDATE, { input: { videoUrl: '' } })).updateHelpSettings.videoUrl).toBeNull();
  expect((await t.anonymous.data(READ)).helpSettings.videoUrl).toBeNull();
  expect((await staff.data(UPDATE, { input: { videoUrl: VIDEO } })).updateHelpSettings.videoUrl).toBe(VIDEO);
  expect((await staff.data(UPDATE, { input: { videoUrl: null } })).updateHelpSettings.videoUrl).toBeNull();
});

test('only an https address without credentials is taken; a refusal changes nothing', async () => {
  const staff = await t.as((await f.staff()).id);
  await staff.data(UPDATE, { input: { videoUrl: VIDEO } });
  const refused = async (videoUrl: string) => fieldCodes(await staff.request(UPDATE, { input: { videoUrl } }));

  expect(await refused('http://www.youtube.com/watch?v=1')).toEqual(['videoUrl:INVALID_URL']);
  expect(await refused('javascript:alert(1)')).toEqual(['videoUrl:INVALID_URL']);
  expect(await refused('www.youtube.com/watch?v=1')).toEqual(['videoUrl:INVALID_URL']);
  expect(await refused('https://user:secret@video.example.lv/1')).toEqual(['videoUrl:INVALID_URL']);
  expect(await refused(`https://video.example.lv/${'a'.repeat(2000)}`)).toEqual(['videoUrl:LENGTH']);
  expect((await staff.request(UPDATE, { input: { videoUrl: 'ftp://video.example.lv/1' } })).errors?.[0]?.extensions?.code).toBe('VALIDATION');
  expect((await t.anonymous.data(READ)).helpSettings.videoUrl).toBe(VIDEO);
});
