import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum NominationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(NominationStatus, {
  name: 'NominationStatus',
  description: 'PENDING until staff decide; APPROVED made the person a coordinator; WITHDRAWN by the person.',
});

/**
 * A person asks to become their institution's coordinator (R-ID-7); staff approve (which appoints
 * them) or refuse. At most one PENDING request per person and registration number (a unique index).
 */
@ObjectType({ description: "A person's request to become an institution's coordinator." })
@Entity('coordinator_nomination')
export class CoordinatorNomination {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Field({ description: "The institution's registration number as the person gave it (11 digits)." })
  @Column({ name: 'registration_number', type: 'text' })
  registrationNumber: string;

  @Field({ description: "The institution's name as the person gave it." })
  @Column({ name: 'institution_name', type: 'text' })
  institutionName: string;

  @Field({ description: "The person's position at the institution." })
  @Column({ type: 'text' })
  position: string;

  @Field(() => String, { nullable: true, description: 'Anything the person wants staff to know.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => NominationStatus)
  @Column({ type: 'text', default: NominationStatus.PENDING })
  status: NominationStatus;

  @Field(() => String, { nullable: true, description: "Staff's words with the decision (required when refusing); the person is told." })
  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ name: 'institution_id', type: 'uuid', nullable: true })
  institutionId: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
