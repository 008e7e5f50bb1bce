import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode, ForbiddenError, NotFoundError, Problems } from '../../common/errors.js';
import { isUuid } from '../../common/pagination.js';
import { isStaff, type RequestContext } from '../../common/request-context.js';
import { inTransaction } from '../../db/transaction.js';
import { AuditAction } from '../audit/audit-entry.entity.js';
import type { AuditService } from '../audit/audit.service.js';
import type { PeopleService } from '../people/people.service.js';
import { formatPersonalCode } from '../people/personal-code.js';

/** The name an erased person is shown by. */
export const ERASED_GIVEN_NAME = 'Dzēsta';
export const ERASED_FAMILY_NAME = 'persona';

/** What an erasure did, for the staff member who asked. */
export interface ErasureReport {
  personId: string;
  erasedAt: Date;
  /** Invoices kept as issued, with the payer's name: accounting law requires them. */
  invoicesKept: number;
  /** E-mails removed (to the person) or with the name replaced (to others, e.g. their coordinator). */
  emailsRemoved: number;
  emailsRedacted: number;
  /** Audit rows about the person whose values were blanked (the rows themselves stay). */
  auditRowsRedacted: number;
}

type Rows = Record<string, unknown>[];

/**
 * Personal-data requests (R-NF-3): a person downloads everything the system holds about them, and
 * staff erase a person on request, keeping what law requires (issued invoices) and what statistics
 * need without naming anyone (registrations, attendance, anonymous answers, ESF+ indicators).
 */
