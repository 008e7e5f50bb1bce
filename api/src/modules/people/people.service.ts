import { checkPostalAddress } from '../../common/postal-address.js';
import { In, IsNull, Not, type DataSource, type EntityManager } from 'typeorm';
import type { RequestContext } from '../../common/request-context.js';
import { DomainError, ErrorCode, NotFoundError, Problems } from '../../common/errors.js';
import { isUuid } from '../../common/pagination.js';
import { inTransaction, pgErrorOf } from '../../db/transaction.js';
import { Language, Person, PersonCode, PersonRole, UserRole } from './person.entity.js';
import { birthDateOfPersonalCode, normalizePersonalCode, personalCodeProblem, PersonalCodeCipher } from './personal-code.js';
import type { ProfileInput } from './people.types.js';
import { checkEmail, checkPayerDetails, checkPhone } from './contact-rules.js';

/** Who an identity provider says signed in. */
export interface SignInIdentity {
  givenName: string;
  familyName: string;
  personalCode: string;
  /** Codes the person had before (Latvija.lv's historical_privatepersonalidentifier). */
  historicalPersonalCodes: string[];
}

/** A person known only by code and name, as a coordinator or an import adds them. */
export interface NamedPerson {
  personalCode: string;
  givenName: string;
  familyName: string;
}

export type ProfileField = 'email';

export interface PersonContact {
  personId: string;
  name: string;
  email: string | null;
  language: Language;
}

