import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AuditAction {
  INSERT = 'INSERT',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  /** A full personal code was shown to someone other than its owner. */
  READ = 'READ',
  /** A person downloaded all their data. */
  EXPORT = 'EXPORT',
  /** A person was erased or anonymised on request. */
  ERASE = 'ERASE',
}
registerEnumType(AuditAction, { name: 'AuditAction', description: 'What happened: a row written by the database, or a read, export or erasure.' });

/** One change or read of personal, payment or registration data (R-NF-3). Written by triggers and AuditService only. */
@ObjectType({ description: 'One row of the audit log: who, when, from where, what changed (old and new values; secrets as "***").' })
@Entity('audit_log')
export class AuditEntry {
  @Field(() => ID)
  @PrimaryColumn({ type: 'bigint' })
  id: string;

  @Field()
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field(() => ID, { nullable: true, description: 'The person who acted; null with a token or for the system itself (jobs).' })
  @Column({ name: 'actor_person_id', type: 'uuid', nullable: true })
  actorPersonId: string | null;

  @Field(() => ID, { nullable: true, description: 'The API token that acted, if any.' })
  @Column({ name: 'actor_token_id', type: 'uuid', nullable: true })
  actorTokenId: string | null;

  @Field(() => String, { nullable: true, description: 'The address the request came from.' })
  @Column({ name: 'actor_ip', type: 'text', nullable: true })
  actorIp: string | null;

  @Field(() => AuditAction)
  @Column({ type: 'text' })
  action: AuditAction;

  @Field({ description: 'The table: person, registration, invoice, …' })
  @Column({ type: 'text' })
  entity: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId: string | null;

  @Field(() => ID, { nullable: true, description: 'The person the data is about, where there is one.' })
  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  /** field -> { old, new }, as JSON values. */
  @Column({ type: 'jsonb' })
  changes: Record<string, { old: unknown; new: unknown }>;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
