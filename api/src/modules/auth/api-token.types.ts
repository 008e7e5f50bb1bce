import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ApiScope, ApiToken } from './api-token.entity.js';

@InputType({ description: 'Institution scopes (EMPLOYEES_READ, REGISTRATIONS_READ) need an institution; CATALOG_READ alone needs none.' })
export class ApiTokenInput {
  @Field({ description: 'What the token is for, up to 100 characters.' })
  name: string;

  @Field(() => [ApiScope])
  scopes: ApiScope[];

  @Field(() => ID, { nullable: true })
  institutionId?: string | null;

  @Field(() => Date, { nullable: true, description: 'In the future; none: the token lives until it is revoked.' })
  expiresAt?: Date | null;
}

@InputType()
export class ApiTokenFilter {
  @Field({ nullable: true, description: 'Words in the name or the prefix.' })
  q?: string;

  @Field(() => ID, { nullable: true })
  institutionId?: string;

  @Field({ nullable: true, description: 'true: neither revoked nor expired; false: revoked or expired.' })
  active?: boolean;

  @Field(() => [ID], { nullable: true })
  ids?: string[];
}

@ObjectType()
export class ApiTokenPage {
  @Field(() => [ApiToken])
  items: ApiToken[];

  @Field(() => Int)
  total: number;
}

@ObjectType({ description: 'A new token. `token` is shown this once: only its hash is kept.' })
export class CreatedApiToken {
  @Field({ description: 'The secret for `Authorization: Bearer`.' })
  token: string;

  @Field(() => ApiToken)
  apiToken: ApiToken;
}
