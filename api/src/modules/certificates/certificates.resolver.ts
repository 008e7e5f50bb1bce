import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../common/pagination.js';
import { isStaff } from '../../common/request-context.js';
import type { Permission } from '../../graphql/auth-checker.js';
import { type Context } from '../../graphql/context.js';
import { UserRole } from '../people/person.entity.js';
import { Certificate } from './certificate.entity.js';
import { CertificatesService, certificatePath, certificatePdfPath } from './certificates.service.js';
import { CertificateCheck, CertificateFilter, CertificatePage } from './certificates.types.js';

@Resolver()
export class CertificatesResolver {
  constructor(private readonly service: CertificatesService) {}

  @Query(() => CertificateCheck, {
    nullable: true,
    description: 'Anyone: whether a certificate is genuine, by the code printed on it (R-AFT-3); null for an unknown code.',
  })
  verifyCertificate(@Ctx() ctx: Context, @Arg('code') code: string) {
    return this.service.verify(code, ctx.lang);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Query(() => CertificatePage, { description: 'Staff: certificates issued, newest first.' })
  certificates(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => CertificateFilter, { nullable: true }) filter?: CertificateFilter) {
    return this.service.list(ctx, filter, page);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => Certificate, { description: 'Staff: the certificate is no longer valid (the reason is kept). VALIDATION `id` ALREADY_REVOKED.' })
  revokeCertificate(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return this.service.revoke(ctx, id, reason);
  }
}

/** Who sees a certificate at all is decided where it is reached (Person.certificates, Registration.certificate, staff lists). */
@Resolver(() => Certificate)
export class CertificateLinksResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The PDF (a path of this server): the owner and staff; null for others.' })
  pdfUrl(@Root() certificate: Certificate, @Ctx() ctx: Context) {
    return ctx.viewer?.personId === certificate.personId || isStaff(ctx.viewer) ? certificatePdfPath(certificate.id) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The public verification page (a path of the portal): the owner and staff; null for others.' })
  verificationPath(@Root() certificate: Certificate, @Ctx() ctx: Context) {
    return ctx.viewer?.personId === certificate.personId || isStaff(ctx.viewer) ? certificatePath(certificate.verificationCode) : null;
  }

  @FieldResolver(() => String, { description: 'The name printed on it.' })
  name(@Root() certificate: Certificate) {
    return `${certificate.givenName ?? ''} ${certificate.familyName ?? ''}`.trim();
  }

  @FieldResolver(() => String, { description: 'The course title printed on it, in the request language.' })
  courseTitle(@Root() certificate: Certificate, @Ctx() ctx: Context) {
    return (ctx.lang === 'en' ? certificate.courseTitleEn : certificate.courseTitleLv) ?? '';
  }
}
