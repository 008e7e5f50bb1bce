import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../common/pagination.js';
import type { Permission } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { UserRole } from '../people/person.entity.js';
import { Group } from '../scheduling/group.entity.js';
import { Invoice, InvoiceLine } from './invoice.entity.js';
import { InvoiceFileFormat, InvoicingService } from './invoicing.service.js';
import { InvoiceFileContent, InvoiceFilter, InvoicePage } from './invoicing.types.js';

@Resolver()
export class InvoicingResolver {
  constructor(private readonly invoicing: InvoicingService) {}

  @Authorized<Permission>(UserRole.STAFF, UserRole.COORDINATOR)
  @Query(() => InvoicePage, { description: 'Staff: every invoice; a coordinator: those of their institutions (not drafts). Newest first.' })
  invoices(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => InvoiceFilter, { nullable: true }) filter?: InvoiceFilter) {
    return this.invoicing.list(ctx, filter ?? {}, page);
  }

  @Authorized()
  @Query(() => [Invoice], { description: "The signed-in person's invoices as a private payer (not drafts), newest first." })
  myInvoices(@Ctx() ctx: Context) {
    return this.invoicing.mine(ctx);
  }

  @Authorized()
  @Query(() => InvoiceFileContent, {
    description: 'The PDF or e-invoice of an invoice: staff; coordinators of its institution and its private payer once issued. NOT_FOUND otherwise.',
  })
  async invoiceFile(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('format', () => InvoiceFileFormat) format: InvoiceFileFormat) {
    const file = await this.invoicing.file(ctx, id, format);
    return { filename: file.filename, contentType: file.contentType, base64: file.content.toString('base64') };
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => [Invoice], { description: "Staff: a draft per payer for the group's confirmed paid registrations that no invoice covers yet." })
  createGroupInvoices(@Ctx() ctx: Context, @Arg('groupId', () => ID) groupId: string) {
    return this.invoicing.createDrafts(ctx, groupId);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => Invoice, { description: 'Staff: a draft gets the next number of its series and becomes ISSUED. INVOICE_STATUS when not a draft.' })
  issueInvoice(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.invoicing.issue(ctx, id);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => Invoice, { description: 'Staff: an issued or sent invoice was paid.' })
  markInvoicePaid(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.invoicing.markPaid(ctx, id);
  }

  @Authorized<Permission>(UserRole.STAFF)
  @Mutation(() => Invoice, { description: 'Staff: a draft is dropped; an issued invoice is cancelled by a credit note, which is answered.' })
  cancelInvoice(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return this.invoicing.cancel(ctx, id, reason);
  }
}

@Resolver(() => Invoice)
export class InvoiceEntityResolver {
  @FieldResolver(() => [InvoiceLine])
  lines(@Root() invoice: Invoice, @Ctx() ctx: Context) {
    return ctx.loaders.invoiceLines.load(invoice.id);
  }

  @FieldResolver(() => Group, { nullable: true })
  group(@Root() invoice: Invoice, @Ctx() ctx: Context) {
    return ctx.loaders.group.load(invoice.groupId);
  }

  @FieldResolver(() => String, { description: 'Who pays, as on the invoice.' })
  payerName(@Root() invoice: Invoice) {
    return invoice.buyer.name;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'CREDIT_NOTE: the invoice it cancels.' })
  creditedInvoiceId(@Root() invoice: Invoice) {
    return invoice.creditedInvoiceId;
  }
}
