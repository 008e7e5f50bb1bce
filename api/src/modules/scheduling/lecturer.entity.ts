import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A person who teaches sessions.' })
@Entity('lecturer')
export class Lecturer {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  name: string;

  /** Read rules live on the GraphQL field (staff only). */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** Set when the lecturer signs in as a person of the system. */
  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;
}
