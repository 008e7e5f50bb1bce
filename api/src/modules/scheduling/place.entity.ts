import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A room where sessions take place.' })
@Entity('place')
export class Place {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column()
  name: string;

  @Field()
  @Column()
  address: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  room: string | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  capacity: number;
}
