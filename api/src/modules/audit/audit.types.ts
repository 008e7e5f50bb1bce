import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AuditAction, AuditEntry } from './audit-entry.entity.js';

@ObjectType({ description: 'One field of an audit row: its value before and after, as JSON text (null: none).' })
export class AuditChange {
  @Field()
  field: string;

  @Field(() => String, { nullable: true })
  old: string | null;

  @Field(() => String, { nullable: true })
  new: string | null;
}

@InputType()
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'The table, e.g. "registration".' })
  entity?: string | null;

  @Field(() => String, { nullable: true })
  entityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Rows about this person.' })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Rows this person caused.' })
  actorPersonId?: string | null;

  @Field(() => AuditAction, { nullable: true })
  action?: AuditAction | null;

  @Field(() => Date, { nullable: true, description: 'From this instant (inclusive).' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this instant.' })
  to?: Date | null;

  @Field(() => [ID], { nullable: true, description: 'Only these rows (at most 100).' })
  ids?: string[] | null;
}

@ObjectType()
export class AuditPage {
  @Field(() => [AuditEntry], { description: 'Newest first.' })
  items: AuditEntry[];

  @Field(() => Int)
  total: number;
}
