import { createHash, randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { FileStorage } from '../../common/file-storage.js';
import { DomainError, ErrorCode, ForbiddenError, NotFoundError, Problems, ValidationError } from '../../common/errors.js';
import { isUuid, pageWindow, validIds, type Page, type PageArgs } from '../../common/pagination.js';
import { ApiScope } from '../../common/roles.js';
import { hasScope, isStaff, type RequestContext } from '../../common/request-context.js';
import { inTransaction } from '../../db/transaction.js';
import { checkMaterialFile, MATERIAL_EXTENSIONS } from './material-files.js';
import { CourseMaterial, StoredFile } from './material.entity.js';
import type { CourseMaterialFilter, CourseMaterialInput, CourseMaterialUpdate } from './materials.types.js';
import { foldedSql, searchTerms } from './search-text.js';

/** What an upload answers: the id to put in `createCourseMaterial(input: { fileId })`. */
export interface UploadedFile {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

export interface MaterialDownload {
  bytes: Buffer;
  fileName: string;
  contentType: string;
  sha256: string;
}

/** The portal's download address of a material's file. */
export const materialFilePath = (materialId: string, fileName: string) => `/api/materials/${materialId}/${encodeURIComponent(fileName)}`;

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 2000;
const URL_MAX = 2000;
/** An uploaded file that no material took within this time is removed. */
export const ORPHAN_FILE_HOURS = 24;

interface Logger {
  error(message: string, error?: unknown): void;
}

/**
 * Course materials (R-CAT-5). Staff add links and files to a course or one of its groups. Who sees
 * one is a rule over SQL (`visibleSql`): staff everything; a PUBLIC material anyone who may see the
 * course; a PARTICIPANTS material the course's (or the group's) confirmed participants and lecturers.
 * The bytes are in the file storage; a row is written only after the bytes are stored, and bytes are
 * removed only after the row is gone, so a material never points at a missing file.
 */
export class MaterialsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    private readonly options: { maxBytes: number },
    private readonly log: Logger = { error: () => {} },
  ) {}

  get maxBytes(): number {
    return this.options.maxBytes;
  }

  /** Staff: stores a file for a material to come. Type and content are checked; the name is cleaned. */
  async upload(ctx: RequestContext, rawName: string, bytes: Buffer): Promise<UploadedFile> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    const check = bytes.length > this.options.maxBytes ? ({ ok: false, code: 'FILE_TOO_LARGE' } as const) : checkMaterialFile(rawName, bytes);
    if (!check.ok) {
      const messages = {
        FILE_TOO_LARGE: `The file is larger than ${Math.round(this.options.maxBytes / 1024 / 1024)} MB`,
        FILE_NAME: 'The file has no usable name',
        FILE_TYPE: `Only these file types are accepted: ${MATERIAL_EXTENSIONS.join(', ')}`,
        FILE_CONTENT: 'The file’s content does not match its type',
        FILE_EMPTY: 'The file is empty',
      };
      throw new ValidationError([{ field: 'file', code: check.code, message: messages[check.code] }]);
    }
    const id = randomUUID();
    const storageKey = `materials/${id}`;
    await this.storage.put(storageKey, bytes, check.contentType);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await this.dataSource.getRepository(StoredFile).insert({
      id,
      storageKey,
      fileName: check.fileName,
      contentType: check.contentType,
      sizeBytes: bytes.length,
      sha256,
      uploadedBy: ctx.viewer?.personId && ctx.viewer.personId !== 'system' ? ctx.viewer.personId : null,
    });
    return { id, fileName: check.fileName, contentType: check.contentType, sizeBytes: bytes.length };
  }

  async create(ctx: RequestContext, input: CourseMaterialInput): Promise<CourseMaterial> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    return inTransaction(this.dataSource, async (em) => {
      const problems = new Problems();
      checkTexts(input, problems);
      problems.check(!!input.url !== !!input.fileId, input.url ? 'fileId' : 'url', 'LINK_OR_FILE', 'Give either a link or a file, one of them');
      if (input.url) checkUrl(input.url, problems);
      problems.check(isUuid(input.courseId), 'courseId', 'INVALID_ID', 'courseId must be an id');
      problems.check(!input.groupId || isUuid(input.groupId), 'groupId', 'INVALID_ID', 'groupId must be an id');
      problems.throwIfAny();
      await this.checkCourseAndGroup(em, input.courseId, input.groupId ?? null);
      if (input.fileId) await this.checkFreeFile(em, input.fileId, null);
      const material = em.create(CourseMaterial, {
        courseId: input.courseId,
        groupId: input.groupId ?? null,
        titleLv: input.titleLv.trim(),
        titleEn: input.titleEn?.trim() ?? '',
        descriptionLv: input.descriptionLv?.trim() ?? '',
        descriptionEn: input.descriptionEn?.trim() ?? '',
        visibility: input.visibility,
        url: input.url?.trim() || null,
        fileId: input.fileId || null,
        position: input.position ?? (await this.nextPosition(em, input.courseId)),
      });
      return em.save(material);
    });
  }

  async update(ctx: RequestContext, id: string, input: CourseMaterialUpdate): Promise<CourseMaterial> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    let replacedFile: StoredFile | null = null;
    const saved = await inTransaction(this.dataSource, async (em) => {
      const material = isUuid(id) ? await em.findOne(CourseMaterial, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!material) throw new NotFoundError('CourseMaterial', id);
      const problems = new Problems();
      checkTexts({ ...material, ...definedOnly(input) }, problems);
      if (input.url !== undefined && input.url !== null) {
        problems.check(!material.fileId, 'url', 'LINK_OR_FILE', 'A file material cannot become a link; add a new material');
        checkUrl(input.url, problems);
      }
      if (input.fileId) problems.check(!!material.fileId, 'fileId', 'LINK_OR_FILE', 'A link cannot become a file; add a new material');
      problems.check(!input.groupId || isUuid(input.groupId), 'groupId', 'INVALID_ID', 'groupId must be an id');
      problems.throwIfAny();
      if (input.groupId !== undefined) await this.checkCourseAndGroup(em, material.courseId, input.groupId);
      if (input.fileId && input.fileId !== material.fileId) {
        await this.checkFreeFile(em, input.fileId, material.id);
        replacedFile = await em.findOneBy(StoredFile, { id: material.fileId! });
        material.fileId = input.fileId;
      }
      if (input.groupId !== undefined) material.groupId = input.groupId;
      if (input.titleLv !== undefined && input.titleLv !== null) material.titleLv = input.titleLv.trim();
      if (input.titleEn !== undefined && input.titleEn !== null) material.titleEn = input.titleEn.trim();
      if (input.descriptionLv !== undefined && input.descriptionLv !== null) material.descriptionLv = input.descriptionLv.trim();
      if (input.descriptionEn !== undefined && input.descriptionEn !== null) material.descriptionEn = input.descriptionEn.trim();
      if (input.visibility) material.visibility = input.visibility;
      if (input.url) material.url = input.url.trim();
      if (input.position !== undefined && input.position !== null) material.position = input.position;
      material.updatedAt = new Date();
      const result = await em.save(material);
      if (replacedFile) await em.delete(StoredFile, { id: (replacedFile as StoredFile).id });
      return result;
    });
    if (replacedFile) await this.removeBytes((replacedFile as StoredFile).storageKey);
    return saved;
  }

  /** Staff: removes the material and its file; answers what was removed. */
  async remove(ctx: RequestContext, id: string): Promise<CourseMaterial> {
    if (!isStaff(ctx.viewer)) throw new ForbiddenError();
    const { material, file } = await inTransaction(this.dataSource, async (em) => {
      const found = isUuid(id) ? await em.findOneBy(CourseMaterial, { id }) : null;
      if (!found) throw new NotFoundError('CourseMaterial', id);
      await em.delete(CourseMaterial, { id });
      const stored = found.fileId ? await em.findOneBy(StoredFile, { id: found.fileId }) : null;
      if (stored) await em.delete(StoredFile, { id: stored.id });
      return { material: found, file: stored };
    });
    if (file) await this.removeBytes(file.storageKey);
    // Its file is gone: the answer describes a link-less, file-less record.
    return { ...material, fileId: null };
  }

  async list(ctx: RequestContext, filter: CourseMaterialFilter = {}, pageArgs?: PageArgs): Promise<Page<CourseMaterial>> {
    const problems = new Problems();
    const window = pageWindow(pageArgs ?? { page: 1, perPage: 50 }, problems);
    const qb = this.visibleQuery(ctx);
    if (filter.q && filter.q.length > 200) problems.add('filter.q', 'TOO_LONG', 'search text must be at most 200 characters');
    searchTerms(filter.q ?? '').forEach((term, i) =>
      qb.andWhere(
        `(${foldedSql('m.title_lv')} LIKE :q${i} OR ${foldedSql('m.title_en')} LIKE :q${i} OR ${foldedSql('m.description_lv')} LIKE :q${i} OR c.search_text LIKE :q${i})`,
        { [`q${i}`]: `%${term}%` },
      ),
    );
    if (filter.courseId) {
      problems.check(isUuid(filter.courseId), 'filter.courseId', 'INVALID_ID', 'courseId must be an id');
      qb.andWhere('m.course_id = :courseId', { courseId: filter.courseId });
    }
    if (filter.groupId) {
      problems.check(isUuid(filter.groupId), 'filter.groupId', 'INVALID_ID', 'groupId must be an id');
      qb.andWhere('m.group_id = :groupId', { groupId: filter.groupId });
    }
    if (validIds(filter.ids, 'filter.ids', problems)) qb.andWhere(filter.ids.length ? 'm.id IN (:...ids)' : 'false', { ids: filter.ids });
    if (filter.mine === true) {
      if (!ctx.viewer?.personId) return { items: [], total: 0 };
      qb.andWhere(entitledSql, { viewerPersonId: ctx.viewer.personId });
    }
    if (filter.mine === false) qb.andWhere(`m.visibility = 'PUBLIC'`);
    problems.throwIfAny();
    const [items, total] = await qb
      .orderBy('c.title_lv')
      .addOrderBy('m.group_id IS NOT NULL')
      .addOrderBy('m.position')
      .addOrderBy('m.title_lv')
      .addOrderBy('m.id')
      .offset(window.offset)
      .limit(window.limit)
      .getManyAndCount();
    return { items, total };
  }

  async get(ctx: RequestContext, id: string): Promise<CourseMaterial> {
    const material = isUuid(id) ? await this.visibleQuery(ctx).andWhere('m.id = :id', { id }).getOne() : null;
    if (!material) throw new NotFoundError('CourseMaterial', id);
    return material;
  }

  /** Per course, what this viewer may see of its materials, in their order (Course.materials). */
  materialsByCourseIds(ctx: RequestContext, courseIds: readonly string[]): Promise<CourseMaterial[]> {
    return this.visibleQuery(ctx)
      .andWhere('m.course_id IN (:...courseIds)', { courseIds })
      .orderBy('m.group_id IS NOT NULL')
      .addOrderBy('m.position')
      .addOrderBy('m.title_lv')
      .getMany();
  }

  filesByIds(ids: readonly string[]): Promise<StoredFile[]> {
    return this.dataSource.getRepository(StoredFile).findBy({ id: In([...ids]) });
  }

  /** A material's file for a viewer who may see the material (others: NOT_FOUND, so its existence is not told). */
  async download(ctx: RequestContext, id: string): Promise<MaterialDownload> {
    const material = await this.get(ctx, id);
    const file = material.fileId ? await this.dataSource.getRepository(StoredFile).findOneBy({ id: material.fileId }) : null;
    if (!file) throw new NotFoundError('CourseMaterial', id);
    const bytes = await this.storage.get(file.storageKey);
    if (!bytes) {
      this.log.error(`The file of material ${id} (${file.storageKey}) is missing from the file storage`);
      throw new DomainError(ErrorCode.NOT_FOUND, 'The file is missing from the storage; staff have been told in the log');
    }
    return { bytes, fileName: file.fileName, contentType: file.contentType, sha256: file.sha256 };
  }

  /** The worker's daily sweep: uploads no material took within a day. Returns how many were removed. */
  async removeOrphanFiles(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - ORPHAN_FILE_HOURS * 3600_000);
    const [rows] = (await this.dataSource.query(
      `DELETE FROM stored_file f WHERE f.created_at < $1 AND NOT EXISTS (SELECT 1 FROM course_material m WHERE m.file_id = f.id) RETURNING storage_key`,
      [cutoff],
    )) as [{ storage_key: string }[], number];
    for (const row of rows) await this.removeBytes(row.storage_key);
    return rows.length;
  }

  private async removeBytes(key: string): Promise<void> {
    try {
      await this.storage.remove(key);
    } catch (error) {
      // The row is gone already: the bytes are unreachable, and only take room.
      this.log.error(`Could not remove ${key} from the file storage`, error);
    }
  }

  private visibleQuery(ctx: RequestContext): SelectQueryBuilder<CourseMaterial> {
    const qb = this.dataSource.getRepository(CourseMaterial).createQueryBuilder('m').innerJoin('course', 'c', 'c.id = m.course_id');
    const viewer = ctx.viewer;
    if (isStaff(viewer)) return qb;
    if (hasScope(viewer, ApiScope.CATALOG_READ)) return qb.where(`m.visibility = 'PUBLIC'`);
    const institutionIds = viewer?.coordinatorInstitutionIds ?? [];
    const publicSql = [
      `c.visibility = 'PUBLIC'`,
      ...(institutionIds.length
        ? [`EXISTS (SELECT 1 FROM course_allowed_institution cai WHERE cai.course_id = m.course_id AND cai.institution_id IN (:...viewerInstitutionIds))`]
        : []),
    ];
    const rules = [`(m.visibility = 'PUBLIC' AND (${publicSql.join(' OR ')}))`, ...(viewer?.personId ? [entitledSql] : [])];
    return qb.where(`(${rules.join(' OR ')})`, { viewerInstitutionIds: institutionIds, viewerPersonId: viewer?.personId ?? null });
  }

  private async checkCourseAndGroup(em: EntityManager, courseId: string, groupId: string | null): Promise<void> {
    const [course] = await em.query('SELECT 1 FROM course WHERE id = $1', [courseId]);
    if (!course) throw new NotFoundError('Course', courseId);
    if (!groupId) return;
    const [group] = await em.query('SELECT course_id FROM course_group WHERE id = $1', [groupId]);
    if (!group) throw new NotFoundError('Group', groupId);
    new Problems().check(group.course_id === courseId, 'groupId', 'OTHER_COURSE', 'The group belongs to another course').throwIfAny();
  }

  /** An uploaded file that exists and that no other material uses. */
  private async checkFreeFile(em: EntityManager, fileId: string, materialId: string | null): Promise<void> {
    const problems = new Problems();
    problems.check(isUuid(fileId), 'fileId', 'INVALID_ID', 'fileId must be an id').throwIfAny();
    const [row] = await em.query(
      `SELECT f.id, (SELECT m.id FROM course_material m WHERE m.file_id = f.id) AS used_by FROM stored_file f WHERE f.id = $1 FOR UPDATE`,
      [fileId],
    );
    problems.check(!!row, 'fileId', 'UNKNOWN_FILE', 'No such uploaded file; upload it again');
    problems.check(!row?.used_by || row.used_by === materialId, 'fileId', 'FILE_IN_USE', 'The file belongs to another material');
    problems.throwIfAny();
  }

  private async nextPosition(em: EntityManager, courseId: string): Promise<number> {
    const [{ next }] = await em.query('SELECT coalesce(max(position), 0) + 1 AS next FROM course_material WHERE course_id = $1', [courseId]);
    return Number(next);
  }
}

