import { fieldCodes, startTestApp, type TestApp } from '../../test/harness.js';
import { RIGA_ADDRESS, fixtures } from '../../test/fixtures.js';
import { systemContext } from '../../common/request-context.js';
import { Employment } from '../institutions/institution.entity.js';
import { Person, PersonCode } from './person.entity.js';
import { oldFormatPersonalCode } from './personal-code.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

let serial = 0;
/** A person who signed in through an identity provider, so they have a personal code. */
async function signedIn(overrides: Partial<Person> = {}) {
  serial += 1;
  const personalCode = oldFormatPersonalCode({ day: 1 + (serial % 28), month: 3, year: 1970 + serial }, serial);
  const person = await t.app.services.people.resolveSignIn({ givenName: 'Zane', familyName: 'Eglīte', personalCode, historicalPersonalCodes: [] });
  if (Object.keys(overrides).length) await t.app.dataSource.getRepository(Person).update({ id: person.id }, overrides);
  return { id: person.id, personalCode };
}

const ADDRESS = '{ street city postcode countryCode }';
const ME = `{ me { missingProfileFields person { email phone declaredAddress ${ADDRESS} preferredLanguage employer { name registrationNumber vatNumber address ${ADDRESS} invoiceEmail } } } }`;
const UPDATE = `mutation ($input: ProfileInput!) { updateMyProfile(input: $input) { missingProfileFields person { email phone declaredAddress ${ADDRESS} preferredLanguage employer { name invoiceEmail } } } }`;

describe('completing the profile (R-ID-2, R-ID-3, R-ID-4)', () => {
  test('a first sign-in has no e-mail: the profile asks for it until it is given', async () => {
    const { id } = await signedIn({ email: null });
    const client = await t.as(id);
    expect((await client.data(ME)).me.missingProfileFields).toEqual(['EMAIL']);
    const saved = await client.data(UPDATE, {
      input: {
        email: ' Zane.Eglite@Example.LV ',
        phone: '+371 2000 0000',
        declaredAddress: { street: ' Brīvības iela 1 ', city: 'Rīga', postcode: 'lv 1010' },
      },
    });
    expect(saved.updateMyProfile).toEqual({
      missingProfileFields: [],
      person: { email: 'zane.eglite@example.lv', phone: '+37120000000', declaredAddress: RIGA_ADDRESS, preferredLanguage: 'LV', employer: null },
    });
  });

  test('every invalid field is reported at once and nothing is written', async () => {
    const { id } = await signedIn({ email: 'kept@example.lv' });
    const client = await t.as(id);
    const result = await client.request(UPDATE, {
      input: { email: 'not-an-email', phone: '12', employer: { name: 'SIA Piemērs', registrationNumber: '123', vatNumber: 'XX1', invoiceEmail: 'bad' } },
    });
    expect(fieldCodes(result)).toEqual([
      'email:INVALID_EMAIL',
      'employer.address:REQUIRED',
      'employer.invoiceEmail:INVALID_EMAIL',
      'employer.registrationNumber:INVALID_REGISTRATION_NUMBER',
      'employer.vatNumber:INVALID_VAT_NUMBER',
      'phone:INVALID_PHONE',
    ]);
    expect((await client.data(ME)).me.person.email).toBe('kept@example.lv');
  });

  test('an address is given in parts: each missing or malformed part is named', async () => {
    const { id } = await signedIn({ email: 'adrese@example.lv' });
    const client = await t.as(id);
    const result = await client.request(UPDATE, { input: { declaredAddress: { street: ' ', city: '', postcode: '1050', countryCode: 'Latvija' } } });
    expect(fieldCodes(result)).toEqual(['declaredAddress.city:REQUIRED', 'declaredAddress.countryCode:INVALID_COUNTRY', 'declaredAddress.street:REQUIRED']);
    const latvian = await client.request(UPDATE, { input: { declaredAddress: { street: 'Rīgas iela 1', city: 'Cēsis', postcode: '4101' } } });
    expect(fieldCodes(latvian)).toEqual(['declaredAddress.postcode:INVALID_POSTCODE']);
    const abroad = await client.data(UPDATE, { input: { declaredAddress: { street: 'Narva mnt 5', city: 'Tallinn', postcode: '10117', countryCode: 'ee' } } });
    expect(abroad.updateMyProfile.person.declaredAddress).toEqual({ street: 'Narva mnt 5', city: 'Tallinn', postcode: '10117', countryCode: 'EE' });
    const cleared = await client.data(UPDATE, { input: { declaredAddress: null } });
    expect(cleared.updateMyProfile.person.declaredAddress).toBeNull();
  });

  test('the e-mail cannot be cleared; employer details are all or nothing and can be cleared together', async () => {
    const { id } = await signedIn({ email: 'zane@example.lv' });
    const client = await t.as(id);
    expect(await client.codes(UPDATE, { input: { email: '' } })).toEqual(['VALIDATION']);
    const employer = {
      name: 'SIA Piemērs',
      registrationNumber: '40003000000',
      vatNumber: 'lv40003000000',
      address: RIGA_ADDRESS,
      invoiceEmail: 'rekini@piemers.lv',
    };
    const saved = await client.data(UPDATE, { input: { employer } });
    expect(saved.updateMyProfile.person.employer).toEqual({ name: 'SIA Piemērs', invoiceEmail: 'rekini@piemers.lv' });
    const full = await client.data(ME);
    expect(full.me.person.employer.vatNumber).toBe('LV40003000000');
    const cleared = await client.data(UPDATE, { input: { employer: { name: '', registrationNumber: '', vatNumber: '', address: null, invoiceEmail: '' } } });
    expect(cleared.updateMyProfile.person.employer).toBeNull();
    expect((await client.data(ME)).me.person.email).toBe('zane@example.lv');
  });

  test('the preferred language is saved', async () => {
    const { id } = await signedIn();
    const client = await t.as(id);
    expect((await client.data(UPDATE, { input: { preferredLanguage: 'EN' } })).updateMyProfile.person.preferredLanguage).toBe('EN');
  });

  test('signed out, the profile cannot be changed', async () => {
    expect(await t.anonymous.codes(UPDATE, { input: { phone: '+37120000000' } })).toEqual(['UNAUTHENTICATED']);
  });

  test('anything that needs an e-mail is refused with PROFILE_INCOMPLETE until one is given', async () => {
    const { id } = await signedIn({ email: null });
    await expect(t.app.services.people.requireEmail(systemContext(), id)).rejects.toMatchObject({ code: 'PROFILE_INCOMPLETE' });
    await t.app.dataSource.getRepository(Person).update({ id }, { email: 'ok@example.lv' });
    await expect(t.app.services.people.requireEmail(systemContext(), id)).resolves.toMatchObject({ email: 'ok@example.lv' });
  });
});

