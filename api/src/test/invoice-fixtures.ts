import type { DataSource } from 'typeorm';
import { BillingAccount, type Institution } from '../modules/institutions/institution.entity.js';
import type { Person } from '../modules/people/person.entity.js';
import { PayerKind, Registration, RegistrationStatus } from '../modules/registration/registration.entity.js';

/**
 * CONFIRMED paid registrations as the registration rules leave them (payer and price frozen), so
 * invoice tests state only who pays.
 */
export function invoiceFixtures(ds: DataSource) {
  const save = (fields: Partial<Registration>) =>
    ds.getRepository(Registration).save({ status: RegistrationStatus.CONFIRMED, waitingPosition: null, ...fields });
  return {
    /** The person pays at their declared address. */
    privatelyPaid: (person: Person, groupId: string, priceCents: number, address = 'Ūdens iela 7-3, Liepāja, LV-3401') =>
      save({
        personId: person.id,
        groupId,
        priceCents,
        payerKind: PayerKind.PRIVATE,
        payerSnapshot: {
          name: `${person.givenName} ${person.familyName}`,
          registrationNumber: null,
          vatNumber: null,
          address,
          email: person.email,
          iban: null,
        },
      }),
    billingAccount: (institution: Institution, name = 'Personāla daļa') =>
      ds.getRepository(BillingAccount).save({ institutionId: institution.id, name, number: 'LV80BANK0000435195001', invoiceEmail: 'rekini@example.lv' }),
    /** The institution pays through one of its billing accounts. */
    institutionPaid: (personId: string, groupId: string, priceCents: number, institution: Institution, account: BillingAccount) =>
      save({
        personId,
        groupId,
        priceCents,
        payerKind: PayerKind.INSTITUTION,
        billingAccountId: account.id,
        payerSnapshot: {
          name: institution.name,
          registrationNumber: institution.registrationNumber,
          vatNumber: institution.vatNumber,
          address: institution.legalAddress ?? 'Brīvības iela 36, Rīga, LV-1011',
          email: account.invoiceEmail,
          iban: account.number,
        },
      }),
  };
}