export class PersonalDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
  ) {}

  /** The person themself, or staff. Everything about the person, as one JSON document; the export is audited. */
  async exportData(ctx: RequestContext, personId: string): Promise<{ json: string; fileName: string }> {
    if (!ctx.viewer || ctx.viewer.kind !== 'person') throw new ForbiddenError('Only people download personal data');
    if (ctx.viewer.personId !== personId && !isStaff(ctx.viewer)) throw new ForbiddenError();
    if (!isUuid(personId)) throw new NotFoundError('Person', personId);
    // Decrypted before the transaction: the people service reads on its own connection.
    const code = (await this.people.currentPersonalCodes([personId])).get(personId) ?? null;
    const data = await inTransaction(this.dataSource, async (em) => {
      const document = await this.collect(em, personId, code);
      await this.audit.record({ action: AuditAction.EXPORT, entity: 'person', entityId: personId, personId }, em);
      return document;
    });
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(new Date());
    return { json: JSON.stringify(data, null, 2), fileName: `mps-personas-dati-${day}.json` };
  }

  private async collect(em: EntityManager, id: string, code: string | null) {
    const [person] = (await em.query(
      `SELECT id, given_name, family_name, email, phone, declared_address, employer_name, employer_registration_number, employer_vat_number,
              employer_address, employer_invoice_email, preferred_language, created_at, last_sign_in_at, erased_at
         FROM person WHERE id = $1`,
      [id],
    )) as Rows;
    if (!person) throw new NotFoundError('Person', id);
    const rows = (sql: string, params: unknown[] = [id]) => em.query(sql, params) as Promise<Rows>;
    return {
      exportedAt: new Date().toISOString(),
      about:
        'Visi dati, ko Mācību pārvaldības sistēma glabā par jums. Vērtējuma anketu atbildes tiek glabātas bez jūsu vārda, tāpēc tās nav iekļautas. / All data the training management system holds about you. Questionnaire answers are stored without your name, so they are not included.',
      person: { ...person, personal_code: code ? formatPersonalCode(code) : null },
      roles: await rows(`SELECT role FROM person_role WHERE person_id = $1 ORDER BY role`),
      coordinatorOf: await rows(
        `SELECT i.name AS institution, c.appointed_at FROM institution_coordinator c JOIN institution i ON i.id = c.institution_id WHERE c.person_id = $1 ORDER BY i.name`,
      ),
      employments: await rows(
        `SELECT i.name AS institution, e.work_email, e.started_at, e.ended_at FROM employment e JOIN institution i ON i.id = e.institution_id
          WHERE e.person_id = $1 ORDER BY e.started_at`,
      ),
      registrations: await rows(
        `SELECT r.id, g.code AS group_code, c.code AS course_code, c.title_lv AS course_title, r.status, r.waiting_position, r.payer_kind,
                r.payer_snapshot, r.price_cents, r.created_at, r.cancelled_at, r.cancellation_reason
           FROM registration r JOIN course_group g ON g.id = r.group_id JOIN course c ON c.id = g.course_id
          WHERE r.person_id = $1 ORDER BY r.created_at`,
      ),
      // ESF+ indicator answers (R-FIN-2). Erasure keeps them: once the person is blanked they count in totals, naming nobody.
      euIndicatorData: await rows(
        `SELECT g.code AS group_code, d.consent_at, d.gender, d.age_band, d.employment_status, d.education_level, d.disability,
                d.third_country_national, d.foreign_background, d.minority, d.homeless, d.rural
           FROM registration_indicator_data d JOIN registration r ON r.id = d.registration_id JOIN course_group g ON g.id = r.group_id
          WHERE r.person_id = $1 ORDER BY d.consent_at`,
      ),
      attendance: await rows(
        `SELECT g.code AS group_code, s.starts_at, s.ends_at, m.status, m.marked_at
           FROM attendance_mark m JOIN session s ON s.id = m.session_id JOIN course_group g ON g.id = s.group_id
          WHERE m.person_id = $1 ORDER BY s.starts_at`,
      ),
      questionnaires: await rows(
        `SELECT g.code AS group_code, i.invited_at, EXISTS (SELECT 1 FROM questionnaire_completion c WHERE c.group_id = i.group_id AND c.person_id = i.person_id) AS filled
           FROM questionnaire_invitation i JOIN course_group g ON g.id = i.group_id WHERE i.person_id = $1 ORDER BY i.invited_at`,
      ),
      knowledgeTests: await rows(
        `SELECT t.title_lv AS test, g.code AS group_code, i.invited_at, a.number AS attempt, a.started_at, a.submitted_at, a.score, a.max_score, a.passed
           FROM knowledge_test_invitation i JOIN knowledge_test t ON t.id = i.test_id JOIN course_group g ON g.id = i.group_id
           LEFT JOIN knowledge_test_attempt a ON a.invitation_id = i.id
          WHERE i.person_id = $1 ORDER BY i.invited_at, a.number`,
      ),
      certificates: await rows(`SELECT to_jsonb(c) AS certificate FROM certificate c WHERE c.person_id = $1 ORDER BY c.issued_at`),
      invoices: await rows(
        `SELECT number, type, status, buyer ->> 'name' AS payer_name, total_cents, issue_date, due_date FROM invoice WHERE payer_person_id = $1 ORDER BY created_at`,
      ),
      questions: await rows(
        `SELECT created_at, name, email, text, status, answer, answered_at FROM support_question
          WHERE person_id = $1 OR ($2::text IS NOT NULL AND lower(email) = lower($2)) ORDER BY created_at`,
        [id, person.email ?? null],
      ),
      interestRequests: await rows(
        `SELECT c.code AS course_code, c.title_lv AS course_title, r.created_at FROM interest_request r JOIN course c ON c.id = r.course_id
          WHERE r.person_id = $1 ORDER BY r.created_at`,
      ),
      coordinatorRequests: await rows(
        `SELECT institution_name, registration_number, status, created_at, decided_at, decision_note FROM coordinator_nomination WHERE person_id = $1 ORDER BY created_at`,
      ),
      emails: await rows(
        `SELECT created_at, kind, language, to_address, subject, text, status, sent_at FROM outbox_message WHERE person_id = $1 ORDER BY created_at`,
      ),
      signIns: await rows(`SELECT created_at, last_seen_at, expires_at, revoked_at FROM auth_session WHERE person_id = $1 ORDER BY created_at`),
      calendarFeeds: await rows(`SELECT created_at, last_used_at FROM calendar_feed WHERE person_id = $1`),
      auditLog: await rows(
        `SELECT at, action, entity, (SELECT coalesce(jsonb_agg(k ORDER BY k), '[]'::jsonb) FROM jsonb_object_keys(changes) k) AS fields
           FROM audit_log WHERE person_id = $1 ORDER BY id`,
      ),
    };
  }

  /**
   * Staff erase a person on request: the name becomes a placeholder, contacts, personal code,
   * roles, sign-ins, e-mails and questions go, and the audit rows about them keep only which
   * fields changed. Issued invoices stay as they are (accounting law); registrations, attendance
   * and anonymous answers stay, naming nobody. A person with registrations still running is
   * refused (cancel them first); nobody erases themself.
   */
  async erase(ctx: RequestContext, personId: string, reason: string): Promise<ErasureReport> {
    if (!isStaff(ctx.viewer) || ctx.viewer?.kind !== 'person') throw new ForbiddenError();
    const problems = new Problems();
    const why = reason?.trim() ?? '';
    problems.check(why.length >= 3 && why.length <= 1000, 'reason', 'REQUIRED', 'Give the reason (the request it answers), 3 to 1000 characters');
    problems.check(ctx.viewer.personId !== personId, 'id', 'SELF', 'Nobody erases themself');
    problems.throwIfAny();
    if (!isUuid(personId)) throw new NotFoundError('Person', personId);
    return inTransaction(this.dataSource, async (em) => {
      const [person] = (await em.query(`SELECT id, given_name, family_name, email, erased_at FROM person WHERE id = $1 FOR UPDATE`, [personId])) as {
        id: string;
        given_name: string;
        family_name: string;
        email: string | null;
        erased_at: Date | null;
      }[];
      if (!person) throw new NotFoundError('Person', personId);
      if (person.erased_at) throw new DomainError(ErrorCode.ALREADY_EXISTS, 'The person is already erased');
      const [{ running }] = (await em.query(
        `SELECT count(*)::int AS running FROM registration r JOIN course_group g ON g.id = r.group_id
          WHERE r.person_id = $1 AND r.status IN ('CONFIRMED', 'WAITING') AND g.status <> 'CANCELLED'
            AND (EXISTS (SELECT 1 FROM session s WHERE s.group_id = g.id AND s.ends_at > now())
                 OR (g.status IN ('PLANNED', 'OPEN') AND NOT EXISTS (SELECT 1 FROM session s WHERE s.group_id = g.id)))`,
        [personId],
      )) as { running: number }[];
      new Problems()
        .check(running === 0, 'id', 'ACTIVE_REGISTRATIONS', `The person has ${running} registration(s) in groups still running; cancel them first`)
        .throwIfAny();
      const fullName = `${person.given_name} ${person.family_name}`;
      const placeholder = `${ERASED_GIVEN_NAME} ${ERASED_FAMILY_NAME}`;
      // Rows about this person written from here on, and earlier ones, may have their values blanked (the audit log's one exception).
      await em.query(`SELECT set_config('mps.audit_redaction', $1, true)`, [personId]);

      const [removed] = (await em.query(
        `DELETE FROM outbox_message WHERE person_id = $1 OR ($2::text IS NOT NULL AND lower(to_address) = lower($2)) RETURNING id`,
        [personId, person.email],
      )) as [unknown[], number];
      // Others' e-mails that name the person (a coordinator told of an employee's registration) keep their text without the name.
      const [redacted] = (await em.query(
        `UPDATE outbox_message SET subject = replace(subject, $1, $2), html = replace(html, $1, $2), text = replace(text, $1, $2), to_name = replace(to_name, $1, $2)
          WHERE strpos(subject, $1) > 0 OR strpos(html, $1) > 0 OR strpos(text, $1) > 0 OR strpos(to_name, $1) > 0 RETURNING id`,
        [fullName, placeholder],
      )) as [unknown[], number];
      await em.query(`DELETE FROM support_question WHERE person_id = $1 OR ($2::text IS NOT NULL AND lower(email) = lower($2))`, [personId, person.email]);
      for (const table of [
        'person_code',
        'person_role',
        'institution_coordinator',
        'interest_request',
        'coordinator_nomination',
        'calendar_feed',
        'auth_session',
      ]) {
        await em.query(`DELETE FROM ${table} WHERE person_id = $1`, [personId]);
      }
      await em.query(`UPDATE employment SET work_email = NULL WHERE person_id = $1`, [personId]);
      await em.query(`UPDATE registration SET payer_snapshot = NULL, cancellation_reason = NULL WHERE person_id = $1`, [personId]);
      await em.query(`UPDATE lecturer SET name = $2, email = NULL, person_id = NULL WHERE person_id = $1`, [personId, placeholder]);
      // A certificate naming nobody proves nothing: it keeps its number and facts for statistics, and is revoked.
      await em.query(
        `UPDATE certificate SET given_name = $2, family_name = $3, revoked_at = coalesce(revoked_at, now()), revoke_reason = coalesce(revoke_reason, $4)
          WHERE person_id = $1`,
        [personId, ERASED_GIVEN_NAME, ERASED_FAMILY_NAME, 'Personas dati dzēsti pēc pieprasījuma'],
      );
      const [[{ erased_at: erasedAt }]] = (await em.query(
        `UPDATE person SET given_name = $2, family_name = $3, email = NULL, phone = NULL, declared_address = NULL, employer_name = NULL,
                employer_registration_number = NULL, employer_vat_number = NULL, employer_address = NULL, employer_invoice_email = NULL,
                demo_note = NULL, erased_at = now()
          WHERE id = $1 RETURNING erased_at`,
        [personId, ERASED_GIVEN_NAME, ERASED_FAMILY_NAME],
      )) as [{ erased_at: Date }[], number];
      // Last, so that the rows this transaction's own changes wrote are blanked too.
      const [auditRows] = (await em.query(
        `UPDATE audit_log SET changes = coalesce((SELECT jsonb_object_agg(k, '{"old": null, "new": null}'::jsonb) FROM jsonb_object_keys(changes) k), '{}'::jsonb),
                note = 'erased'
          WHERE person_id = $1 RETURNING id`,
        [personId],
      )) as [unknown[], number];
      const [{ invoices }] = (await em.query(`SELECT count(*)::int AS invoices FROM invoice WHERE payer_person_id = $1`, [personId])) as { invoices: number }[];
      await this.audit.record({ action: AuditAction.ERASE, entity: 'person', entityId: personId, personId, note: why }, em);
      return {
        personId,
        erasedAt,
        invoicesKept: invoices,
        emailsRemoved: removed.length,
        emailsRedacted: redacted.length,
        auditRowsRedacted: auditRows.length,
      };
    });
  }
}
