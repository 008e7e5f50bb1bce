import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, Float, ID, ObjectType } from 'type-graphql';

/**
 * A certificate of a completed course (R-AFT-3): issued once the person met the attendance rule and
 * filled the evaluation questionnaire. What it states is a snapshot taken when it was issued.
 */
@ObjectType({ description: 'A certificate a person received for a completed course.' })
@Entity('certificate')
export class Certificate {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The number printed on the certificate, e.g. VAS-S-2026-000042.' })
  @Column({ unique: true })
  number: string;

  /** Unguessable; the public verification page is /sertifikats/<code>. Shown to its owner and staff only. */
  @Column({ name: 'verification_code' })
  verificationCode: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Field(() => ID, { description: 'The group whose course it certifies.' })
  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Column({ name: 'given_name', type: 'text', nullable: true })
  givenName: string | null;

  @Column({ name: 'family_name', type: 'text', nullable: true })
  familyName: string | null;

  @Column({ name: 'course_title_lv', type: 'text', nullable: true })
  courseTitleLv: string | null;

  @Column({ name: 'course_title_en', type: 'text', nullable: true })
  courseTitleEn: string | null;

  @Field(() => Float, { nullable: true, description: "The group's planned hours, as the certificate states them." })
  @Column({
    type: 'numeric',
    precision: 6,
    scale: 2,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  hours: number | null;

  @Field(() => String, { nullable: true, description: 'The day of the group’s last session (Riga), YYYY-MM-DD.' })
  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;

  @Field()
  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Why staff revoked it.' })
  @Column({ name: 'revoke_reason', type: 'text', nullable: true })
  revokeReason: string | null;
}
