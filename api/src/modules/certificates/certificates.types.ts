import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Certificate } from './certificate.entity.js';

@ObjectType({ description: 'What the public verification of a certificate confirms (R-AFT-3): nothing beyond what is printed on it.' })
export class CertificateCheck {
  @Field()
  number: string;

  @Field({ description: 'The name printed on it.' })
  name: string;

  @Field({ description: 'In the request language.' })
  courseTitle: string;

  @Field(() => Float, { nullable: true })
  hours: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  completedOn: string | null;

  @Field()
  issuedAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set: the certificate is no longer valid.' })
  revokedAt: Date | null;
}

@InputType()
export class CertificateFilter {
  @Field(() => String, { nullable: true, description: 'Words of the number, the name or the course.' })
  q?: string | null;

  @Field(() => Boolean, { nullable: true })
  revoked?: boolean | null;

  @Field(() => ID, { nullable: true })
  personId?: string | null;
}

@ObjectType()
export class CertificatePage {
  @Field(() => [Certificate])
  items: Certificate[];

  @Field(() => Int)
  total: number;
}
