import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { ApiScope } from '../../common/roles.js';

export { ApiScope } from '../../common/roles.js';

/** Scopes that only make sense for one institution's data. */
export const INSTITUTION_SCOPES: readonly ApiScope[] = [ApiScope.EMPLOYEES_READ, ApiScope.REGISTRATIONS_READ];

@ObjectType({ description: 'A token a third-party system uses with `Authorization: Bearer`. Only its hash is stored.' })
@Entity('api_token')
export class ApiToken {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'What the token is for, e.g. "VK personāla sistēma".' })
  @Column()
  name: string;

  @Column({ name: 'token_hash', unique: true })
  tokenHash: string;

  @Field({ description: 'The first characters of the token, to recognise it in logs.' })
  @Column({ name: 'token_prefix' })
  tokenPrefix: string;

  @Field(() => [ApiScope])
  @Column({ type: 'text', array: true })
  scopes: ApiScope[];

  @Column({ name: 'institution_id', type: 'uuid', nullable: true })
  institutionId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
