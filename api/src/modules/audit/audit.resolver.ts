import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../common/pagination.js';
import type { Permission } from '../../graphql/auth-checker.js';
import { type Context } from '../../graphql/context.js';
import { UserRole } from '../people/person.entity.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditService, auditChanges } from './audit.service.js';
import { AuditChange, AuditFilter, AuditPage } from './audit.types.js';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Authorized<Permission>(UserRole.STAFF)
  @Query(() => AuditPage, { description: 'Staff: the audit log (R-NF-3), newest first. It has no mutation: nobody edits or deletes it.' })
  auditLog(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter) {
    return this.audit.list(ctx, filter, page);
  }
}

/** The log is read by staff only (the query's rule); its fields need no rule of their own beyond that. */
@Resolver(() => AuditEntry)
export class AuditEntryResolver {
  @FieldResolver(() => [AuditChange], { description: 'Field by field, sorted by name.' })
  changes(@Root() entry: AuditEntry) {
    return auditChanges(entry);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The acting person’s name as it is now.' })
  async actorName(@Root() entry: AuditEntry, @Ctx() ctx: Context) {
    if (!entry.actorPersonId) return null;
    const person = await ctx.loaders.person.load(entry.actorPersonId);
    return person ? `${person.givenName} ${person.familyName}` : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The name of the person the row is about, as it is now.' })
  async personName(@Root() entry: AuditEntry, @Ctx() ctx: Context) {
    if (!entry.personId) return null;
    const person = await ctx.loaders.person.load(entry.personId);
    return person ? `${person.givenName} ${person.familyName}` : null;
  }
}
