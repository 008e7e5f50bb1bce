import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * A certificate of a completed course. Issued once the evaluation questionnaire is filled (R-AFT-3);
 * the issuing, the PDF and public verification come with that module's issue.
 */
@ObjectType({ description: 'A certificate a person received for a completed course.' })
@Entity('certificate')
export class Certificate {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'The number printed on the certificate, used to verify it.' })
  @Column({ unique: true })
  number: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId: string;

  @Field()
  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
