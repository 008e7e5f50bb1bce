import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isStaff } from '../../common/request-context.js';
import { type Context } from '../../graphql/context.js';
import { Course } from '../catalog/course.entity.js';
import { Person } from '../people/person.entity.js';
import { Registration } from '../registration/registration.entity.js';
import { Certificate } from './certificate.entity.js';

@Resolver(() => Certificate)
export class CertificateEntityResolver {
  @FieldResolver(() => Course, { nullable: true, description: 'Null when the viewer may not see the course.' })
  course(@Root() certificate: Certificate, @Ctx() ctx: Context) {
    return ctx.loaders.visibleCourse.load(certificate.courseId);
  }
}

@Resolver(() => Person)
export class PersonCertificatesResolver {
  @FieldResolver(() => [Certificate], { description: '"My certificates": the person and staff see them; others an empty list.' })
  async certificates(@Root() person: Person, @Ctx() ctx: Context) {
    if (ctx.viewer?.personId !== person.id && !isStaff(ctx.viewer)) return [];
    return ctx.loaders.certificates.load(person.id);
  }
}

@Resolver(() => Registration)
export class RegistrationCertificateResolver {
  @FieldResolver(() => Certificate, {
    nullable: true,
    description: 'The certificate for this group, once issued (revoked ones too). The person and staff see it; null for others.',
  })
  async certificate(@Root() registration: Registration, @Ctx() ctx: Context) {
    if (ctx.viewer?.personId !== registration.personId && !isStaff(ctx.viewer)) return null;
    const certificates = await ctx.loaders.certificates.load(registration.personId);
    return certificates.find((certificate) => certificate.groupId === registration.groupId) ?? null;
  }
}
