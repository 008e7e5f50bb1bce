import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum MaterialVisibility {
  PUBLIC = 'PUBLIC',
  PARTICIPANTS = 'PARTICIPANTS',
}

registerEnumType(MaterialVisibility, {
  name: 'MaterialVisibility',
  description: 'PUBLIC: anyone who may see the course; PARTICIPANTS: its confirmed participants (of the group, for a group material), its lecturers and staff.',
});

export enum MaterialKind {
  LINK = 'LINK',
  FILE = 'FILE',
}

registerEnumType(MaterialKind, { name: 'MaterialKind' });

/** The bytes of an upload are in the file storage under `storageKey`; this row describes them. */
@Entity('stored_file')
export class StoredFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'storage_key', unique: true })
  storageKey: string;

  @Column({ name: 'file_name' })
  fileName: string;

  @Column({ name: 'content_type' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes: number;

  @Column()
  sha256: string;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/** A course material (R-CAT-5): a link or a file, for a course or one of its groups. */
@ObjectType({ description: 'A course material: a link or a file, for the whole course or one of its groups (R-CAT-5).' })
@Entity('course_material')
export class CourseMaterial {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Field(() => ID, { nullable: true, description: 'Set: the material belongs to this group only.' })
  @Column({ name: 'group_id', type: 'uuid', nullable: true })
  groupId: string | null;

  @Field()
  @Column({ name: 'title_lv' })
  titleLv: string;

  @Field()
  @Column({ name: 'title_en', type: 'text', default: '' })
  titleEn: string;

  @Field()
  @Column({ name: 'description_lv', type: 'text', default: '' })
  descriptionLv: string;

  @Field()
  @Column({ name: 'description_en', type: 'text', default: '' })
  descriptionEn: string;

  @Field(() => MaterialVisibility)
  @Column({ type: 'text' })
  visibility: MaterialVisibility;

  /** A link's address; null for a file. */
  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Field(() => ID, { nullable: true, description: 'The uploaded file (staff: from POST /api/materials/files); null for a link.' })
  @Column({ name: 'file_id', type: 'uuid', nullable: true })
  fileId: string | null;

  @Field(() => Int, { description: 'Order within the course (smaller first).' })
  @Column({ type: 'int', default: 0 })
  position: number;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