export class PeopleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly codes: PersonalCodeCipher,
  ) {}

  async getPerson(_ctx: RequestContext, id: string): Promise<Person> {
    const person = isUuid(id) ? await this.dataSource.getRepository(Person).findOneBy({ id }) : null;
    if (!person) throw new NotFoundError('Person', id);
    return person;
  }

  personsByIds(ids: readonly string[]): Promise<Person[]> {
    return this.dataSource.getRepository(Person).findBy({ id: In([...ids]) });
  }

  /** Name, e-mail and language of each person: what an e-mail to them needs. Pass the transaction's manager inside one. */
  async contactsByIds(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, PersonContact>> {
    if (ids.length === 0) return new Map();
    const people = await em.findBy(Person, { id: In([...ids]) });
    return new Map(people.map((p) => [p.id, { personId: p.id, name: `${p.givenName} ${p.familyName}`, email: p.email, language: p.preferredLanguage }]));
  }

  async grantedRoles(personId: string): Promise<UserRole[]> {
    const rows = await this.dataSource.getRepository(PersonRole).findBy({ personId });
    return rows.map((row) => row.role);
  }

  /** The people the development sign-in offers, with their personal codes (it signs tokens for them). */
  async demoPersons(): Promise<(Person & { personalCode: string | null })[]> {
    const persons = await this.dataSource.getRepository(Person).find({ where: { demoNote: Not(IsNull()) }, order: { familyName: 'ASC', givenName: 'ASC' } });
    const codes = await this.currentPersonalCodes(persons.map((p) => p.id));
    return persons.map((person) => Object.assign(person, { personalCode: codes.get(person.id) ?? null }));
  }

  /** Current personal codes in clear, by person id. Callers decide who may see them. */
  async currentPersonalCodes(personIds: readonly string[]): Promise<Map<string, string>> {
    if (personIds.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(PersonCode).findBy({ personId: In([...personIds]), replacedAt: IsNull() });
    return new Map(rows.map((row) => [row.personId, this.codes.decrypt(row.codeEncrypted)]));
  }

  /**
   * The birth date the person's personal codes carry (an earlier old-format code counts too), on the
   * given manager; null when they have only new-format codes, which tell nothing about the person.
   */
  async birthDate(em: EntityManager, personId: string): Promise<{ year: number; month: number; day: number } | null> {
    const rows = await em.getRepository(PersonCode).findBy({ personId });
    for (const row of rows) {
      const born = birthDateOfPersonalCode(this.codes.decrypt(row.codeEncrypted));
      if (born) return born;
    }
    return null;
  }

  /** The person with this code now or in the past, or null. `code` must be valid. */
  async findByPersonalCode(em: EntityManager, code: string): Promise<Person | null> {
    const normalized = normalizePersonalCode(code);
    if (!normalized) return null;
    const row = await em.getRepository(PersonCode).findOneBy({ codeIndex: this.codes.index(normalized) });
    return row ? em.getRepository(Person).findOneBy({ id: row.personId }) : null;
  }

  /**
   * The person a coordinator or an import names: found by code, or created (they need not have
   * signed in yet). A person who has signed in keeps the name the identity provider gave.
   */
  async findOrCreateNamed(em: EntityManager, named: NamedPerson): Promise<{ person: Person; created: boolean; renamed: boolean }> {
    const existing = await this.findByPersonalCode(em, named.personalCode);
    if (!existing) {
      const person = await em.save(em.create(Person, { givenName: named.givenName, familyName: named.familyName }));
      await this.addCode(em, person.id, normalizePersonalCode(named.personalCode)!, null);
      return { person, created: true, renamed: false };
    }
    const sameName = existing.givenName === named.givenName && existing.familyName === named.familyName;
    if (sameName || existing.lastSignInAt) return { person: existing, created: false, renamed: false };
    existing.givenName = named.givenName;
    existing.familyName = named.familyName;
    return { person: await em.save(existing), created: false, renamed: true };
  }

  /** Batch form of `findByPersonalCode` for a roster import: normalized code -> person, for the codes someone has. */
  async findByPersonalCodes(em: EntityManager, codes: readonly string[]): Promise<Map<string, Person>> {
    const byIndex = new Map<string, string>();
    for (const code of codes) {
      const normalized = normalizePersonalCode(code);
      if (normalized) byIndex.set(this.codes.index(normalized), normalized);
    }
    const found = new Map<string, Person>();
    // In slices, to stay far below the limit of parameters in one statement.
    const indexes = [...byIndex.keys()];
    for (let i = 0; i < indexes.length; i += 1000) {
      const rows = await em.getRepository(PersonCode).findBy({ codeIndex: In(indexes.slice(i, i + 1000)) });
      if (rows.length === 0) continue;
      const persons = new Map((await em.getRepository(Person).findBy({ id: In([...new Set(rows.map((row) => row.personId))]) })).map((p) => [p.id, p]));
      for (const row of rows) found.set(byIndex.get(row.codeIndex)!, persons.get(row.personId)!);
    }
    return found;
  }

  /**
   * Batch form of `findOrCreateNamed` for people the caller has just looked up in the same
   * transaction and not found. Should one appear meanwhile, the code's unique index refuses the batch.
   */
  async createNamed(em: EntityManager, named: readonly NamedPerson[]): Promise<Person[]> {
    const created: Person[] = [];
    for (let i = 0; i < named.length; i += 500) {
      const slice = named.slice(i, i + 500);
      const persons = await em.getRepository(Person).save(slice.map((n) => em.create(Person, { givenName: n.givenName, familyName: n.familyName })));
      await em.insert(
        PersonCode,
        persons.map((person, j) => {
          const code = normalizePersonalCode(slice[j].personalCode)!;
          return { codeIndex: this.codes.index(code), personId: person.id, codeEncrypted: this.codes.encrypt(code), replacedAt: null };
        }),
      );
      created.push(...persons);
    }
    return created;
  }

  /**
   * The person an identity provider vouched for: found by the current or any earlier personal code,
   * so a person whose code changed keeps their history; created on the first sign-in. The name is
   * taken from the provider each time (names change, e.g. on marriage). Safe under concurrent first
   * sign-ins of one person: the loser of the race finds the winner's record.
   */
  async resolveSignIn(identity: SignInIdentity): Promise<Person> {
    const current = normalizePersonalCode(identity.personalCode);
    if (!current || personalCodeProblem(current)) {
      throw new DomainError(ErrorCode.VALIDATION, 'The identity provider sent an invalid personal code');
    }
    const historical = identity.historicalPersonalCodes.map(normalizePersonalCode).filter((code): code is string => !!code && code !== current);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.dataSource.transaction((em) => this.applySignIn(em, identity, current, historical));
      } catch (error) {
        if (pgErrorOf(error).code !== '23505' || attempt >= 3) throw error;
      }
    }
  }

  private async applySignIn(em: EntityManager, identity: SignInIdentity, current: string, historical: string[]): Promise<Person> {
    const indexes = [current, ...historical].map((code) => this.codes.index(code));
    const known = await em.getRepository(PersonCode).findBy({ codeIndex: In(indexes) });
    // The record holding the current code wins; otherwise the one found by an earlier code.
    const currentIndex = indexes[0];
    const owner = known.find((row) => row.codeIndex === currentIndex) ?? known[0];
    const now = new Date();
    let person: Person;
    if (!owner) {
      person = await em.save(em.create(Person, { givenName: identity.givenName, familyName: identity.familyName, lastSignInAt: now }));
    } else {
      person = await em.getRepository(Person).findOneByOrFail({ id: owner.personId });
      Object.assign(person, { givenName: identity.givenName, familyName: identity.familyName, lastSignInAt: now });
      person = await em.save(person);
    }
    const ownRows = await em.getRepository(PersonCode).findBy({ personId: person.id });
    const ownIndexes = new Set(ownRows.map((row) => row.codeIndex));
    // Earlier codes are recorded as replaced, so the next look-up by any of them finds this person.
    for (const [i, code] of historical.entries()) {
      const index = indexes[i + 1];
      if (ownIndexes.has(index)) continue;
      if (known.some((row) => row.codeIndex === index)) continue; // another record holds it: staff merge them
      await this.addCode(em, person.id, code, now);
    }
    const currentRow = ownRows.find((row) => row.replacedAt === null);
    if (currentRow?.codeIndex !== currentIndex) {
      if (currentRow) await em.update(PersonCode, { codeIndex: currentRow.codeIndex }, { replacedAt: now });
      if (ownIndexes.has(currentIndex)) await em.update(PersonCode, { codeIndex: currentIndex }, { replacedAt: null });
      else await this.addCode(em, person.id, current, null);
    }
    return person;
  }

  private async addCode(em: EntityManager, personId: string, code: string, replacedAt: Date | null): Promise<void> {
    await em.insert(PersonCode, { codeIndex: this.codes.index(code), personId, codeEncrypted: this.codes.encrypt(code), replacedAt });
  }

  /** What the person still has to give before the portal stops asking (R-ID-2). */
  missingProfileFields(person: Person): ProfileField[] {
    return person.email ? [] : ['email'];
  }

  /** For anything that sends e-mail: refuse until the person has given an address. */
  async requireEmail(ctx: RequestContext, personId: string): Promise<Person> {
    const person = await this.getPerson(ctx, personId);
    if (!person.email) {
      throw new DomainError(ErrorCode.PROFILE_INCOMPLETE, 'Give your e-mail address in your profile first', { missing: ['email'] });
    }
    return person;
  }

  /** The signed-in person's own contact and billing details; every problem is reported at once. */
  async updateProfile(_ctx: RequestContext, personId: string, input: ProfileInput): Promise<Person> {
    const problems = new Problems();
    const email = input.email === undefined ? undefined : checkEmail(input.email, 'email', problems, { required: true });
    const phone = input.phone === undefined ? undefined : checkPhone(input.phone, 'phone', problems);
    const declaredAddress = input.declaredAddress === undefined ? undefined : checkPostalAddress(input.declaredAddress, 'declaredAddress', problems);
    const employer = input.employer === undefined ? undefined : checkPayerDetails(input.employer, 'employer', problems);
    problems.throwIfAny();
    return inTransaction(this.dataSource, async (em) => {
      const person = await em.getRepository(Person).findOneBy({ id: personId });
      if (!person) throw new NotFoundError('Person', personId);
      if (email !== undefined) person.email = email;
      if (phone !== undefined) person.phone = phone;
      if (declaredAddress !== undefined) person.declaredAddress = declaredAddress;
      if (employer !== undefined) {
        Object.assign(person, {
          employerName: employer.name,
          employerRegistrationNumber: employer.registrationNumber,
          employerVatNumber: employer.vatNumber,
          employerAddress: employer.address,
          employerInvoiceEmail: employer.invoiceEmail,
        });
      }
      if (input.preferredLanguage) person.preferredLanguage = input.preferredLanguage as Language;
      return em.save(person);
    });
  }
}
