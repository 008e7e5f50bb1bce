import { Field, InputType } from 'type-graphql';

@InputType()
export class HelpSettingsInput {
  @Field(() => String, { nullable: true, description: 'An https address of at most 2000 characters; empty or null removes the link.' })
  videoUrl?: string | null;
}
