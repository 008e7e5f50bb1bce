import { randomBytes } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError, Problems, ValidationError } from '../../common/errors.js';
import { isUuid, pageWindow, type Page, type PageArgs } from '../../common/pagination.js';
import { isStaff, type RequestContext } from '../../common/request-context.js';
import { Language } from '../../common/roles.js';
import { inTransaction } from '../../db/transaction.js';
import type { AttendanceService } from '../attendance/attendance.service.js';
import { foldedSql, searchTerms } from '../catalog/search-text.js';
import { NotificationKind } from '../notifications/notification-kinds.js';
import type { EmailRequest, NotificationsService } from '../notifications/notifications.service.js';
import type { PeopleService } from '../people/people.service.js';
import { Certificate } from './certificate.entity.js';
import { certificatePdf } from './certificate-pdf.js';

/** Groups that ended at most this long ago are looked at (attendance marked late still counts; years-old groups do not flood anyone). */
export const ISSUE_WITHIN_DAYS = 180;
/** Certificates issued in one sweep; the next sweep takes the rest. */
const BATCH = 200;
/** The numbering series: VAS-S-2026-000042. */
const SERIES = 'VAS-S';

export const certificatePath = (code: string) => `/sertifikats/${code}`;
export const certificatePdfPath = (id: string) => `/api/certificates/${id}.pdf`;

/** What the public verification confirms (and nothing more: no personal code, no e-mail). */
export interface CertificateCheck {
  number: string;
  name: string;
  courseTitle: string;
  hours: number | null;
  completedOn: string | null;
  issuedAt: Date;
  revokedAt: Date | null;
}

export interface CertificateFilter {
  q?: string | null;
  revoked?: boolean | null;
  personId?: string | null;
}

/** A 128-bit code in lower-case base32 (26 characters): unguessable, and easy to read out or type. */
function verificationCode(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = randomBytes(17);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 26) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

const rigaDate = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(instant);

/**
 * Certificates (R-AFT-3). A recurring sweep (and a nudge right after a questionnaire is filled)
 * issues one to every person with a CONFIRMED registration in a group that ended, who met the
 * course's attendance rule (AttendanceService) and, when the course has a questionnaire, filled it.
 * One transaction per sweep, under one lock: numbers have no gaps, and the unique (person, group)
 * index keeps retries and parallel workers from issuing twice; the e-mail is queued with it.
 */
