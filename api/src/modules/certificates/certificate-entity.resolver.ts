import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isStaff, type Context } from '../../graphql/context.js';
import { Course } from '../catalog/course.entity.js';
import { Person } from '../people/person.entity.js';
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