/**
 * The viewer took part in the course (a CONFIRMED registration; in that group, for a group's
 * material) or teaches a session of it: SQL over alias `m` with parameter `viewerPersonId`.
 */
const entitledSql = `(EXISTS (SELECT 1 FROM registration r JOIN course_group rg ON rg.id = r.group_id
                              WHERE r.person_id = :viewerPersonId AND r.status = 'CONFIRMED' AND rg.course_id = m.course_id
                                AND (m.group_id IS NULL OR rg.id = m.group_id))
                   OR EXISTS (SELECT 1 FROM session s JOIN course_group sg ON sg.id = s.group_id JOIN lecturer l ON l.id = s.lecturer_id
                              WHERE l.person_id = :viewerPersonId AND sg.course_id = m.course_id
                                AND (m.group_id IS NULL OR sg.id = m.group_id)))`;

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== null)) as Partial<T>;
}

function checkTexts(input: { titleLv?: string; titleEn?: string; descriptionLv?: string; descriptionEn?: string }, problems: Problems): void {
  const title = input.titleLv?.trim() ?? '';
  problems.check(title.length > 0, 'titleLv', 'REQUIRED', 'The title is required');
  problems.check(title.length <= TITLE_MAX, 'titleLv', 'TOO_LONG', `The title must be at most ${TITLE_MAX} characters`);
  problems.check((input.titleEn?.trim() ?? '').length <= TITLE_MAX, 'titleEn', 'TOO_LONG', `The title must be at most ${TITLE_MAX} characters`);
  problems.check((input.descriptionLv ?? '').length <= DESCRIPTION_MAX, 'descriptionLv', 'TOO_LONG', `At most ${DESCRIPTION_MAX} characters`);
  problems.check((input.descriptionEn ?? '').length <= DESCRIPTION_MAX, 'descriptionEn', 'TOO_LONG', `At most ${DESCRIPTION_MAX} characters`);
}

function checkUrl(raw: string, problems: Problems): void {
  let ok = false;
  try {
    const url = new URL(raw.trim());
    ok = (url.protocol === 'https:' || url.protocol === 'http:') && !!url.hostname && !url.username && !url.password;
  } catch {
    ok = false;
  }
  problems.check(ok && raw.length <= URL_MAX, 'url', 'INVALID_URL', 'The link must be an http or https address');
}
