import type { Client, TestApp } from './harness.js';
import { fixtures } from './fixtures.js';
import { BillingAccount } from '../modules/institutions/institution.entity.js';

/** Test data of this module, on top of the shared fixtures. */

/** A valid personal code of the new format, different for every `n`, written as people write it. */
export const testPersonalCode = (n: number) => {
  const digits = `32${String(n).padStart(9, '0')}`;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
};

/** A valid Latvian IBAN (21 characters), different for every `n`. */
export function testIban(n: number): string {
  const bban = `TEST${String(n).padStart(13, '0')}`;
  const digits = `${bban}LV00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return `LV${String(98 - remainder).padStart(2, '0')}${bban}`;
}

/** A person who signed in through an identity provider: they have a code and a name the provider vouched for. */
export function signedInPerson(t: TestApp, givenName: string, familyName: string, personalCode: string) {
  return t.app.services.people.resolveSignIn({ givenName, familyName, personalCode, historicalPersonalCodes: [] });
}

export interface World {
  institutionA: string;
  institutionB: string;
  staff: string;
  coordinatorA: string;
  coordinatorB: string;
  /** Signed in, currently employed at A. */
  participant: string;
  participantCode: string;
  accountA: string;
  archivedAccountA: string;
  accountB: string;
}

/**
 * Two institutions, each with a coordinator and billing accounts (A also an archived one), staff,
 * and a participant who works at A.
 */
export async function buildWorld(t: TestApp): Promise<World> {
  const f = fixtures(t.app.dataSource);
  const a = await f.institution('Iestāde A');
  const b = await f.institution('Iestāde B');
  const staff = await f.staff();
  const coordinatorA = await f.person({ givenName: 'Kārlis', familyName: 'Koordinators', coordinates: [a.id] });
  const coordinatorB = await f.person({ givenName: 'Baiba', familyName: 'Koordinatore', coordinates: [b.id] });
  const participantCode = testPersonalCode(900_001);
  const participant = await signedInPerson(t, 'Līga', 'Dalībniece', participantCode);
  await f.employment(participant.id, a.id, { position: 'Juriste' });
  const accounts = t.app.dataSource.getRepository(BillingAccount);
  const accountA = await accounts.save({ institutionId: a.id, name: 'Personāla daļa', number: testIban(1), invoiceEmail: null, archivedAt: null });
  const archivedA = await accounts.save({ institutionId: a.id, name: 'Vecais projekts', number: testIban(2), invoiceEmail: null, archivedAt: new Date() });
  const accountB = await accounts.save({ institutionId: b.id, name: 'Grāmatvedība', number: testIban(3), invoiceEmail: null, archivedAt: null });
  return {
    institutionA: a.id,
    institutionB: b.id,
    staff: staff.id,
    coordinatorA: coordinatorA.id,
    coordinatorB: coordinatorB.id,
    participant: participant.id,
    participantCode,
    accountA: accountA.id,
    archivedAccountA: archivedA.id,
    accountB: accountB.id,
  };
}

export type Role = 'staff' | 'coordinatorA' | 'coordinatorB' | 'participant' | 'anonymous';

/** A signed-in client for each role of the world. */
export async function clientsOf(t: TestApp, w: World): Promise<Record<Role, Client>> {
  return {
    staff: await t.as(w.staff),
    coordinatorA: await t.as(w.coordinatorA),
    coordinatorB: await t.as(w.coordinatorB),
    participant: await t.as(w.participant),
    anonymous: t.anonymous,
  };
}

/** "OK" or the first error code. */
export async function outcomeOf(client: Client, query: string, variables?: Record<string, unknown>): Promise<string> {
  const result = await client.request(query, variables);
  return result.errors?.length ? String(result.errors[0].extensions?.code) : 'OK';
}