export class CertificatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attendance: AttendanceService,
    private readonly notifications: NotificationsService,
    private readonly people: PeopleService,
    private readonly settings: { publicUrl: string },
  ) {}

  /** Newest first, revoked ones included (the profile marks them). */
  certificatesByPersonIds(personIds: readonly string[]): Promise<Certificate[]> {
    return this.dataSource.getRepository(Certificate).find({ where: { personId: In([...personIds]) }, order: { issuedAt: 'DESC' } });
  }

  /** Issues what is due at `now`; answers the certificates issued. */
  async issueDue(now: Date = new Date()): Promise<Certificate[]> {
    const issued = await inTransaction(this.dataSource, async (em) => {
      // One issuer at a time: the yearly counter and the existence checks stay consistent.
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('certificate-issue'))`);
      const due = await this.due(em, now);
      const made: Certificate[] = [];
      for (const row of due) made.push(await this.issue(em, row, now));
      await this.notify(em, made);
      return made;
    });
    if (issued.length > 0) this.notifications.queued();
    return issued;
  }

  private async due(em: EntityManager, now: Date) {
    const rows: {
      person_id: string;
      group_id: string;
      course_id: string;
      given_name: string;
      family_name: string;
      title_lv: string;
      title_en: string;
      last_ends_at: Date;
      minutes: number;
    }[] = await em.query(
      `SELECT r.person_id, g.id AS group_id, c.id AS course_id, p.given_name, p.family_name, c.title_lv, c.title_en, last.ends_at AS last_ends_at,
              (SELECT coalesce(sum(round(extract(epoch FROM s.ends_at - s.starts_at) / 60)), 0)::int FROM session s WHERE s.group_id = g.id) AS minutes
         FROM course_group g
         JOIN course c ON c.id = g.course_id
         JOIN LATERAL (SELECT s.ends_at FROM session s WHERE s.group_id = g.id ORDER BY s.ends_at DESC LIMIT 1) last ON true
         JOIN registration r ON r.group_id = g.id AND r.status = 'CONFIRMED'
         JOIN person p ON p.id = r.person_id AND p.erased_at IS NULL
        WHERE g.status <> 'CANCELLED'
          AND last.ends_at <= $1 AND last.ends_at > $1::timestamptz - $2 * interval '1 day'
          AND (c.questionnaire_id IS NULL
               OR EXISTS (SELECT 1 FROM questionnaire_completion qc WHERE qc.person_id = r.person_id AND qc.group_id = g.id))
          AND NOT EXISTS (SELECT 1 FROM certificate x WHERE x.person_id = r.person_id AND x.group_id = g.id)
        ORDER BY last.ends_at, g.id, r.person_id`,
      [now, ISSUE_WITHIN_DAYS],
    );
    // The attendance rule stays one rule (AttendanceService); those who have not met it (or whose
    // sessions are not all marked yet) wait without holding back the rest.
    const completions = await this.attendance.completions(em, [...new Set(rows.map((row) => row.group_id))]);
    return rows.filter((row) => completions.get(row.group_id)?.get(row.person_id)?.met === true).slice(0, BATCH);
  }

  private async issue(em: EntityManager, row: Awaited<ReturnType<CertificatesService['due']>>[number], now: Date): Promise<Certificate> {
    const year = Number(rigaDate(now).slice(0, 4));
    const [{ last_number: sequence }]: { last_number: number }[] = await em.query(
      `INSERT INTO certificate_counter (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = certificate_counter.last_number + 1 RETURNING last_number`,
      [year],
    );
    return em.save(
      em.create(Certificate, {
        number: `${SERIES}-${year}-${String(sequence).padStart(6, '0')}`,
        verificationCode: verificationCode(),
        personId: row.person_id,
        courseId: row.course_id,
        groupId: row.group_id,
        givenName: row.given_name,
        familyName: row.family_name,
        courseTitleLv: row.title_lv,
        courseTitleEn: row.title_en || row.title_lv,
        hours: Math.round((row.minutes / 60) * 100) / 100,
        completedOn: rigaDate(new Date(row.last_ends_at)),
        issuedAt: now,
        revokedAt: null,
        revokedBy: null,
        revokeReason: null,
      }),
    );
  }

  private async notify(em: EntityManager, issued: Certificate[]): Promise<void> {
    if (issued.length === 0) return;
    const contacts = await this.people.contactsByIds([...new Set(issued.map((c) => c.personId))], em);
    const groups: { id: string; code: string; course_code: string; starts_at: Date; ends_at: Date }[] = await em.query(
      `SELECT g.id, g.code, c.code AS course_code, last.starts_at, last.ends_at
         FROM course_group g JOIN course c ON c.id = g.course_id
         JOIN LATERAL (SELECT s.starts_at, s.ends_at FROM session s WHERE s.group_id = g.id ORDER BY s.ends_at DESC LIMIT 1) last ON true
        WHERE g.id = ANY($1::uuid[])`,
      [[...new Set(issued.map((c) => c.groupId))]],
    );
    const groupById = new Map(groups.map((g) => [g.id, g]));
    const emails: EmailRequest[] = [];
    for (const certificate of issued) {
      const to = contacts.get(certificate.personId);
      const group = groupById.get(certificate.groupId);
      if (!to || !group) continue;
      emails.push({
        kind: NotificationKind.CERTIFICATE_ISSUED,
        idempotencyKey: `${NotificationKind.CERTIFICATE_ISSUED}:${certificate.id}`,
        to,
        groupId: certificate.groupId,
        data: {
          recipientName: to.name,
          recipientRole: 'PARTICIPANT',
          course: { code: group.course_code, title: (to.language === Language.EN ? certificate.courseTitleEn : certificate.courseTitleLv) ?? '' },
          group: { code: group.code },
          portalUrl: `${this.settings.publicUrl}/profils#sertifikati`,
          lastSession: { startsAt: new Date(group.starts_at).toISOString(), endsAt: new Date(group.ends_at).toISOString() },
          certificate: {
            number: certificate.number,
            hours: certificate.hours ?? 0,
            verifyUrl: `${this.settings.publicUrl}${certificatePath(certificate.verificationCode)}`,
          },
        },
      });
    }
    await this.notifications.enqueue(em, emails);
  }

  /** Anyone: what a certificate confirms, by its verification code; null for an unknown code. */
  async verify(code: string, lang: Language): Promise<CertificateCheck | null> {
    const clean = (code ?? '').trim().toLowerCase();
    if (!/^[a-z0-9]{16,64}$/.test(clean)) return null;
    const certificate = await this.dataSource.getRepository(Certificate).findOneBy({ verificationCode: clean });
    if (!certificate) return null;
    return {
      number: certificate.number,
      name: `${certificate.givenName ?? ''} ${certificate.familyName ?? ''}`.trim(),
      courseTitle: (lang === Language.EN ? certificate.courseTitleEn : certificate.courseTitleLv) ?? '',
      hours: certificate.hours,
      completedOn: certificate.completedOn,
      issuedAt: certificate.issuedAt,
      revokedAt: certificate.revokedAt,
    };
  }

  /** The certificate's owner and staff: its PDF, in `lang`. */
  async pdf(ctx: RequestContext, id: string, lang: Language): Promise<{ bytes: Buffer; fileName: string }> {
    const certificate = isUuid(id) ? await this.dataSource.getRepository(Certificate).findOneBy({ id }) : null;
    if (!certificate) throw new NotFoundError('Certificate', id);
    if (ctx.viewer?.personId !== certificate.personId && !isStaff(ctx.viewer)) throw new NotFoundError('Certificate', id);
    const bytes = await certificatePdf({
      language: lang,
      number: certificate.number,
      name: `${certificate.givenName ?? ''} ${certificate.familyName ?? ''}`.trim(),
      courseTitle: (lang === Language.EN ? certificate.courseTitleEn : certificate.courseTitleLv) ?? '',
      hours: certificate.hours,
      completedOn: certificate.completedOn,
      issuedAt: certificate.issuedAt,
      revokedAt: certificate.revokedAt,
      verifyUrl: `${this.settings.publicUrl}${certificatePath(certificate.verificationCode)}`,
    });
    return { bytes, fileName: `${certificate.number}.pdf` };
  }

  /** Staff: the certificate stops being valid; the verification page says so, with the date. */
  async revoke(ctx: RequestContext, id: string, reason: string): Promise<Certificate> {
    if (!isStaff(ctx.viewer) || ctx.viewer?.kind !== 'person') throw new ForbiddenError();
    const why = reason?.trim() ?? '';
    new Problems().check(why.length >= 3 && why.length <= 1000, 'reason', 'REQUIRED', 'Give the reason, 3 to 1000 characters').throwIfAny();
    const revokedBy = ctx.viewer.personId;
    return inTransaction(this.dataSource, async (em) => {
      const certificate = isUuid(id)
        ? await em.getRepository(Certificate).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne()
        : null;
      if (!certificate) throw new NotFoundError('Certificate', id);
      if (certificate.revokedAt) throw new ValidationError([{ field: 'id', code: 'ALREADY_REVOKED', message: 'The certificate is already revoked' }]);
      certificate.revokedAt = new Date();
      certificate.revokedBy = revokedBy;
      certificate.revokeReason = why;
      return em.save(certificate);
    });
  }

  /** Staff: certificates, newest first; by number or name, revoked or not, of one person. */
  async list(ctx: RequestContext, filter: CertificateFilter = {}, pageArgs?: PageArgs): Promise<Page<Certificate>> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 25 }, problems);
    const qb = this.dataSource.getRepository(Certificate).createQueryBuilder('c');
    searchTerms(filter.q ?? '').forEach((term, i) =>
      qb.andWhere(
        `(lower(c.number) LIKE :q${i} OR ${foldedSql("coalesce(c.given_name, '') || ' ' || coalesce(c.family_name, '')")} LIKE :q${i} OR ${foldedSql("coalesce(c.course_title_lv, '')")} LIKE :q${i})`,
        { [`q${i}`]: `%${term}%` },
      ),
    );
    if (filter.revoked === true) qb.andWhere('c.revoked_at IS NOT NULL');
    if (filter.revoked === false) qb.andWhere('c.revoked_at IS NULL');
    if (filter.personId) {
      problems.check(isUuid(filter.personId), 'filter.personId', 'INVALID_ID', 'personId must be an id');
      qb.andWhere('c.person_id = :personId', { personId: filter.personId });
    }
    problems.throwIfAny();
    const [items, total] = await qb.orderBy('c.issued_at', 'DESC').addOrderBy('c.id').offset(window.offset).limit(window.limit).getManyAndCount();
    return { items, total };
  }
}
