import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';

/** The one row of the help page's settings (R-SUP-2); the migration creates it, nothing deletes it. */
export const HELP_SETTINGS_ID = 1;

@ObjectType({ description: "What staff set for the portal's help page." })
@Entity('help_settings')
export class HelpSettings {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Field(() => String, { nullable: true, description: "The school's instructional video: an https address; null when none is set." })
  @Column({ name: 'video_url', type: 'text', nullable: true })
  videoUrl: string | null;

  @Field(() => Date, { nullable: true, description: 'When staff last changed the settings; null while never changed.' })
  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt: Date | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedById: string | null;
}