describe('personal data is seen only by those allowed', () => {
  test('the personal code: in full for the owner and staff, masked for a coordinator, hidden from others', async () => {
    const f = fixtures(t.app.dataSource);
    const institution = await f.institution();
    const owner = await signedIn({ email: 'owner@example.lv', phone: '+37129999999' });
    await t.app.dataSource.getRepository(Employment).insert({ personId: owner.id, institutionId: institution.id });
    const staff = await f.staff();
    const coordinator = await f.person({ coordinates: [institution.id] });
    const stranger = await signedIn();
    const formatted = `${owner.personalCode.slice(0, 6)}-${owner.personalCode.slice(6)}`;

    const person = await t.app.services.people.getPerson(systemContext(), owner.id);
    const { PersonEntityResolver } = await import('./people.resolver.js');
    const resolver = new PersonEntityResolver();
    const contextOf = async (personId: string | null) => {
      const viewer = personId ? await t.app.services.auth.viewerFor(personId, 's') : null;
      const base = { viewer, lang: 'lv' as never };
      const { createContext } = await import('../../graphql/create-context.js');
      return createContext(t.app.services, base);
    };
    expect(await resolver.personalCode(person, await contextOf(owner.id))).toBe(formatted);
    expect(await resolver.personalCode(person, await contextOf(staff.id))).toBe(formatted);
    expect(await resolver.personalCode(person, await contextOf(coordinator.id))).toBe(`******-***${owner.personalCode.slice(-2)}`);
    expect(await resolver.personalCode(person, await contextOf(stranger.id))).toBeNull();
    expect(await resolver.personalCode(person, await contextOf(null))).toBeNull();
    for (const field of ['phone', 'declaredAddress', 'email'] as const) {
      expect(resolver[field](person, await contextOf(stranger.id))).toBeNull();
      expect(resolver[field](person, await contextOf(coordinator.id))).toBeNull();
    }
    expect(resolver.phone(person, await contextOf(owner.id))).toBe('+37129999999');
  });

  test('a database dump holds no personal code in clear', async () => {
    const { personalCode } = await signedIn();
    const rows = await t.app.dataSource.query(`SELECT row_to_json(p)::text AS row FROM person_code p UNION ALL SELECT row_to_json(q)::text FROM person q`);
    const dump = rows.map((r: { row: string }) => r.row).join('\n');
    expect(dump).not.toContain(personalCode);
    expect(dump).not.toContain(`${personalCode.slice(0, 6)}-${personalCode.slice(6)}`);
  });
});

test('concurrent first sign-ins of one person create one person', async () => {
  const personalCode = oldFormatPersonalCode({ day: 14, month: 7, year: 1969 }, 777);
  const identity = { givenName: 'Kārlis', familyName: 'Ozols', personalCode, historicalPersonalCodes: [] };
  const results = await Promise.all([1, 2, 3, 4].map(() => t.app.services.people.resolveSignIn(identity)));
  expect(new Set(results.map((p) => p.id)).size).toBe(1);
  const index = t.app.services.codes.index(personalCode);
  expect(await t.app.dataSource.getRepository(PersonCode).countBy({ codeIndex: index })).toBe(1);
});
