import { Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { CalendarFeedService } from './calendar-feed.service.js';

@ObjectType({ description: "The signed-in person's private calendar feed (the link itself is shown only when created)." })
export class CalendarFeedInfo {
  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When a calendar program last read it (to the hour).' })
  lastUsedAt: Date | null;
}

@ObjectType()
export class CalendarFeedLink {
  @Field({ description: 'Secret: whoever has it sees your sessions. Shown once.' })
  url: string;

  @Field()
  createdAt: Date;
}

@Resolver()
export class CalendarFeedResolver {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Authorized()
  @Query(() => CalendarFeedInfo, { nullable: true, description: 'Null while the person has no calendar link.' })
  myCalendarFeed(@Ctx() ctx: Context) {
    return this.feeds.myFeed(ctx);
  }

  @Authorized()
  @Mutation(() => CalendarFeedLink, { description: 'A new private calendar link (R-SCH-4); the previous one stops working.' })
  createMyCalendarFeed(@Ctx() ctx: Context) {
    return this.feeds.createMyFeed(ctx);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Turns the calendar link off; true when there was one.' })
  revokeMyCalendarFeed(@Ctx() ctx: Context) {
    return this.feeds.revokeMyFeed(ctx);
  }
}
